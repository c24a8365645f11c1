import Testing
@testable import GazetteCore

/// A text page of a given header above one paragraph of story, read as the importer reads it.
func readTextPage(header: String) -> ParsedPage {
    TextPageReader().read(header + "\n\nThe two sides met on Monday and agreed to meet again next month in the capital, officials said.")
}
