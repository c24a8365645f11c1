import Mustache

/// Mustache's HTML escaping, with the same output, done on UTF-8 bytes.
///
/// swift-mustache's built-in escaper walks grapheme clusters and looks each one up in a
/// dictionary; on a profile of a 2,000-article build it was a quarter of all the time.
/// Every theme template is given this content type on load (see `Theme.prepare`), so theme
/// authors write ordinary Mustache and everything `{{...}}` prints is still escaped.
struct FastHTMLContentType: MustacheContentType {
    static let name = "GazetteHTML"

    /// Registers the content type with swift-mustache once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(FastHTMLContentType(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { Escape.markup(text) }
}
