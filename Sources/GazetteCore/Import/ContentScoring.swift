import CLibXML2
import Foundation

/// Finds the elements that hold an HTML page's article, the way Mozilla's Readability does
/// (the method is well known; this is our own code, on libxml2's tree): every paragraph
/// scores its parent and, less, its ancestors by its length and commas; class and id names
/// that say "article" or "comment" raise or lower an element; links lower it by their share
/// of its text. The best element wins, with those of its siblings that score near it or read
/// as prose, since many pages split an article over several sibling blocks.
enum ContentScoring {
    /// Class or id words that say an element holds the article.
    static let positive = ["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story"]
    /// Words that say it holds something else.
    static let negative = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote", "gdpr", "masthead",
        "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
        "shopping", "tags", "tool", "widget",
    ]
    /// Words that excuse an element from removal as page furniture.
    static let maybeArticle = ["and", "article", "body", "column", "content", "main", "shadow"]

    static let scoredTags: Set<String> = ["p", "pre", "td", "blockquote", "section", "h2", "h3", "h4", "h5", "h6"]

    /// The elements holding the article, in document order.
    static func articleNodes(_ doc: HTMLDocument, _ root: xmlNodePtr) -> [xmlNodePtr] {
        var scores: [xmlNodePtr: Double] = [:]
        func initial(_ node: xmlNodePtr) -> Double {
            var score = classWeight(node)
            switch HTMLDocument.name(node) {
            case "div", "article", "main": score += 5
            case "pre", "td", "blockquote": score += 3
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score -= 3
            case "h1", "h2", "h3", "h4", "h5", "h6", "th": score -= 5
            default: break
            }
            return score
        }
        for node in doc.elements(below: root) where scoredTags.contains(HTMLDocument.name(node)) || isTextDiv(node) {
            let text = HTMLDocument.text(node)
            guard text.count >= 25 else { continue }
            // Text inside links is not the article's, and a paragraph's commas say "prose" only
            // up to a point: a block of linked names with a comma between each (a list of
            // readers' names, 400 of them) must not outweigh the story.
            let commas = Double(min(20, text.filter { $0 == "," || $0 == "，" || $0 == "、" }.count))
            let score = (1 + commas + min(3, Double(text.count / 100))) * (1 - linkDensity(node))
            var ancestor = node.pointee.parent
            var level = 0
            while let a = ancestor, a.pointee.type == XML_ELEMENT_NODE, level < 3 {
                if scores[a] == nil { scores[a] = initial(a) }
                scores[a]! += score / (level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3)
                ancestor = a.pointee.parent
                level += 1
            }
        }
        guard !scores.isEmpty else { return [] }
        var final: [xmlNodePtr: Double] = [:]
        for (node, score) in scores { final[node] = score * (1 - linkDensity(node)) }
        let ranked = final.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5)
        guard var top = ranked.first?.key else { return [] }
        var topScore = ranked.first!.value
        // An article split into blocks scores several of them about as well: the element
        // that holds three or more of those is the article.
        let alternatives = ranked.dropFirst().filter { $0.value >= topScore * 0.75 }.map(\.key)
        if alternatives.count >= 2 {
            var ancestor = top.pointee.parent
            while let a = ancestor, a.pointee.type == XML_ELEMENT_NODE, !["body", "html"].contains(HTMLDocument.name(a)) {
                if alternatives.filter({ isAncestor(a, of: $0) }).count >= 2 {
                    top = a
                    topScore = max(topScore, final[a] ?? 0)
                    break
                }
                ancestor = a.pointee.parent
            }
        }
        // A lone child stands for its parent (a wrapper around one block).
        while let parent = top.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE, !["body", "html"].contains(HTMLDocument.name(parent)),
              HTMLDocument.children(parent).filter({ $0.pointee.type == XML_ELEMENT_NODE }).count == 1 {
            top = parent
        }
        guard let parent = top.pointee.parent else { return [top] }
        let threshold = max(10, topScore * 0.2)
        var nodes: [xmlNodePtr] = []
        for sibling in HTMLDocument.children(parent) where sibling.pointee.type == XML_ELEMENT_NODE {
            if sibling == top { nodes.append(sibling); continue }
            var bonus = 0.0
            if let topClass = HTMLDocument.attribute(top, "class"), !topClass.isEmpty, HTMLDocument.attribute(sibling, "class") == topClass {
                bonus = topScore * 0.2
            }
            if let score = final[sibling], score + bonus >= threshold { nodes.append(sibling); continue }
            if HTMLDocument.name(sibling) == "p" {
                let text = HTMLDocument.text(sibling)
                let density = linkDensity(sibling)
                if text.count > 80 && density < 0.25 || text.count > 0 && density == 0 && ProseCleaner.endsSentence(text[...]) {
                    nodes.append(sibling)
                }
            }
        }
        return nodes
    }

    static func isAncestor(_ a: xmlNodePtr, of node: xmlNodePtr) -> Bool {
        var n = node.pointee.parent
        while let p = n {
            if p == a { return true }
            n = p.pointee.parent
        }
        return false
    }

    /// A `div` whose text sits in it directly, not in paragraphs (`<br><br>` pages).
    static func isTextDiv(_ node: xmlNodePtr) -> Bool {
        guard HTMLDocument.name(node) == "div" else { return false }
        return HTMLPageReader.ownText(node).count >= 25
    }

    static func classWeight(_ node: xmlNodePtr) -> Double {
        var weight = 0.0
        for value in [HTMLDocument.attribute(node, "class"), HTMLDocument.attribute(node, "id")] {
            guard let value = value?.lowercased(), !value.isEmpty else { continue }
            if negative.contains(where: value.contains) { weight -= 25 }
            if positive.contains(where: value.contains) { weight += 25 }
        }
        return weight
    }

    /// The share of an element's text that is inside links.
    static func linkDensity(_ node: xmlNodePtr) -> Double {
        let total = HTMLDocument.text(node).count
        guard total > 0 else { return 0 }
        var linked = 0
        func walk(_ n: xmlNodePtr) {
            for child in HTMLDocument.children(n) where child.pointee.type == XML_ELEMENT_NODE {
                if HTMLDocument.name(child) == "a" {
                    let href = HTMLDocument.attribute(child, "href") ?? ""
                    linked += HTMLDocument.text(child).count / (href.hasPrefix("#") ? 3 : 1)  // in-page links count less
                } else {
                    walk(child)
                }
            }
        }
        walk(node)
        return min(1, Double(linked) / Double(total))
    }
}
