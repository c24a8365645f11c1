/// One problem found in the user's input: where it is and what to do about it.
///
/// Every stage collects diagnostics instead of stopping at the first, so a run reports
/// all of its errors together.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// A run that failed, with every diagnostic it found.
public struct GazetteError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
    }

    public init(file: String, line: Int? = nil, message: String) {
        self.init([Diagnostic(file: file, line: line, message: message)])
    }

    public var description: String {
        let count = diagnostics.count
        let head = count == 1 ? "1 error" : "\(count) errors"
        return ([head + ":"] + diagnostics.map { "  error: \($0)" }).joined(separator: "\n")
    }
}
