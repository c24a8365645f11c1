import Foundation

/// Wall time of each stage of a build, for `gazette build --timings`: where an archive's
/// rebuild spends its time is what decides what to make faster next.
public struct PhaseClock: Sendable {
    public private(set) var phases: [(name: String, seconds: Double)] = []
    private var last = Date()

    public init() {}

    /// Ends the stage running since the last mark (or since the clock began) and names it.
    public mutating func mark(_ name: String) {
        let now = Date()
        phases.append((name, now.timeIntervalSince(last)))
        last = now
    }

    /// One line a stage: "  content                1.234 s".
    public static func table(_ phases: [(name: String, seconds: Double)]) -> String {
        phases.map { "  " + $0.name.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: "%8.3f s", $0.seconds) }
            .joined(separator: "\n")
    }
}
