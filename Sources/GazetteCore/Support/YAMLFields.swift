import Yams

/// Typed access to a YAML mapping that records, instead of throwing, every value of the
/// wrong type, with the file and line it stands on.
///
/// Front matter and `gazette.yml` both go through it, so "people: 3" reads the same
/// way in either: `file:7: 'people' must be a list of names, not 3`.
struct YAMLFields {
    let file: String
    /// Lines before the YAML text starts in the file (1 for front matter after `---`).
    let lineOffset: Int
    private(set) var values: [(key: String, node: Node)] = []
    var diagnostics: [Diagnostic] = []

    /// Parses `text` as a YAML mapping. Syntax errors become a diagnostic at their line.
    init(yaml text: String, file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
        if let line = YAMLAliasGuard.firstAliasLine(in: text) {
            diagnostics.append(Diagnostic(file: file, line: line + lineOffset, message: "YAML anchors and aliases (&name, *name) are not allowed here; write the value out in full (quote text that starts with * or &)"))
            return
        }
        let root: Node?
        do {
            // The encoding given: Yams's default reads the whole environment on every call.
            // The basic resolver: the default one runs seven regular expressions over every
            // key when Yams checks a mapping for keys given twice (a tenth of reading an
            // article), and Gazette never asks Yams what type a plain value is: numbers,
            // flags and dates are read from the text by the getters below.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, file: file, lineOffset: lineOffset))
            return
        } catch {
            diagnostics.append(Diagnostic(file: file, line: lineOffset + 1, message: "cannot read YAML: \(error)"))
            return
        }
        guard let root else { return }  // empty document: no keys
        guard case .mapping(let mapping) = root else {
            diagnostics.append(Diagnostic(file: file, line: line(of: root), message: "expected 'key: value' lines, found \(Self.describe(root))"))
            return
        }
        var seen = Set<String>()
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            if !seen.insert(key).inserted {
                diagnostics.append(Diagnostic(file: file, line: line(of: keyNode), message: "'\(key)' is given twice; keep one"))
                continue
            }
            values.append((key, value))
        }
    }

    init(node: Node, file: String, lineOffset: Int) {
        self.file = file
        self.lineOffset = lineOffset
        if case .mapping(let mapping) = node {
            for (keyNode, value) in mapping {
                if let key = keyNode.string { values.append((key, value)) }
            }
        }
    }

    var keys: [String] { values.map(\.key) }

    func node(_ key: String) -> Node? {
        values.first(where: { $0.key == key })?.node
    }

    func line(of node: Node) -> Int? {
        node.mark.map { $0.line + lineOffset }
    }

    func line(ofKey key: String) -> Int? {
        node(key).flatMap(line(of:))
    }

    mutating func fail(_ key: String, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line(ofKey: key), message: message))
    }

    /// A plain string. Numbers and dates written bare in YAML are taken as their text.
    mutating func string(_ key: String) -> String? {
        guard let node = node(key) else { return nil }
        if case .scalar(let scalar) = node {
            if scalar.style == .plain && (scalar.string == "~" || scalar.string == "null" || scalar.string.isEmpty) { return nil }
            return scalar.string
        }
        fail(key, "'\(key)' must be text, not \(Self.describe(node))")
        return nil
    }

    mutating func int(_ key: String, range: ClosedRange<Int>) -> Int? {
        guard let node = node(key) else { return nil }
        if let value = node.int, range.contains(value) { return value }
        fail(key, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(Self.describe(node))")
        return nil
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        if let value = node.bool { return value }
        fail(key, "'\(key)' must be true or false, not \(Self.describe(node))")
        return nil
    }

    /// A list of strings; a single string is taken as a list of one, as editors often write.
    mutating func stringList(_ key: String, what: String) -> [String] {
        guard let node = node(key) else { return [] }
        switch node {
        case .sequence(let sequence):
            var out: [String] = []
            for item in sequence {
                if case .scalar(let scalar) = item, !scalar.string.isEmpty {
                    out.append(scalar.string)
                } else {
                    diagnostics.append(Diagnostic(file: file, line: line(of: item), message: "each entry of '\(key)' must be one \(what), not \(Self.describe(item))"))
                }
            }
            return out
        case .scalar(let scalar) where scalar.style != .plain || node.int == nil && node.float == nil && node.bool == nil:
            return scalar.string.isEmpty ? [] : [scalar.string]
        default:
            fail(key, "'\(key)' must be a list of \(what)s (one '- name' per line), not \(Self.describe(node))")
            return []
        }
    }

    /// What a value is, for messages: `3`, `a list`, `a mapping`.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return scalar.string.count > 40 ? "'\(scalar.string.prefix(40))…'" : "\(scalar.string)"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(file: file, line: mark.line + lineOffset, message: "malformed YAML: \(problem) (check quoting and indentation on this line)")
        case .duplicatedKeysInMapping(let duplicates, _):
            return Diagnostic(file: file, line: lineOffset + 1, message: "keys given twice: \(duplicates.joined(separator: ", "))")
        default:
            return Diagnostic(file: file, line: lineOffset + 1, message: "malformed YAML: \(error)")
        }
    }
}
