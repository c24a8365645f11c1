import Foundation

/// One language edition of the site as a build renders it: its articles as a site of their
/// own, in the folder `prefix` ("" for the root, "ko/").
struct Edition: Sendable {
    var prefix: String
    var site: Site
}

extension SiteBuilder {
    /// The site's editions: one, at the root, for a site in one language; else one per entry
    /// of `languages:`, each with the articles in its language, translations linked across.
    ///
    /// In a multilingual site an article under a folder named for an edition
    /// (`content/ko/…`, by its prefix or its code) is in that edition's language unless it
    /// says otherwise, and the rest of its path links it to its translations in the other
    /// folders (`content/en/2024/budget.md` ↔ `content/ko/2024/budget.md`) unless it has
    /// a `translation_key:`.
    func editions(_ settings: Settings, _ content: LoadedContent) throws(GazetteError) -> [Edition] {
        let config = settings.config
        let (articles, names) = normalizedNames(content.articles, registry: settings.registry)
        guard !config.editions.isEmpty else { return [Edition(prefix: "", site: try Site(config: config, articles: articles))] }
        let root = URL(fileURLWithPath: options.contentDirectory).standardizedFileURL.path + "/"
        var members = [[Article]](repeating: [], count: config.editions.count)
        // Per edition: each person's spellings as its articles wrote them, counted.
        var spellings = [[String: [String: Int]]](repeating: [:], count: config.editions.count)
        var diagnostics: [Diagnostic] = []
        for (raw, normalized) in zip(content.articles, articles) {
            var article = normalized
            let relative = article.file.hasPrefix(root) ? String(article.file.dropFirst(root.count)) : article.file
            let top = String(relative.prefix { $0 != "/" })
            if let folder = config.editions.first(where: { $0.language.code.lowercased() == top.lowercased() || $0.prefix == top + "/" }),
               top.count < relative.count {
                if article.language == nil { article.language = folder.language.code }
                if article.translationKey == nil { article.translationKey = Self.translationKey(String(relative.dropFirst(top.count + 1))) }
            }
            let language = article.language ?? config.language
            guard let e = config.editions.firstIndex(where: { $0.language.code == language }) else {
                diagnostics.append(Diagnostic(file: article.file, message: "is in \(language), which has no edition; add "
                    + "\(language) to 'languages:' in gazette.yml, or change the article's 'language:'"))
                continue
            }
            // Each edition's own language is its sites' default: an article in it needs no tag.
            if article.language == language { article.language = nil }
            members[e].append(article)
            for name in raw.people { if let person = names.person(name) { spellings[e][person, default: [:]][name, default: 0] += 1 } }
        }
        var editions: [Edition] = []
        for (e, edition) in config.editions.enumerated() {
            let labels = edition.language.language == "en" ? [:] : Self.ownSpellings(spellings[e])
            do {
                let site = try Site(config: config.edition(edition), articles: members[e], personLabels: labels)
                editions.append(Edition(prefix: edition.prefix, site: site))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if !diagnostics.isEmpty { throw GazetteError(diagnostics) }
        Self.linkTranslations(&editions)
        return editions
    }

    /// For each person an edition writes in a spelling of its own, the one it writes most.
    static func ownSpellings(_ counts: [String: [String: Int]]) -> [String: String] {
        var out: [String: String] = [:]
        for (person, written) in counts {
            let best = written.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!.key
            if best != person { out[person] = best }
        }
        return out
    }

    /// "2024/budget.md" and "2024/budget/index.md" → "2024/budget".
    static func translationKey(_ path: String) -> String {
        var key = path
        if key.hasSuffix("/index.md") { key.removeLast("/index.md".count) } else if key.hasSuffix(".md") { key.removeLast(3) }
        return key
    }

    /// Every article's versions across the editions, by language, from their shared keys.
    static func linkTranslations(_ editions: inout [Edition]) {
        var groups: [String: [TranslationVersion]] = [:]
        for edition in editions {
            let site = edition.site
            for (i, article) in site.articles.enumerated() {
                guard let key = article.translationKey else { continue }
                groups[key, default: []].append(TranslationVersion(
                    language: site.language(of: i), title: article.title, path: edition.prefix + site.articlePaths[i]))
            }
        }
        for e in editions.indices {
            var translations: [Int: [TranslationVersion]] = [:]
            for (i, article) in editions[e].site.articles.enumerated() {
                guard let key = article.translationKey, let versions = groups[key], versions.count > 1 else { continue }
                translations[i] = versions.sorted { $0.language < $1.language }
            }
            editions[e].site.translations = translations
        }
    }
}

/// An edition ready to render: its site, page plan, renderer and signatures.
struct EditionRender: Sendable {
    var prefix: String
    var plan: BuildPlan
    var renderer: PageRenderer
    var signatures: PageSignatures
    var site: Site { renderer.site }
}

extension SiteBuilder {
    /// Each edition's plan (with its related articles), words, renderer and signatures;
    /// the warnings of its translation files, each once.
    func prepare(_ editions: [Edition], settings: Settings, media: MediaLibrary, previousRelated: (UInt64, [[Int]])?)
        throws(GazetteError) -> ([EditionRender], [Diagnostic]) {
        var renders: [EditionRender] = []
        var warnings: [Diagnostic] = [], errors: [Diagnostic] = []
        for edition in editions {
            let site = edition.site
            let plan = BuildPlan(site: site, previous: previousRelated)
            let languages = SiteLanguages.load(site: site, theme: settings.theme)
            for w in languages.warnings where !warnings.contains(w) { warnings.append(w) }
            for e in languages.errors where !errors.contains(e) { errors.append(e) }
            // One media stage ran over every edition's articles; each edition sees its own.
            let library = editions.count == 1 ? media : media.restricted(to: site.articles)
            let renderer = PageRenderer(site: site, plan: plan, theme: settings.theme, media: library, languages: languages.languages)
            let signatures = PageSignatures(site: site, plan: plan, theme: settings.theme, media: library)
            renders.append(EditionRender(prefix: edition.prefix, plan: plan, renderer: renderer, signatures: signatures))
        }
        if !errors.isEmpty { throw GazetteError(errors) }
        return (renders, warnings)
    }

    /// Articles, people and countries over every edition.
    static func counts(_ editions: [EditionRender]) -> (articles: Int, people: Int, countries: Int) {
        (editions.map(\.site.articles.count).reduce(0, +),
         editions.map { $0.site.taxonomy(.people)?.terms.count ?? 0 }.reduce(0, +),
         editions.map { $0.site.taxonomy(.countries)?.terms.count ?? 0 }.reduce(0, +))
    }
}

extension MediaLibrary {
    /// The same processed images, as `articles` (one edition's) show them.
    func restricted(to articles: [Article]) -> MediaLibrary {
        MediaLibrary(articles: articles, resolver: resolver, images: images, records: records)
    }
}
