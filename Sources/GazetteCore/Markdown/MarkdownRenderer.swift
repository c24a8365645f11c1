import CCmarkGFM
import Foundation

/// Markdown to HTML through cmark-gfm with the GFM extensions (table, strikethrough,
/// autolink, tagfilter, tasklist).
///
/// Raw HTML in the Markdown is replaced by a comment unless `unsafeHTML` is set; even
/// then the tagfilter extension disarms `<script>`, `<iframe>`, `<style>` and the like.
public struct MarkdownRenderer: Sendable {
    public var unsafeHTML: Bool

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    public init(unsafeHTML: Bool = false) {
        CmarkLibrary.prepare()
        self.unsafeHTML = unsafeHTML
    }

    var options: Int32 {
        // Style attributes on table cells: cmark-gfm's default `align=` is obsolete HTML.
        CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | (unsafeHTML ? CMARK_OPT_UNSAFE : 0)
    }

    /// An image of the body as HTML, from its URL (as written), alt text and title; nil
    /// leaves it as cmark-gfm writes it.
    public typealias ImageMarkup = (_ url: String, _ alt: String, _ title: String?) -> String?

    /// `taskLabels`: what a task list's checkboxes are called, done and not, in the page's language.
    public func html(_ markdown: some StringProtocol, images: ImageMarkup? = nil,
                     taskLabels: (done: String, notDone: String) = ("Done", "Not done")) -> String {
        let html = CmarkLibrary.specialCharacters.writing {
            renderUnlocked(markdown, images: images)
        }
        return ScrollableTables.apply(TaskListLabels.apply(html, done: taskLabels.done, notDone: taskLabels.notDone))
    }

    /// cmark-gfm keeps one process-wide table of special inline characters that every
    /// parse with extensions attached adds to and removes from; two parses at once lose
    /// strikethroughs and autolinks. So parsing and rendering hold the table's lock alone.
    private func renderUnlocked(_ markdown: some StringProtocol, images: ImageMarkup?) -> String {
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = String(markdown)
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        if let images { ImageNodes.replace(in: document, with: images) }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

/// Process-wide facts about the C library, in one place.
enum CmarkLibrary {
    /// The special-character table: a parse with extensions writes it, every parse reads it.
    static let specialCharacters = ReadWriteLock()

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Registers the extensions once, before any parser exists (the library requires it).
    static func prepare() {
        _ = registered
    }
}

/// Many readers at once, or one writer (a pthread read-write lock).
final class ReadWriteLock: @unchecked Sendable {
    private let lock: UnsafeMutablePointer<pthread_rwlock_t> = {
        let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
        pthread_rwlock_init(lock, nil)
        return lock
    }()

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    func reading<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }

    func writing<T>(_ body: () throws -> T) rethrows -> T {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body()
    }
}
