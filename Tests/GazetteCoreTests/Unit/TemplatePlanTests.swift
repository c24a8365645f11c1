import Foundation
import Mustache
import Testing
@testable import GazetteCore

/// The compiled templates must print exactly what swift-mustache prints: each case renders
/// the same templates and values through both and compares the bytes.
@Suite struct TemplatePlanTests {
    private struct Custom: MustacheParent {
        func child(named name: String) -> Any? { name == "name" ? "custom <parent>" : nil }
    }

    private struct Plain {
        var field = "reflected"
        var optional: String?
        var present: String? = "present"
    }

    private static var context: [String: Any] { [
        "title": "Tom & \"Jerry\" <b>it's</b>",
        "count": 3, "zero": 0, "yes": true, "no": false, "empty": "", "ratio": 1.5,
        "items": [["name": "a", "url": "/a"], ["name": "b & c"]] as [[String: Any]],
        "none": [] as [Any],
        "words": ["by": "By", "page": "Page {n}"] as [String: String],
        "nested": ["inner": ["deep": "value"] as [String: Any]] as [String: Any],
        "maybe": String?.none as Any,
        "some": String?.some("wrapped") as Any,
        "strings": ["x", "y"],
        "custom": Custom(),
        "plain": Plain(),
        "null": NSNull(),
    ] }

    /// `templates["page"]` rendered through swift-mustache and through the plan.
    private func both(_ templates: [String: String], _ context: Any = Self.context) throws -> (reference: String, compiled: String) {
        _ = FastHTMLContentType.registered
        var library = MustacheLibrary()
        for (name, text) in templates { library.register(try MustacheTemplate(string: Theme.prepare(text)), named: name) }
        let renderer = TemplateRenderer(templates: try templates.mapValues { try TemplateCompiler.compile($0) })
        return (library.render(context, withTemplate: "page") ?? "", renderer.render(context, template: "page") ?? "")
    }

    private func expectSame(_ templates: [String: String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (reference, compiled) = try both(templates)
        #expect(!reference.isEmpty, "the case renders something", sourceLocation: sourceLocation)
        #expect(compiled == reference, sourceLocation: sourceLocation)
    }

    @Test func printsValuesEscapedAndUnescaped() throws {
        let (reference, compiled) = try both(["page": "{{title}} {{{title}}} {{& title}} {{count}} {{zero}} {{yes}} {{no}} [{{empty}}] [{{missing}}] {{some}} {{maybe}} {{ratio}}"])
        #expect(compiled == reference)
        #expect(compiled.hasPrefix("Tom &amp; &quot;Jerry&quot; &lt;b&gt;it&#39;s&lt;/b&gt; Tom & \"Jerry\""))
    }

    @Test func sectionsTakeListsFlagsAndValues() throws {
        try expectSame(["page": "{{#items}}<{{name}}{{#url}}@{{.}}{{/url}}>{{/items}}{{^none}}nothing{{/none}}{{#none}}x{{/none}}"
            + "{{^items}}no{{/items}}{{#yes}}Y{{/yes}}{{^no}}N{{/no}}{{#empty}}E[{{.}}]{{/empty}}{{#zero}}Z{{/zero}}"
            + "{{#missing}}M{{/missing}}{{^missing}}m{{/missing}}{{#strings}}{{.}},{{/strings}}{{#some}}({{.}}){{/some}}"])
    }

    @Test func dottedNamesAndTheContextStack() throws {
        try expectSame(["page": "{{nested.inner.deep}} {{words.by}} {{#nested}}{{inner.deep}}|{{.inner.deep}}|{{title}}|{{.title}}{{/nested}} "
            + "[{{nested.missing.deep}}] {{#items}}{{title}}:{{name}}; {{/items}}{{#words}}{{page}}{{/words}}"])
    }

    @Test func valuesOfOtherTypesAreReadAsSwiftMustacheReadsThem() throws {
        try expectSame(["page": "{{custom.name}} {{#custom}}{{name}}{{/custom}} {{plain.field}} [{{plain.optional}}] {{plain.present}} "
            + "[{{null}}] {{#null}}N{{/null}}{{^null}}n{{/null}} {{title.count}}"])
    }

    @Test func standaloneTagsTakeTheirWholeLine() throws {
        try expectSame(["page": """
            <ul>
              {{#items}}
              <li>{{name}}</li>
              {{/items}}
              {{! a comment on its own line }}
              {{^none}}
                empty
              {{/none}}
            </ul>
              {{#yes}} inline {{/yes}}\u{20}\u{20}
              {{! not alone }} after
            end
            {{#yes}}
            last
            {{/yes}}
            """])
        try expectSame(["page": "a\n{{#yes}}\nb\n{{/yes}}  "])
    }

    @Test func partialsIndentEveryLineTheyBegin() throws {
        try expectSame([
            "page": "<div>\n  {{> list}}\n  <p>{{> inline}}</p>\n    {{> nested}}\n</div>\n",
            "list": "<ol>\n{{#items}}\n  <li>{{name}}</li>\n{{/items}}\n</ol>\n",
            "inline": "[{{title}}]",
            "nested": "<section>\n  {{> list}}\n</section>\n",
        ])
    }

    @Test func inheritanceKeepsTheOutermostBlock() throws {
        try expectSame([
            "base": "<html>\n  <head>{{$head}}<title>{{title}}</title>{{/head}}</head>\n  <body>\n    {{$content}}\n    default\n    {{/content}}\n  </body>\n  {{$foot}}foot{{/foot}}\n</html>\n",
            "middle": "{{<base}}\n{{$head}}<title>middle</title>{{/head}}\n{{$content}}\n  middle content\n{{/content}}\n{{/base}}\n",
            "page": "{{<middle}}\n  {{$content}}\n    page content {{title}}\n    {{#items}}\n    <i>{{name}}</i>\n    {{/items}}\n  {{/content}}\n{{/middle}}\n",
        ])
        try expectSame(["page": "before {{$b}}default {{title}}{{/b}} after\n  {{$c}}\n  alone\n  {{/c}}\n"])
    }

    @Test func windowsLineEndsAndStrayBraces() throws {
        try expectSame([
            "page": "a\r\n  {{#yes}}\r\n  b\r\n  {{/yes}}\r\n  {{> list}}\r\nc { d {x} }} e {{title}}{ {{#yes}}\n{{/yes}} }",
            "list": "x\r\n{{#items}}\r\n  y\r\n{{/items}}\r\n",
        ])
    }

    /// A transform is swift-mustache's own extension: a theme using one renders through it.
    @Test func aThemeWithATransformRendersThroughSwiftMustache() throws {
        let site = TemporaryDirectory().write(["templates/shout.mustache": "{{uppercased(title)}}\n"])
        let theme = try Theme.load(name: "default", siteRoot: site.path, searchPaths: [TestPaths.themes])
        #expect(theme.compiled == nil)
        #expect(theme.compiledFallbackReason?.contains("transform") == true)
        #expect(theme.render(["title": "quiet"], template: "shout") == "QUIET\n")
    }

    /// The repository's sample archive (three languages, photos, every page kind) built with
    /// the compiled templates and again with the theme made to fall back to swift-mustache.
    @Test func theSampleArchiveIsTheSameThroughBothRenderers() throws {
        let site = TemporaryDirectory()
        for item in ["content", "media", "gazette.yml", "redirects.yml", "entities.yml"] {
            let from = TestPaths.repository.path + "/" + item
            if FileManager.default.fileExists(atPath: from) { try FileManager.default.copyItem(atPath: from, toPath: site.path + "/" + item) }
        }
        let compiled = TemporaryDirectory(), reference = TemporaryDirectory()
        let first = try buildSite(site.path, into: compiled.path + "/out", clean: true)
        site.write(["templates/shout.mustache": "{{uppercased(title)}}\n"])
        let second = try buildSite(site.path, into: reference.path + "/out", clean: true)
        #expect(first.slowTemplates == nil)
        #expect(second.slowTemplates?.hasSuffix("templates/shout.mustache: a transform") == true)
        let a = SiteInspector(root: compiled.path + "/out"), b = SiteInspector(root: reference.path + "/out")
        #expect(first.articles >= 12 && a.files.count > 200)
        #expect(a.files == b.files)
        for file in b.files where a.read(file) != b.read(file) { Issue.record("\(file) differs between the renderers") }
    }
}
