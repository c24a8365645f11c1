import Yams

/// How images are processed: `images:` in `gazette.yml`.
public struct ImageSettings: Sendable, Hashable {
    /// Variant widths in pixels; an image narrower than one gets its own width instead,
    /// never an enlarged copy.
    public var widths = [480, 960, 1600]
    /// Encoder quality for JPEG, WebP and AVIF, 1 to 100.
    public var quality = 80
    /// Larger images are refused with a message (width × height).
    public var maxPixels = 100_000_000
    /// AVIF variants beside WebP (slow to encode: off unless asked for).
    public var avif = false

    public init() {}

    /// What a variant's bytes depend on besides its source: part of every variant's key.
    var hash: UInt64 {
        var h = StableHash()
        h.add("image-settings-1")
        for w in widths { h.add(w) }
        h.add(quality); h.add(avif)
        return h.value
    }

    static let knownKeys = ["widths", "quality", "max_megapixels", "avif"]

    static func read(_ node: Node, fields: inout YAMLFields) -> ImageSettings {
        var settings = ImageSettings()
        guard case .mapping = node else {
            fields.fail("images", "'images' must map widths, quality, max_megapixels and avif to values")
            return settings
        }
        var o = YAMLFields(node: node, file: fields.file, lineOffset: fields.lineOffset)
        if let list = o.node("widths") {
            let values = (list.sequence ?? []).compactMap { $0.int }
            if values.isEmpty || values.count != list.sequence?.count || values.contains(where: { !(16...8192).contains($0) }) {
                o.fail("widths", "'widths' must be a list of widths in pixels between 16 and 8192, such as [480, 960, 1600]")
            } else {
                settings.widths = Array(Set(values)).sorted()
            }
        }
        if let v = o.int("quality", range: 1...100) { settings.quality = v }
        if let v = o.int("max_megapixels", range: 1...10_000) { settings.maxPixels = v * 1_000_000 }
        if let v = o.bool("avif") { settings.avif = v }
        for key in o.keys where !knownKeys.contains(key) {
            o.fail(key, "unknown image setting '\(key)'; the settings are \(knownKeys.joined(separator: ", "))")
        }
        fields.diagnostics += o.diagnostics
        return settings
    }
}
