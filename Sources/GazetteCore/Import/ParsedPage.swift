/// What a page reader found in one raw page, before entities and file naming.
public struct ParsedPage: Sendable, Equatable {
    public var title: String?
    /// The page shows no title; `title` was made from the first sentence.
    public var titleFromBody = false
    public var section: String?
    /// Date stamps as written on the page, read later in the import's time zone.
    public var written: String?
    public var updated: String?
    public var photoCredit: String?
    /// The page's lead photo as its own tags name it (an absolute URL, left where it is) and
    /// the photo's description.
    public var image: String?
    public var imageAlt: String?
    /// The lead photo's caption and credit, as the page's JSON-LD `ImageObject` gives them.
    public var imageCaption: String?
    public var imageCredit: String?
    /// The page's own address, as it declares it (`<link rel=canonical>`, `og:url`): where
    /// links to it pointed, kept as an alias so they still lead to it.
    public var canonicalURL: String?
    public var byline: String?
    public var source: String?
    /// Body paragraphs as Markdown, in order.
    public var paragraphs: [String] = []
    /// A feed's or WordPress export's tags that are neither people nor countries.
    public var tags: [String] = []
    /// People and countries the source itself tagged (a feed's tags), added to those found.
    public var taggedPeople: [String] = []
    public var taggedCountries: [String] = []
    /// A WordPress draft, pending or private post.
    public var draft = false
    /// The page's language as a BCP 47 code ("en", "ko", "pt-BR"): declared by the page, or
    /// told by its script when the page says nothing.
    public var language: String?

    public init() {}
}
