import CLibXML2
import Foundation

/// A saved HTML page parsed by libxml2's HTML parser (forgiving, as browsers are), with
/// the few tree walks the reader needs.
final class HTMLDocument {
    private let doc: htmlDocPtr?

    init(_ html: String) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        doc = html.withCString { ptr in
            htmlReadMemory(ptr, Int32(strlen(ptr)), nil, "UTF-8", options)
        }
    }

    deinit { if let doc { xmlFreeDoc(doc) } }

    var root: xmlNodePtr? { doc.flatMap { xmlDocGetRootElement($0) } }

    /// Every element below `node` (document order), optionally only those named `name`.
    func elements(below node: xmlNodePtr?, named name: String? = nil) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        func walk(_ n: xmlNodePtr?) {
            var child = n?.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE {
                    if name == nil || Self.name(c) == name { out.append(c) }
                    walk(c)
                }
                child = c.pointee.next
            }
        }
        walk(node)
        return out
    }

    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    /// An attribute's value, read from the node's attribute list (no allocation).
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, String(cString: n).lowercased() == name {
                var text = ""
                var child = a.pointee.children
                while let c = child {
                    if let content = c.pointee.content { text += String(cString: content) }
                    child = c.pointee.next
                }
                return text
            }
            attr = a.pointee.next
        }
        return nil
    }

    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child { out.append(c); child = c.pointee.next }
        return out
    }

    /// Text of a node with `<br>` as a line break and white space folded.
    static func text(_ node: xmlNodePtr) -> String {
        var out = ""
        func walk(_ n: xmlNodePtr) {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content { out += String(cString: content) }
            case XML_ELEMENT_NODE:
                let tag = name(n)
                if tag == "br" { out += "\n"; return }
                if ["script", "style", "noscript", "template"].contains(tag) { return }
                for c in children(n) { walk(c) }
            default: break
            }
        }
        walk(node)
        return collapsingSpaces(out)
    }

    /// Text as a page shows it: each line's runs of spaces, tabs and no-break spaces made one
    /// space, and the whole trimmed.
    static func collapsingSpaces(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{00A0}" }).joined(separator: " ") }
            .joined(separator: "\n").trimmed()
    }

    static func unlink(_ node: xmlNodePtr) {
        xmlUnlinkNode(node)
        xmlFreeNode(node)
    }
}
