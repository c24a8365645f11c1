/// An image as HTML: a `<picture>` with a WebP `srcset` and the fallback format's, `sizes`
/// for the slot it fills, and `width` and `height` so the page does not shift as it loads.
struct PictureMarkup: Sendable {
    /// The slot the image fills, as the default theme lays pages out (the article column is
    /// 42rem at most; list thumbnails are small).
    enum Slot: Sendable {
        case article
        case thumbnail

        var sizes: String {
            switch self {
            case .article: return "(min-width: 45rem) 42rem, 100vw"
            case .thumbnail: return "(min-width: 40rem) 10rem, 30vw"
            }
        }
    }

    let base: BaseURL

    func html(_ choice: MediaLibrary.Choice, alt: String, slot: Slot, eager: Bool = false, title: String? = nil) -> String {
        // The lead photo loads at once (the browser's default); the rest when scrolled near.
        // (`fetchpriority` would say more, but the HTML checker's version does not know it yet.)
        let loading = eager ? "" : " loading=\"lazy\""
        let titleAttribute = title.map { " title=\"\(Escape.markup($0))\"" } ?? ""
        switch choice {
        case .remote(let url):
            return "<img src=\"\(Escape.markup(url))\" alt=\"\(Escape.markup(alt))\"\(titleAttribute)\(loading) decoding=\"async\">"
        case .processed(let image):
            let fallback = image.variants(image.fallback)
            let webp = image.variants(.webp)
            let avif = image.variants(.avif)
            // A thumbnail needs only the smaller variants; the browser picks among those.
            let trim: ([ProcessedImage.Variant]) -> [ProcessedImage.Variant] = { list in
                slot == .thumbnail ? Array(list.prefix(2)) : list
            }
            var out = "<picture>"
            for (list, format) in [(avif, ImageCodec.Format.avif), (webp, .webp)] where !list.isEmpty {
                out += "<source type=\"\(format.mediaType)\" srcset=\"\(srcset(image, trim(list)))\" sizes=\"\(slot.sizes)\">"
            }
            let shown = trim(fallback)
            let src = shown.last.map { base.relative(image.path(of: $0)) } ?? ""
            out += "<img src=\"\(Escape.markup(src))\" srcset=\"\(srcset(image, shown))\" sizes=\"\(slot.sizes)\""
            out += " width=\"\(image.width)\" height=\"\(image.height)\" alt=\"\(Escape.markup(alt))\"\(titleAttribute)"
            out += "\(loading) decoding=\"async\"></picture>"
            return out
        }
    }

    private func srcset(_ image: ProcessedImage, _ variants: [ProcessedImage.Variant]) -> String {
        variants.map { Escape.markup(base.relative(image.path(of: $0))) + " \($0.width)w" }.joined(separator: ", ")
    }

    /// The largest fallback variant's absolute URL, size and type: what sharing cards and
    /// structured data name.
    func largest(_ choice: MediaLibrary.Choice) -> (url: String, width: Int?, height: Int?) {
        switch choice {
        case .remote(let url): return (url, nil, nil)
        case .processed(let image):
            guard let v = image.variants(image.fallback).last else { return ("", nil, nil) }
            return (base.absolute(image.path(of: v)), v.width, v.height)
        }
    }
}
