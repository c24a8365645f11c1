/// The images an article names: its lead photo from the front matter and the images in its
/// body, as written, with the line each is on (for messages). Resolved to files by the media
/// stage; kept with the article in the build cache, so an unchanged file is not scanned again.
public struct ArticleImages: Sendable, Hashable {
    public struct Lead: Sendable, Hashable {
        public var reference: String
        public var line: Int
        public var alt: String?
        public var caption: String?
    }

    public struct Inline: Sendable, Hashable {
        public var reference: String
        public var line: Int
        public var hasAlt: Bool
    }

    public var lead: Lead?
    public var body: [Inline] = []

    public init(lead: Lead? = nil, body: [Inline] = []) {
        self.lead = lead
        self.body = body
    }

    var isEmpty: Bool { lead == nil && body.isEmpty }
}

extension ArticleImages {
    func write(to w: inout ByteWriter) {
        w.bool(lead != nil)
        if let lead {
            w.string(lead.reference); w.int(lead.line); w.optional(lead.alt); w.optional(lead.caption)
        }
        w.int(body.count)
        for image in body { w.string(image.reference); w.int(image.line); w.bool(image.hasAlt) }
    }

    static func read(from r: inout ByteReader) throws -> ArticleImages {
        var images = ArticleImages()
        if try r.bool() {
            images.lead = Lead(reference: try r.string(), line: Int(try r.int()), alt: try r.optional(), caption: try r.optional())
        }
        for _ in 0..<(try r.count()) {
            images.body.append(Inline(reference: try r.string(), line: Int(try r.int()), hasAlt: try r.bool()))
        }
        return images
    }
}
