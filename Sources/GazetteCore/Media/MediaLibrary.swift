/// What the media stage made, as pages need it: each article's lead image, the processed
/// image behind each body image, and a key per article of everything its images show.
struct MediaLibrary: Sendable {
    enum Choice: Sendable, Hashable {
        case processed(ProcessedImage)
        case remote(String)
    }

    /// The article's lead image with its words (nil when it has none).
    struct Lead: Sendable {
        var image: Choice
        var alt: String
        var caption: String?
    }

    let resolver: ImageResolver
    let images: [String: ProcessedImage]
    let leads: [Lead?]
    /// Per article: a hash of its images' keys and words, for its page's signature.
    let pageKeys: [UInt64]
    /// Per article: a hash of its lead image, for the signature of the lists that show it.
    let leadKeys: [UInt64]
    /// The sources and their records, for the image store once the build has succeeded.
    let records: [ImageStore.Record]

    static let empty = MediaLibrary(articles: [], resolver: ImageResolver(contentDirectory: "/", mediaDirectory: "/"),
                                    images: [:], records: [])

    init(articles: [Article], resolver: ImageResolver, images: [String: ProcessedImage], records: [ImageStore.Record]) {
        self.resolver = resolver
        self.images = images
        self.records = records
        var leads: [Lead?] = [], pageKeys: [UInt64] = [], leadKeys: [UInt64] = []
        for article in articles {
            var lead: Lead?
            if let named = article.images.lead, let choice = Self.choice(named.reference, in: article.file, resolver, images) {
                lead = Lead(image: choice, alt: named.alt ?? "", caption: named.caption)
            }
            var leadHash = StableHash()
            if let lead {
                Self.add(lead.image, to: &leadHash); leadHash.add(lead.alt); leadHash.add(lead.caption)
            }
            var page = StableHash()
            page.add(leadHash.value)
            for inline in article.images.body {
                page.add(inline.reference)
                if let choice = Self.choice(inline.reference, in: article.file, resolver, images) { Self.add(choice, to: &page) }
            }
            leads.append(lead)
            leadKeys.append(article.images.lead == nil ? 0 : leadHash.value)
            pageKeys.append(article.images.isEmpty ? 0 : page.value)
        }
        self.leads = leads
        self.pageKeys = pageKeys
        self.leadKeys = leadKeys
    }

    private static func choice(_ reference: String, in file: String, _ resolver: ImageResolver,
                               _ images: [String: ProcessedImage]) -> Choice? {
        switch resolver.resolve(reference, from: file) {
        case .success(.remote(let url)): return .remote(url)
        case .success(.file(let path)): return images[path].map(Choice.processed)
        case .failure: return nil
        }
    }

    private static func add(_ choice: Choice, to h: inout StableHash) {
        switch choice {
        case .processed(let image):
            h.add(image.key); h.add(image.name)
            for v in image.variants { h.add(v.width); h.add(v.height); h.add(v.format.rawValue) }
        case .remote(let url): h.add(url)
        }
    }

    /// The processed image a body image's URL (as cmark-gfm read it) names, in an article.
    func image(_ url: String, in articleFile: String) -> ProcessedImage? {
        guard case .success(.file(let path)) = resolver.resolve(url, from: articleFile) else { return nil }
        return images[path]
    }

    /// Every variant the site publishes: its path, its signature, and where the store keeps it.
    func publishedFiles(store: ImageStore) -> [(path: String, signature: UInt64, stored: String)] {
        images.values.sorted { $0.source < $1.source }.flatMap { image in
            image.variants.map { v in
                var h = StableHash()
                h.add(image.key); h.add(v.width); h.add(v.format.rawValue)
                return (image.path(of: v), h.value, store.variantPath(image, v))
            }
        }
    }

    /// Articles whose images lack alt text: warnings, with file and line.
    static func missingAlt(_ articles: [Article]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for article in articles {
            if let lead = article.images.lead, lead.alt == nil {
                out.append(Diagnostic(file: article.file, line: lead.line, message:
                    "the lead image '\(lead.reference)' has no image_alt; describe it for readers who cannot see it"))
            }
            for inline in article.images.body where !inline.hasAlt {
                out.append(Diagnostic(file: article.file, line: inline.line, message:
                    "the image '\(inline.reference)' has no alt text; write it between the brackets: ![what it shows](...)"))
            }
        }
        return out
    }
}
