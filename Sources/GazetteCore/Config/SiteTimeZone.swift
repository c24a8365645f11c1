import Foundation

/// The site's time zone: a fixed offset (`+09:00`, `UTC`) or an IANA name (`Asia/Seoul`).
public struct SiteTimeZone: Sendable, Hashable {
    public let name: String
    private let fixedOffset: Int?
    private let zone: TimeZone?

    public static let utc = SiteTimeZone(fixed: 0)

    public init(fixed offset: Int) {
        self.init(name: ArticleDate.offsetString(offset), fixedOffset: offset, zone: nil)
    }

    private init(name: String, fixedOffset: Int?, zone: TimeZone?) {
        self.name = name
        self.fixedOffset = fixedOffset
        self.zone = zone
    }

    /// nil when `text` is neither an offset nor a zone this system knows.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.uppercased() == "UTC" || trimmed.uppercased() == "GMT" || trimmed == "Z" {
            self.init(fixed: 0)
            return
        }
        var scanner = Scanner8(trimmed)
        if let offset = scanner.offset(), scanner.atEnd {
            self.init(fixed: offset)
            return
        }
        guard let zone = TimeZone(identifier: trimmed) else { return nil }
        self.init(name: trimmed, fixedOffset: nil, zone: zone)
    }

    /// The offset in force at an instant.
    public func offset(at seconds: Int64) -> Int {
        fixedOffset ?? zone!.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The offset for wall-clock fields read in this zone (around a DST change, the
    /// offset in force just before it).
    func offset(forLocal civil: CivilTime) -> Int {
        if let fixedOffset { return fixedOffset }
        let guess = civil.utcSeconds
        let first = offset(at: guess)
        return offset(at: guess - Int64(first))
    }
}
