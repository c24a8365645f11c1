import Foundation
import Mustache

/// A theme ready to render: its templates layered (site over theme over the built-in
/// default theme) and the asset folders to copy, in the same order.
public struct Theme: Sendable {
    public var name: String
    public var library: MustacheLibrary
    /// Template name → the file it came from, for messages and for change tracking.
    public var templateFiles: [String: String]
    /// Asset folders, lowest precedence first: later ones override earlier files.
    public var assetDirectories: [String]
    /// Translation folders (`i18n/`), in the same order; the site's own last.
    public var wordFolders: [String] = []
    /// For each template, a hash of its text and of every partial and parent it uses, so a
    /// change to one template re-renders exactly the pages that use it.
    public var templateHashes: [String: UInt64] = [:]
    /// The templates compiled for fast rendering (see `TemplatePlan`); nil when one of them
    /// uses what only swift-mustache renders, and then the theme renders through it.
    var compiled: TemplateRenderer?
    /// Why the theme renders through swift-mustache, when it does.
    public var compiledFallbackReason: String?

    /// The page templates every theme must end up with (after layering).
    public static let requiredTemplates = ["base", "home", "article", "article-item", "related-item", "term-link", "term", "terms", "archive", "archives", "404"]
    static let builtInTheme = "default"
    /// Templates in this folder are site partials: rendered once per build with only `site`
    /// in context, and included by pages as `{{{site.html.NAME}}}`.
    static let sitePartialFolder = "site/"
    /// Templates rendered ahead of the pages that show them (site partials, term links, list
    /// entries): pages do not name them as partials, so every page's hash includes them.
    static func isRenderedAhead(_ name: String) -> Bool {
        name.hasPrefix(sitePartialFolder) || name == "term-link"
    }

    /// The names of the site partials (`site/masthead`, ...).
    public var sitePartials: [String] { templateFiles.keys.filter { $0.hasPrefix(Self.sitePartialFolder) }.sorted() }

    /// Finds and loads the theme called `name`.
    /// - Parameters:
    ///   - siteRoot: the folder holding `gazette.yml`; its `templates/` override the theme
    ///     and its `Themes/` are searched first.
    ///   - searchPaths: further folders holding themes (the installed ones).
    public static func load(name: String, siteRoot: String, searchPaths: [String]) throws(GazetteError) -> Theme {
        let roots = [siteRoot + "/Themes"] + searchPaths
        func locate(_ theme: String) -> String? {
            roots.map { "\($0)/\(theme)" }.first { FileManager.default.fileExists(atPath: "\($0)/templates") }
        }
        guard let themeDir = locate(name) else {
            let available = Set(roots.flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }).sorted()
            throw GazetteError(file: siteRoot + "/gazette.yml", message: "unknown theme '\(name)'; the themes found are: \(available.isEmpty ? "none" : available.joined(separator: ", ")) (searched \(roots.joined(separator: ", ")))")
        }
        var layers: [String] = []
        if name != builtInTheme, let builtIn = locate(builtInTheme) { layers.append(builtIn) }
        layers.append(themeDir)

        var diagnostics: [Diagnostic] = []
        var files: [String: String] = [:]
        var texts: [String: String] = [:]
        for dir in layers.map({ $0 + "/templates" }) + [siteRoot + "/templates"] {
            for (template, file) in templateFiles(in: dir) {
                guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                    diagnostics.append(Diagnostic(file: file, message: "cannot read this template as UTF-8 text"))
                    continue
                }
                files[template] = file
                texts[template] = text
            }
        }
        var library = MustacheLibrary()
        _ = FastHTMLContentType.registered
        for (template, text) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: prepare(text)), named: template)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(file: files[template]!, line: max(1, error.context.lineNumber - preparedLines), message: "broken template: \(describe(error.error)) near '\(error.context.line.trimmingCharacters(in: .whitespaces))'"))
            } catch {
                diagnostics.append(Diagnostic(file: files[template]!, message: "broken template: \(error)"))
            }
        }
        for (template, text) in texts {
            for (partial, line) in partialReferences(in: text) where texts[partial] == nil {
                diagnostics.append(Diagnostic(file: files[template]!, line: line, message: "uses the partial '\(partial)', which no template folder has; add templates/\(partial).mustache or fix the name"))
            }
        }
        for required in requiredTemplates where texts[required] == nil {
            diagnostics.append(Diagnostic(file: themeDir + "/templates", message: "the theme has no '\(required).mustache' template"))
        }
        if !diagnostics.isEmpty { throw GazetteError(diagnostics) }
        let assets = (layers.map { $0 + "/assets" } + [siteRoot + "/assets"]).filter { FileManager.default.fileExists(atPath: $0) }
        var theme = Theme(name: name, library: library, templateFiles: files, assetDirectories: assets)
        theme.templateHashes = Self.closureHashes(texts)
        var compiled: [String: [TemplateNode]] = [:]
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            do throws(TemplateCompiler.Unsupported) {
                compiled[name] = try TemplateCompiler.compile(text)
            } catch {
                theme.compiledFallbackReason = "\(files[name]!): \(error.reason)"
                break
            }
        }
        if theme.compiledFallbackReason == nil { theme.compiled = TemplateRenderer(templates: compiled) }
        theme.wordFolders = layers.map { $0 + "/i18n" } + [siteRoot + "/i18n"]
        return theme
    }

    /// The template text as swift-mustache will parse it: with the pragma that selects the
    /// fast escaper on a line of its own (a standalone tag leaves nothing in the output).
    /// Parse errors report lines of the prepared text, so they subtract `preparedLines`.
    static func prepare(_ text: String) -> String {
        "{{% CONTENT_TYPE: \(FastHTMLContentType.name) }}\n" + text
    }

    static let preparedLines = 1

    static func closureHashes(_ texts: [String: String]) -> [String: UInt64] {
        let references = texts.mapValues { Set(partialReferences(in: $0).map(\.0)) }
        let renderedAhead = texts.keys.filter(isRenderedAhead)
        var out: [String: UInt64] = [:]
        for name in texts.keys {
            var seen = Set([name] + renderedAhead)
            var queue = Array(seen)
            while let next = queue.popLast() {
                for dependency in references[next] ?? [] where seen.insert(dependency).inserted { queue.append(dependency) }
            }
            var h = StableHash()
            for template in seen.sorted() { h.add(template); h.add(texts[template] ?? "") }
            out[name] = h.value
        }
        return out
    }

    /// `*.mustache` files below `dir`, by template name (path without the extension).
    static func templateFiles(in dir: String) -> [(String, String)] {
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [(String, String)] = []
        for case let path as String in walker where path.hasSuffix(".mustache") {
            out.append((String(path.dropLast(".mustache".count)), dir + "/" + path))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// `{{> name}}` and `{{< name}}` tags, with their lines. Mustache renders a missing
    /// partial as nothing; a theme author would rather hear about it.
    static func partialReferences(in text: String) -> [(String, Int)] {
        var out: [(String, Int)] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                let tag = rest.drop(while: { $0 == " " })
                guard let sigil = tag.first, sigil == ">" || sigil == "<", let close = tag.range(of: "}}") else { continue }
                let name = tag[tag.index(after: tag.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty && !name.hasPrefix("*") { out.append((name, n + 1)) }
            }
        }
        return out
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a closing tag does not match its opening {{#section}}"
        case .unfinishedName?: return "a tag is not closed with }}"
        case .expectedSectionEnd?: return "a {{#section}} is never closed with {{/section}}"
        case .invalidSetDelimiter?: return "a set-delimiter tag is malformed"
        default: return "\(error)"
        }
    }

    public func render(_ context: Any, template: String) -> String {
        if let compiled { return compiled.render(context, template: template) ?? "" }
        return library.render(context, withTemplate: template) ?? ""
    }

    /// A partial rendered ahead, to be placed inside another template's line: without its
    /// file's final newline.
    func renderEntry(_ context: Any, template: String) -> String {
        var text = render(context, template: template)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
