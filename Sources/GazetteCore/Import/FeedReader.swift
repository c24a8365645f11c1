import CLibXML2
import Foundation

/// One entry of a feed or a WordPress export, as the feed gives it.
struct FeedItem: Sendable, Equatable {
    /// What names the entry for good: its `guid`, Atom `id`, WordPress post id, or link.
    var id: String
    var title: String?
    var link: String?
    var published: String?
    var updated: String?
    var authors: [String] = []
    /// RSS and WordPress categories, Atom `category` terms.
    var categories: [String] = []
    /// WordPress tags (`<category domain="post_tag">`).
    var tags: [String] = []
    /// The entry's full text as HTML: `content:encoded`, Atom `content`, else the summary.
    var html: String = ""
    /// A WordPress draft, pending or private post.
    var draft = false
}

/// A feed file: RSS 2.0 (with `content:encoded`), Atom, or a WordPress export (WXR, which
/// is RSS with WordPress's own elements). Read with libxml2's XML parser, with network
/// access and entity substitution off, so a feed cannot reach out or expand itself.
struct FeedReader {
    var channelTitle: String?
    var items: [FeedItem] = []

    /// True when `text` opens as an RSS, Atom or WXR document.
    static func looksLikeFeed(_ text: String) -> Bool {
        // A feed is XML: its first character is "<" (after a byte-order mark or spaces).
        guard text.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }) == 0x3C
        else { return false }
        let head = text.prefix(2048).lowercased()
        return head.contains("<rss") || head.contains("<feed") && head.contains("http://www.w3.org/2005/atom")
    }

    init?(_ text: String) {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
        let bytes = Array(text.utf8)
        guard let doc = bytes.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options) }
        }) else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        switch Self.localName(root) {
        case "rss":
            guard let channel = Self.children(root).first(where: { Self.localName($0) == "channel" }) else { return nil }
            channelTitle = Self.child(channel, "title").map(Self.text)
            items = Self.children(channel).filter { Self.localName($0) == "item" }.enumerated().compactMap(Self.rssItem)
        case "feed":
            channelTitle = Self.child(root, "title").map(Self.text)
            items = Self.children(root).filter { Self.localName($0) == "entry" }.enumerated().map(Self.atomEntry)
        default:
            return nil
        }
    }

    /// An RSS or WXR item; nil for WordPress pages, attachments and menu entries.
    private static func rssItem(_ index: Int, _ node: xmlNodePtr) -> FeedItem? {
        let postType = child(node, "post_type", namespace: "wordpress").map(text)
        if let postType, postType != "post" { return nil }
        var item = FeedItem(id: "")
        item.title = child(node, "title").map(text)
        item.link = child(node, "link").map(text)
        let guid = child(node, "guid").map(text)
        let postID = child(node, "post_id", namespace: "wordpress").map(text)
        item.id = postID.map { "post-\($0)" } ?? guid ?? item.link ?? "item-\(index + 1)"
        // WordPress gives the date in UTC beside the local one; an RSS date has its zone.
        if let gmt = child(node, "post_date_gmt", namespace: "wordpress").map(text), !gmt.hasPrefix("0000") {
            item.published = gmt.replacingOccurrences(of: " ", with: "T") + "Z"
        } else {
            item.published = child(node, "pubDate").map(text).map { RFC822Date.iso($0) ?? $0 }
        }
        item.authors = children(node).filter { localName($0) == "creator" || localName($0) == "author" }.map(text).filter { !$0.isEmpty }
        for category in children(node) where localName(category) == "category" {
            let value = text(category)
            guard !value.isEmpty else { continue }
            if attribute(category, "domain") == "post_tag" { item.tags.append(value) } else { item.categories.append(value) }
        }
        let encoded = children(node).first { localName($0) == "encoded" && namespaceURI($0).contains("purl.org/rss/1.0/modules/content") }
        item.html = encoded.map(text) ?? child(node, "description").map(text) ?? ""
        if let status = child(node, "status", namespace: "wordpress").map(text) { item.draft = status != "publish" }
        return item
    }

    private static func atomEntry(_ index: Int, _ node: xmlNodePtr) -> FeedItem {
        var item = FeedItem(id: child(node, "id").map(text) ?? "entry-\(index + 1)")
        item.title = child(node, "title").map { atomText($0) }
        item.link = children(node).first { localName($0) == "link" && (attribute($0, "rel") ?? "alternate") == "alternate" }
            .flatMap { attribute($0, "href") }
        item.published = child(node, "published").map(text) ?? child(node, "updated").map(text)
        item.updated = child(node, "updated").map(text)
        item.authors = children(node).filter { localName($0) == "author" }.compactMap { child($0, "name").map(text) }
        item.categories = children(node).filter { localName($0) == "category" }.compactMap { attribute($0, "label") ?? attribute($0, "term") }
        item.html = (child(node, "content") ?? child(node, "summary")).map { atomText($0, asHTML: true) } ?? ""
        return item
    }

    /// Atom text constructs: `type="html"` holds escaped HTML, `xhtml` holds markup, `text` is text.
    private static func atomText(_ node: xmlNodePtr, asHTML: Bool = false) -> String {
        switch attribute(node, "type") ?? "text" {
        case "xhtml":
            let buffer = xmlBufferCreate()
            defer { xmlBufferFree(buffer) }
            for child in children(node) { xmlNodeDump(buffer, node.pointee.doc, child, 0, 0) }
            return buffer.map { String(cString: xmlBufferContent($0)) } ?? ""
        case "html":
            return text(node)
        default:
            return asHTML ? Escape.markup(text(node)).replacingOccurrences(of: "\n\n", with: "</p><p>") : text(node)
        }
    }

    // The few tree walks this needs, on libxml2's nodes.

    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { out.append(c) }
            child = c.pointee.next
        }
        return out
    }

    static func localName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    static func namespaceURI(_ node: xmlNodePtr) -> String {
        node.pointee.ns?.pointee.href.map { String(cString: $0) } ?? ""
    }

    /// The first child element called `name`; with `namespace`, only one whose namespace URI
    /// contains it (WordPress's `wp:` elements: `http://wordpress.org/export/1.2/`).
    static func child(_ node: xmlNodePtr, _ name: String, namespace: String? = nil) -> xmlNodePtr? {
        children(node).first { element in
            localName(element) == name && (namespace.map { namespaceURI(element).contains($0) } ?? true)
        }
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var attribute = node.pointee.properties
        while let a = attribute {
            if let n = a.pointee.name, String(cString: n) == name, let value = a.pointee.children { return descendantText(value) }
            attribute = a.pointee.next
        }
        return nil
    }

    /// The element's text: its text and CDATA descendants, end to end, trimmed.
    static func text(_ node: xmlNodePtr) -> String {
        node.pointee.children.map(descendantText)?.trimmed() ?? ""
    }

    /// The text of a run of sibling nodes and everything below them.
    private static func descendantText(_ first: xmlNodePtr) -> String {
        var out = ""
        var node: xmlNodePtr? = first
        while let n = node {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content { out += String(cString: content) }
            case XML_ELEMENT_NODE:
                if let child = n.pointee.children { out += descendantText(child) }
            default:
                break
            }
            node = n.pointee.next
        }
        return out
    }
}

/// RSS dates (RFC 822, as RFC 2822 has it): `Tue, 05 Mar 2024 09:30:00 +0900` →
/// `2024-03-05T09:30:00+09:00`, the form the importer's date parser reads. Written here
/// because Foundation's DateFormatter needs a fixed pattern per variant (with or without the
/// weekday, the seconds, a numeric zone or a name), and feeds use all of them.
enum RFC822Date {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let zones = ["gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7]

    static func iso(_ text: String) -> String? {
        var words = text.replacingOccurrences(of: ",", with: " ").split(separator: " ").map { $0.lowercased() }
        if let first = words.first, first.first?.isLetter == true { words.removeFirst() }  // the weekday
        guard words.count >= 4, let day = Int(words[0]), (1...31).contains(day),
              let month = months.firstIndex(of: String(words[1].prefix(3))), var year = Int(words[2]) else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        let time = words[3].split(separator: ":").compactMap { Int($0) }
        guard time.count >= 2, time[0] < 24, time[1] < 60 else { return nil }
        let zone: String
        if words.count < 5 {
            zone = ""  // no zone: the import's time zone
        } else if let hours = zones[words[4]] {
            zone = String(format: "%@%02d:00", hours < 0 ? "-" : "+", abs(hours))
        } else if words[4].count == 5, let sign = words[4].first, sign == "+" || sign == "-", Int(words[4].dropFirst()) != nil {
            zone = "\(sign)\(words[4].dropFirst().prefix(2)):\(words[4].suffix(2))"
        } else {
            return nil
        }
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month + 1, day, time[0], time[1], time.count > 2 ? time[2] : 0) + zone
    }
}
