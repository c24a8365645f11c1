/// One source image after processing: its variants, named by a key made of the source's
/// bytes and the variant settings, so a URL never shows other bytes than it once did and an
/// unchanged image is never processed again.
public struct ProcessedImage: Sendable, Hashable {
    struct Variant: Sendable, Hashable {
        var width: Int
        var height: Int
        var format: ImageCodec.Format
        var bytes: Int
    }

    /// Absolute path of the source file.
    var source: String
    var key: UInt64
    /// The file's name without its extension, as a slug, for readable URLs.
    var name: String
    var variants: [Variant]

    /// The largest variant's size: the `width` and `height` a page gives the image.
    var width: Int { variants.map(\.width).max() ?? 0 }
    var height: Int { variants.max { $0.width < $1.width }?.height ?? 0 }

    var keyText: String { String(key, radix: 16).leftPadded(to: 16) }

    /// Where a variant is published, site-relative.
    func path(of v: Variant) -> String { "\(SitePaths.images)\(keyText.prefix(2))/\(keyText)/\(name)-\(v.width).\(v.format.fileExtension)" }

    /// Where the variant is kept between builds, inside the image store.
    func storeName(of v: Variant) -> String { "\(keyText)-\(v.width).\(v.format.fileExtension)" }

    /// The variants of one format, narrowest first.
    func variants(_ format: ImageCodec.Format) -> [Variant] {
        variants.filter { $0.format == format }.sorted { $0.width < $1.width }
    }

    /// The format a browser without WebP support gets (JPEG or PNG).
    var fallback: ImageCodec.Format { variants.first { $0.format == .jpeg || $0.format == .png }?.format ?? .jpeg }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
