/// Finds the countries an article mentions: by name or abbreviation, by adjective, inside
/// compounds and organisation names, and by capital where the capital stands for the
/// government ("Seoul has said"), not where it is only a place ("arrive in Seoul").
public struct CountryRecognizer: Sendable {
    let table: CountryTable
    /// Word sequences (as lowercase-insensitive exact text) → country index. Longest first.
    private let phrases: [[String]: Int]
    private let capitals: [String: Int]
    /// One-word alternate names ("Island", "Suomi", "Holland"): see `usedAsCommonWord`.
    private let alternateWords: Set<String>
    /// First word → the lengths of the phrases that start with it, longest first.
    private let phraseLengthsByFirstWord: [String: [Int]]

    /// Abbreviations and short forms news text uses, beyond the data's names.
    static let abbreviations: [String: String] = [
        "U.S.": "US", "US": "US", "U.S.A.": "US", "USA": "US", "America": "US", "S. Korea": "KR", "N. Korea": "KP",
        "ROK": "KR", "DPRK": "KP", "Korea": "KR", "U.K.": "GB", "UK": "GB", "Britain": "GB", "Great Britain": "GB",
        "England": "GB", "Scotland": "GB", "Wales": "GB", "PRC": "CN", "UAE": "AE", "U.A.E.": "AE", "Holland": "NL",
        "the Netherlands": "NL", "Czech Republic": "CZ", "Burma": "MM", "Ivory Coast": "CI", "Vatican": "VA",
        "Korean": "KR", "Sino": "CN", "Russo": "RU", "Filipino": "PH",
        "Taiwanese": "TW", "Emirati": "AE", "Britons": "GB", "Americans": "US", "Saudi": "SA", "Kiwi": "NZ",
    ]

    /// Phrases that contain a country's name but mean something else.
    static let notCountries: [[String]] = [
        ["Korean", "Peninsula"], ["Korean", "War"], ["Korean", "Wave"], ["Korean", "language"], ["Korea", "Strait"],
        ["East", "China", "Sea"], ["South", "China", "Sea"], ["Sea", "of", "Japan"], ["New", "Mexico"], ["New", "Jersey"],
        ["New", "Guinea"], ["Latin", "America"], ["South", "America"], ["North", "America"], ["Central", "America"],
        ["Latin", "American"], ["South", "American"], ["North", "American"], ["Central", "American"], ["Native", "American"],
        ["African", "American"], ["Asian", "American"], ["Korean", "American"], ["Korean", "Americans"], ["Indian", "Ocean"],
        ["American", "Samoa"], ["Georgia", "Tech"], ["Turkey", "Day"], ["Jordan", "River"], ["Lake", "Chad"], ["Niger", "River"],
        ["Chinese", "New", "Year"], ["Korean", "Air"], ["American", "Airlines"], ["Korean", "Air", "Lines"], ["Japanese", "Yen"],
        ["French", "fries"], ["Turkish", "coffee"], ["Dutch", "auction"],
    ]

    /// Country names that are also people's names ("Michael Jordan", "Chad Miller"):
    /// not counted where they stand inside a run of capitalised words.
    static let alsoPersonNames: Set<String> = ["JO", "TD"]

    /// Names that more often mean something else (Georgia the U.S. state, Jersey the
    /// island or New Jersey): counted only when the article also uses their adjective or capital.
    static let ambiguous: Set<String> = ["GE", "JE", "GG", "CW", "IM", "CK", "NF", "PN", "CC", "BV", "HM", "UM", "TF"]

    /// Prefixes that make a compound about no one country: "Inter-Korean", "Pan-African", "Anti-Japanese".
    static let compoundPrefixes: Set<String> = ["inter", "intra", "pan", "anti", "non", "post", "pre", "trans", "sub", "neo"]

    /// Words before a capital that make it a place, not a government.
    static let placeWords: Set<String> = [
        "in", "at", "to", "from", "into", "near", "outside", "around", "across", "via", "toward", "towards", "through",
        "visit", "visits", "visited", "visiting", "arrive", "arrived", "arrives", "arriving", "based", "held", "hold",
        "headquartered", "downtown", "central", "southern", "northern", "eastern", "western", "flew", "fly", "flights",
        "landed", "leave", "left", "leaving", "return", "returned", "returning", "trip", "travel", "traveled", "travelled",
    ]

    public init(table: CountryTable = .shared) {
        self.table = table
        var phrases: [[String]: Int] = [:]
        var capitals: [String: Int] = [:]
        var alternates = Set<String>()
        func add(_ name: String, _ index: Int) {
            let words = Tokenizer.tokenize(name).filter(\.isWord).map(\.text)
            if !words.isEmpty && phrases[words] == nil { phrases[words] = index }
        }
        for (i, country) in table.countries.enumerated() {
            add(country.name, i)
            for other in country.otherNames where !other.contains(",") {
                add(other, i)
                if !other.contains(" ") && other != country.name { alternates.insert(other) }
            }
            if !country.officialName.isEmpty { add(country.officialName, i) }
            if !country.demonym.isEmpty { add(country.demonym, i) }
            let capital = country.capital.replacingOccurrences(of: " D.C.", with: "")
            if !capital.isEmpty, !capital.contains(" ") { capitals[capital] = i }
        }
        for (abbreviation, code) in Self.abbreviations {
            if let i = table.countries.firstIndex(where: { $0.code == code }) {
                let words = Tokenizer.tokenize(abbreviation).filter(\.isWord).map(\.text)
                phrases[words] = i
            }
        }
        // Demonyms the data writes as one word but news writes as two, and plural forms.
        for (i, country) in table.countries.enumerated() where !country.demonym.isEmpty && !country.demonym.contains(" ") {
            let plural = country.demonym.hasSuffix("s") || country.demonym.hasSuffix("ese") ? country.demonym : country.demonym + "s"
            if phrases[[plural]] == nil { phrases[[plural]] = i }
        }
        self.phrases = phrases
        self.capitals = capitals
        for (abbreviation, _) in Self.abbreviations { alternates.remove(abbreviation) }
        alternateWords = alternates
        var lengths: [String: Set<Int>] = [:]
        for key in phrases.keys { lengths[key[0], default: []].insert(key.count) }
        phraseLengthsByFirstWord = lengths.mapValues { $0.sorted(by: >) }
    }

    /// Countries in order of first mention, as their common English names.
    public func countries(in texts: [String]) -> [String] {
        countries(inTokenized: texts.map(Tokenizer.tokenize))
    }

    /// The same, for texts already tokenized (the importer tokenizes each paragraph once
    /// for both recognisers).
    func countries(inTokenized texts: [[Token]]) -> [String] {
        var found: [(offset: Int, index: Int)] = []
        var base = 0
        var ambiguousHits: [Int: Int] = [:]
        var support = Set<Int>()  // countries also named by adjective or capital
        for tokens in texts {
            let words = tokens.filter(\.isWord)
            // A headline in title case capitalises its verbs too ("Biden Visits Korea").
            let titleCase = words.count(where: \.isCapitalized) * 2 > words.count
            var i = 0
            while i < words.count {
                // Every name, capital and compound starts with a capital letter somewhere: a
                // lowercase word with no hyphen ("the", "said") is none of them.
                if let first = words[i].text.utf8.first, first >= 0x61 && first <= 0x7A, !words[i].text.utf8.contains(0x2D) {
                    i += 1
                    continue
                }
                if let skip = excludedPhrase(at: i, in: words) {
                    i += skip
                    continue
                }
                if let (index, length) = match(at: i, in: words) {
                    let country = table.countries[index]
                    if length == 1, alternateWords.contains(words[i].text),
                       isPartOfName(at: i, length: 1, in: words) || usedAsCommonWord(words[i].text, in: texts) {
                        i += 1
                        continue
                    }
                    if !titleCase, words[i].text != country.demonym, closesOrganisationName(at: i, in: words, texts: texts) {
                        i += length
                        continue
                    }
                    if Self.alsoPersonNames.contains(country.code) && isPartOfName(at: i, length: length, in: words) {
                        i += length
                        continue
                    }
                    if words[i].text == country.demonym { support.insert(index) }
                    if Self.ambiguous.contains(country.code) {
                        ambiguousHits[index] = ambiguousHits[index] ?? (base + words[i].offset)
                    } else {
                        found.append((base + words[i].offset, index))
                    }
                    i += length
                    continue
                }
                // Hyphenated compounds: "U.S.-China", "Korea-Japan".
                // Not after a prefix: "Inter-Korean" is about both Koreas, "Pan-Asian" about none.
                if words[i].text.has(ascii: "-"),
                   !Self.compoundPrefixes.contains(words[i].text.prefix { $0 != "-" }.lowercased()) {
                    let parts = words[i].text.split(separator: "-").map(String.init)
                    for part in parts where part.first?.isUppercase == true {
                        if let index = phrases[[part]] ?? phrases[[part + "."]], !Self.ambiguous.contains(table.countries[index].code) {
                            found.append((base + words[i].offset, index))
                        }
                    }
                }
                if let index = capitals[words[i].text], standsForGovernment(at: i, in: words) {
                    found.append((base + words[i].offset, index))
                    support.insert(index)
                }
                i += 1
            }
            base += (tokens.last?.end ?? 0) + 1
        }
        for (index, offset) in ambiguousHits where support.contains(index) {
            found.append((offset, index))
        }
        var seen = Set<Int>()
        return found.sorted { $0.offset < $1.offset }.compactMap { seen.insert($0.index).inserted ? table.countries[$0.index].name : nil }
    }

    private func match(at i: Int, in words: [Token]) -> (Int, Int)? {
        // Only phrases that start with this word, longest first: no key arrays built for
        // the other 99% of words.
        guard let lengths = phraseLengthsByFirstWord[words[i].text] else { return nil }
        for length in lengths where i + length <= words.count {
            let key = words[i..<(i + length)].map(\.text)
            guard let index = phrases[key] else { continue }
            // All-caps "US" only: "us" the pronoun is not the country.
            if key == ["US"] && words[i].text != "US" { continue }
            if key.count == 1, key[0].first?.isLowercase == true { continue }
            // "Korean" before a noun is South Korea, but a few phrases are not countries at all.
            return (index, length)
        }
        return nil
    }

    /// `notCountries` by first word: looked up once per word instead of walked whole.
    static let notCountriesByFirstWord: [String: [[String]]] = Dictionary(grouping: notCountries, by: { $0[0] })

    private func excludedPhrase(at i: Int, in words: [Token]) -> Int? {
        guard let phrases = Self.notCountriesByFirstWord[words[i].text] else { return nil }
        for phrase in phrases where i + phrase.count <= words.count {
            if zip(phrase, words[i..<(i + phrase.count)]).allSatisfy({ $0 == $1.text }) { return phrase.count }
        }
        return nil
    }

    /// An alternate name that is also an ordinary word ("Island" for Iceland, "Mann" for
    /// the Isle of Man) is taken as the country only where it stands alone: not in a name
    /// ("Jeju Island", "Thomas Mann") and not in a text that also writes the word in
    /// lowercase ("the island").
    private func usedAsCommonWord(_ word: String, in texts: [[Token]]) -> Bool {
        let lower = word.lowercased()
        return texts.contains { tokens in tokens.contains { $0.isWord && $0.text == lower } }
    }

    /// "Gallup Korea", "Samsung Electronics Vietnam": a country's name that ends an
    /// organisation's, after a capitalised word that names no country itself. At a
    /// sentence's start that word must be no ordinary one ("In Korea", "Unlike Korea").
    private func closesOrganisationName(at i: Int, in words: [Token], texts: [[Token]]) -> Bool {
        guard i > 0 else { return false }
        let before = words[i - 1]
        if before.sentenceStart,
           NameEvidence.commonCapitalized.contains(before.text) || usedAsCommonWord(before.text, in: texts) { return false }
        return before.isCapitalized && before.isRightBefore(words[i])
            && !before.text.hasSuffix(".") && !before.possessive && phraseLengthsByFirstWord[before.text] == nil
            && capitals[before.text] == nil && !PersonRecognizer.isTitle(before.text)
    }

    /// "Michael Jordan", "Jordan Peterson": a capitalised word right before or after.
    private func isPartOfName(at i: Int, length: Int, in words: [Token]) -> Bool {
        let before = i > 0 ? words[i - 1] : nil
        let after = i + length < words.count ? words[i + length] : nil
        if let before, before.isCapitalized, !before.sentenceStart || GivenNames.all.contains(before.text), before.isRightBefore(words[i]) { return true }
        if let after, after.isCapitalized, !after.sentenceStart, words[i + length - 1].isRightBefore(after) { return true }
        return false
    }

    static func isScore(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// "Seoul has said", "talks with Pyongyang", "Tokyo's restrictions": yes.
    /// "arrive in Seoul", "SEOUL, Nov. 8 (Yonhap)", "Seoul National University", "Denzel Washington": no.
    private func standsForGovernment(at i: Int, in words: [Token]) -> Bool {
        let word = words[i]
        if word.isAllCaps { return false }  // a dateline
        if i + 1 < words.count, Self.isScore(words[i + 1].text) { return false }  // "beat Seoul 88-80": a team
        if i > 0 {
            let before = words[i - 1]
            // "respond to Seoul's offer" is the government; "travel to Seoul" is the city.
            if Self.placeWords.contains(before.text.lowercased()) && !word.possessive { return false }
            if before.isCapitalized && !before.sentenceStart && before.isRightBefore(word) { return false }
        }
        if i + 1 < words.count, words[i + 1].isCapitalized, !word.possessive, word.isRightBefore(words[i + 1]) {
            return false  // "Seoul National University", "Washington Post"
        }
        return true
    }
}
