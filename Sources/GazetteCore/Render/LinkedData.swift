/// A JSON value for structured data (JSON-LD), written with its keys in the order given
/// (pages are compared byte for byte between builds) and with `<`, `>` and `&` escaped, so
/// that no text from an article, not even `</script>`, can close the script element that
/// holds it.
indirect enum LinkedData: Sendable {
    case text(String)
    case number(Int)
    case list([LinkedData])
    case object([(String, LinkedData)])

    /// An object without the pairs whose value is nil.
    static func object(_ pairs: [(String, LinkedData?)]) -> LinkedData {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    var json: String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .text(let s): Escape.appendJSONString(s, to: &out)
        case .number(let n):
            if n < 0 { out.append(UInt8(ascii: "-")) }
            Escape.appendDecimal(abs(n), to: &out)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (k, (key, value)) in pairs.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                Escape.appendJSONString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                value.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The `<script type="application/ld+json">` element holding this value.
    var scriptElement: String { "<script type=\"application/ld+json\">\(json)</script>" }
}
