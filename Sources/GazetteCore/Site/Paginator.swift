/// Splits a list into numbered pages: page 1 at the list's own path, the rest under
/// `page/N/`, as Hugo and Zola do.
public struct Pagination: Sendable, Hashable {
    /// Path of the list's first page, site-relative, ending in `/` (or empty for the root).
    public var basePath: String
    public var itemCount: Int
    public var perPage: Int

    public init(basePath: String, itemCount: Int, perPage: Int) {
        self.basePath = basePath
        self.itemCount = itemCount
        self.perPage = max(1, perPage)
    }

    /// At least one page, even for an empty list.
    public var pageCount: Int { max(1, (itemCount + perPage - 1) / perPage) }

    public func path(ofPage n: Int) -> String {
        n <= 1 ? basePath : "\(basePath)page/\(n)/"
    }

    public func range(ofPage n: Int) -> Range<Int> {
        let start = (n - 1) * perPage
        return start..<min(itemCount, start + perPage)
    }
}
