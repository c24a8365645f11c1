/// One language's words and dates, as pages in it show them.
public struct Localization: Sendable {
    public let tag: LanguageTag
    public let words: ThemeWords
    public let dates: LocalDates
    /// The words as templates see them (`{{t.key}}`).
    let templateWords: [String: String]

    init(tag: LanguageTag, words: ThemeWords) {
        self.tag = tag
        self.words = words
        dates = LocalDates(language: tag)
        templateWords = words.templateValues
    }
}

/// The languages a site's pages are in: the site's own, and every article's that differs.
public struct SiteLanguages: Sendable {
    public let siteLanguage: String
    let byCode: [String: Localization]

    /// The localization of `code` (an article's language), or the site's.
    func of(_ code: String?) -> Localization {
        code.flatMap { byCode[$0] } ?? byCode[siteLanguage]!
    }

    var site: Localization { byCode[siteLanguage]! }

    /// Reads the theme's words for each language the site uses: warnings for words that
    /// fall back to English, errors for translation files that cannot be read.
    public static func load(site: Site, theme: Theme) -> (languages: SiteLanguages, warnings: [Diagnostic], errors: [Diagnostic]) {
        let siteTag = LanguageTag(site.config.language) ?? LanguageTag("en")!
        var codes: Set<String> = [siteTag.code]
        for article in site.articles { if let code = article.language { codes.insert(code) } }
        let loader = ThemeWordsLoader(folders: theme.wordFolders)
        var byCode: [String: Localization] = [:]
        var warnings: [Diagnostic] = [], errors: [Diagnostic] = []
        for code in codes.sorted() {
            let tag = LanguageTag(code) ?? siteTag
            let loaded = loader.load(tag)
            byCode[code] = Localization(tag: tag, words: loaded.words)
            warnings += loaded.warnings
            for error in loaded.errors where !errors.contains(error) { errors.append(error) }
        }
        return (SiteLanguages(siteLanguage: siteTag.code, byCode: byCode), warnings, errors)
    }
}
