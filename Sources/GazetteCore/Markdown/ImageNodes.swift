import CCmarkGFM
import Foundation

/// Replaces the image nodes of a parsed body with the markup the media stage makes for
/// them. cmark-gfm writes custom nodes' text as it is, whatever the raw-HTML setting: the
/// markup is Gazette's own, its text escaped where it is made. An image alone in its
/// paragraph, with a title, becomes a `<figure>` whose caption is the title.
enum ImageNodes {
    static func replace(in document: OpaquePointer, with markup: MarkdownRenderer.ImageMarkup) {
        var found: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_IMAGE else { continue }
            found.append(node)
        }
        cmark_iter_free(iterator)
        for image in found {
            let url = cmark_node_get_url(image).map { String(cString: $0) } ?? ""
            let title = cmark_node_get_title(image).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
            let alt = plainText(image)
            let paragraph = cmark_node_parent(image)
            let figure = title != nil && paragraph.map { isAlone(image, in: $0) } == true
            // A figure's title is its caption, not also a tooltip.
            guard let html = markup(url, alt, figure ? nil : title) else { continue }
            if figure, let title, let paragraph {
                let figure = "<figure class=\"body-image\">\(html)<figcaption>\(Escape.markup(title))</figcaption></figure>\n"
                insert(figure, type: CMARK_NODE_CUSTOM_BLOCK, replacing: paragraph)
            } else {
                insert(html, type: CMARK_NODE_CUSTOM_INLINE, replacing: image)
            }
        }
    }

    private static func insert(_ html: String, type: cmark_node_type, replacing node: OpaquePointer) {
        guard let custom = cmark_node_new(type) else { return }
        cmark_node_set_on_enter(custom, html)
        cmark_node_set_on_exit(custom, "")
        cmark_node_insert_before(node, custom)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Whether the image is its paragraph's only content (blank text aside).
    private static func isAlone(_ image: OpaquePointer, in paragraph: OpaquePointer) -> Bool {
        guard cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else { return false }
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            if node != image {
                let type = cmark_node_get_type(node)
                let blank = type == CMARK_NODE_SOFTBREAK || (type == CMARK_NODE_TEXT
                    && (cmark_node_get_literal(node).map { String(cString: $0) } ?? "").allSatisfy(\.isWhitespace))
                if !blank { return false }
            }
            child = cmark_node_next(node)
        }
        return true
    }

    /// The alt text: the text of the image's description, emphasis and code flattened.
    private static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let c = child {
            switch cmark_node_get_type(c) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += cmark_node_get_literal(c).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default: out += plainText(c)
            }
            child = cmark_node_next(c)
        }
        return out
    }
}

/// GFM task-list items are checkboxes without a label, which screen readers announce as an
/// unnamed control (axe-core: "Form elements must have labels"). Each gets a name saying
/// whether the task is done.
enum TaskListLabels {
    static func apply(_ html: String, done: String = "Done", notDone: String = "Not done") -> String {
        // A byte search first: most bodies have no task list.
        guard html.byteRange(of: "<input type=\"checkbox\"") != nil else { return html }
        return html
            .replacingBytes(of: "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                            with: "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"\(Escape.markup(done))\" />")
            .replacingBytes(of: "<input type=\"checkbox\" disabled=\"\" />",
                            with: "<input type=\"checkbox\" disabled=\"\" aria-label=\"\(Escape.markup(notDone))\" />")
    }
}
