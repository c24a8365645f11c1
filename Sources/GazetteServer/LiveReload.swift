import GazetteCore

/// What serve mode adds to HTML pages, and only in serve mode: a small script that reloads
/// the page when the site is rebuilt, and an overlay listing the errors of a failed build.
enum LiveReload {
    static let eventsPath = "__gazette/events"

    static func script(basePath: String) -> String {
        """
        <script>/* gazette serve: live reload */(function(){var s=new EventSource("\(basePath)\(eventsPath)");\
        s.addEventListener("reload",function(){location.reload();});})();</script>
        """
    }

    /// The errors of the last build, escaped, as a fixed panel over the page.
    static func overlay(_ error: GazetteError) -> String {
        let items = error.diagnostics.map { "<li>\(Escape.markup($0.description))</li>" }.joined()
        return """
            <div id="gazette-errors" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;\
            z-index:2147483647;background:#3b0d0c;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;\
            border-top:4px solid #ff6b5b"><strong>The last build failed; this is the last good site.</strong>\
            <ul style="margin:.5rem 0 0;padding-left:1.25rem">\(items)</ul></div>
            """
    }

    /// The page with the script before `</body>` and, after a failed build, the overlay.
    static func inject(into html: String, basePath: String, errors: GazetteError?) -> String {
        var addition = script(basePath: basePath)
        if let errors { addition = overlay(errors) + addition }
        if let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            return html.replacingCharacters(in: range, with: addition + "</body>")
        }
        return html + addition
    }
}
