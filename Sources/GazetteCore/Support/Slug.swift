import Foundation

/// How slugs treat letters outside the Latin script: kept as they are (`native`, percent-
/// encoded in links), or written in Latin letters by ICU's transliterators (`transliterate`:
/// `부산` → `busan`, `東京` → `dong-jing`, `Россия` → `rossiia`).
public enum SlugStyle: String, Sendable, CaseIterable {
    case native, transliterate
}

/// URL slugs: lowercase letters, digits and single hyphens, never empty.
public enum Slug {
    /// "José Ramos-Horta" → "jose-ramos-horta"; "Kim Jong-un" → "kim-jong-un".
    ///
    /// Accents are folded by canonical decomposition (é = e + ◌́, the mark dropped).
    /// Letters outside the Latin script (Hangul, Han, Cyrillic) are kept, lowercased,
    /// so a name written only in them still gets a readable, distinct slug.
    ///
    /// A slug is at most `maxBytes` long: a page's folder name must fit the file system's
    /// 255-byte limit for a name, and a headline pasted with its whole first paragraph (or
    /// a million characters of junk) must still build. A longer one is cut at a hyphen and
    /// ends with eight hex digits of the whole slug's hash, so two long titles that begin
    /// alike still get two pages, the same ones on every build.
    public static func make(_ text: String, fallback: String = "untitled", style: SlugStyle = .native) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return capped(ascii(text, fallback: fallback)) }
        if style == .transliterate {
            // Any script to Latin, then Latin to ASCII; what no rule covers becomes a hyphen.
            let latin = text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? text
            return capped(ascii(String(latin.unicodeScalars.map { $0.isASCII ? Character($0) : " " }), fallback: fallback))
        }
        return capped(unicode(text, fallback: fallback))
    }

    /// Slugs up to this many bytes are kept whole; headlines rarely pass it, so ordinary
    /// articles keep the URL they always had.
    public static let maxBytes = 100

    static func capped(_ slug: String) -> String {
        let bytes = Array(slug.utf8)
        guard bytes.count > maxBytes else { return slug }
        let room = maxBytes - 9  // "-" and eight hex digits
        var cut = room
        while cut > 0 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }  // not inside a character
        if let hyphen = bytes[..<cut].lastIndex(of: UInt8(ascii: "-")), hyphen >= room / 2 { cut = hyphen }
        let head = String(decoding: bytes[..<cut], as: UTF8.self)
        let hash = String(StableHash.of(bytes) & 0xFFFF_FFFF, radix: 16)
        return head + "-" + String(repeating: "0", count: 8 - hash.count) + hash
    }

    /// The slug of ASCII text, byte by byte: what `unicode` gives for it (ASCII has nothing
    /// to decompose), without Foundation's decomposition, which was most of the time of
    /// loading an article.
    static func ascii(_ text: String, fallback: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "'") { continue }
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                slug.append(lower)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? fallback : String(decoding: slug, as: UTF8.self)
    }

    static func unicode(_ text: String, fallback: String) -> String {
        var slug = ""
        var pendingHyphen = false
        // Decomposed to drop accents and Arabic vowel signs (the search's list of diacritics),
        // composed again at the end: Hangul decomposed is three times as long, and reads as
        // loose letters in an address bar.
        for scalar in text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            if SearchTokenizer.isDiacritic(scalar.value) { continue }
            if scalar.properties.generalCategory == .nonspacingMark && scalar.value < 0x0900 { continue }
            if scalar == "'" || scalar == "\u{2019}" { continue }  // "Xi's" → "xis", not "xi-s"
            let replacement: String?
            switch scalar {
            case "a"..."z", "0"..."9": replacement = String(scalar)
            case "ß": replacement = "ss"
            case "æ": replacement = "ae"
            case "ø": replacement = "o"
            case "đ": replacement = "d"
            case "ł": replacement = "l"
            case "ı": replacement = "i"
            default:
                // Letters of other scripts, and the marks that complete them (kana voicing).
                let mark = scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
                replacement = scalar.value > 0x24F && (scalar.properties.isAlphabetic || (mark && !slug.isEmpty && !pendingHyphen))
                    ? String(scalar) : nil
            }
            if let replacement {
                if pendingHyphen && !slug.isEmpty { slug += "-" }
                slug += replacement
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? fallback : slug.precomposedStringWithCanonicalMapping
    }
}

/// Hands out slugs so that two different names never share a page.
///
/// Callers feed names in a stable order, so "Lee" and "Lée" always become
/// `lee` and `lee-2` the same way from build to build.
public struct SlugAllocator: Sendable {
    private var owner: [String: String] = [:]  // slug → the name that has it

    /// `reserved` slugs are never handed out (a person may not be called "page").
    private let style: SlugStyle

    public init(reserved: Set<String> = [], style: SlugStyle = .native) {
        self.style = style
        for slug in reserved { owner[slug] = "" }
    }

    public mutating func slug(for name: String, fallback: String = "untitled") -> String {
        let base = Slug.make(name, fallback: fallback, style: style)
        var candidate = base
        var n = 1
        while let existing = owner[candidate], existing != name {
            n += 1
            candidate = "\(base)-\(n)"
        }
        owner[candidate] = name
        return candidate
    }
}
