import Testing
@testable import GazetteCore

@Suite struct MarkdownRendererTests {
    let safe = MarkdownRenderer(unsafeHTML: false)

    @Test func rendersGFMTables() {
        #expect(safe.html("| a | b |\n|---|--:|\n| 1 | 2 |").contains("<td style=\"text-align: right\">2</td>"))
    }

    /// The theme lets a wide table scroll sideways; a keyboard must be able to scroll it too.
    @Test func aTableCanTakeTheKeyboardFocus() {
        let html = safe.html("| a | b |\n|---|---|\n| 1 | 2 |\n\ntext\n\n| c |\n|---|\n| 3 |")
        #expect(html.components(separatedBy: "<table tabindex=\"0\">").count == 3)
        #expect(!html.contains("<table>"))
    }

    @Test func rendersStrikethroughAutolinksAndTaskLists() {
        let html = safe.html("~~old~~ new, see www.example.org\n\n- [x] done\n- [ ] todo")
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("checked=\"\" disabled=\"\""))
    }

    @Test func filtersRawHTMLByDefault() {
        let html = safe.html("Hi <b>there</b>\n\n<script>alert(1)</script>")
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func passesRawHTMLWhenAllowedButStillDisarmsScripts() {
        let html = MarkdownRenderer(unsafeHTML: true).html("Hi <b>there</b>\n\n<script>alert(1)</script>")
        #expect(html.contains("<b>there</b>"))
        #expect(html.contains("&lt;script>"))
    }

    @Test func dropsJavascriptLinks() {
        #expect(!safe.html("[x](javascript:alert(1))").contains("javascript:"))
    }
}
