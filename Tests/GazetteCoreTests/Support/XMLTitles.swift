import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The text of every <title> in an XML document, via Foundation's XMLParser.
final class XMLTitles: NSObject, XMLParserDelegate {
    private var titles: [String] = []
    private var current: String?

    static func parse(_ xml: String) throws -> [String] {
        let parser = XMLParser(data: Data(xml.utf8))
        let delegate = XMLTitles()
        parser.delegate = delegate
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return delegate.titles
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "title" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title", let current { titles.append(current) }
        current = nil
    }
}
