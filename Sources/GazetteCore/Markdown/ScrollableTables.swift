/// A wide table scrolls sideways inside the story (the theme gives tables `overflow-x:
/// auto`) instead of widening the page on a phone. A region that scrolls must be reachable
/// from the keyboard, or a reader without a pointer cannot see its hidden columns (WCAG
/// 2.1.1; axe-core's `scrollable-region-focusable`): every table cmark-gfm writes can take
/// the focus.
enum ScrollableTables {
    static func apply(_ html: String) -> String {
        html.replacingBytes(of: "<table>", with: "<table tabindex=\"0\">")
    }
}
