import Testing
@testable import GazetteCore

@Suite struct BodyImageScannerTests {
    func references(_ body: String) -> [String] { BodyImageScanner.images(in: body, firstLine: 1).map(\.reference) }

    @Test func findsImagesWithTheirLines() {
        let found = BodyImageScanner.images(in: "Text.\n\n![Ferry](ferry.jpg \"At dawn\")\n", firstLine: 10)
        #expect(found == [ArticleImages.Inline(reference: "ferry.jpg", line: 12, hasAlt: true)])
    }

    @Test func readsAngleBracketsNestedBracketsAndParentheses() {
        #expect(references("![a [b] c](<my photo.jpg>)") == ["my photo.jpg"])
        #expect(references("![x](shots/(1).jpg)") == ["shots/(1).jpg"])
    }

    @Test func skipsCodeAndLinksThatAreNotImages() {
        #expect(references("```\n![a](in-fence.jpg)\n```\n`![b](in-span.jpg)` and [c](link.jpg)") == [])
        #expect(references("\\![not](escaped.jpg)") == [])
    }

    @Test func notesAMissingAlt() {
        #expect(BodyImageScanner.images(in: "![](x.jpg)", firstLine: 1).first?.hasAlt == false)
    }
}
