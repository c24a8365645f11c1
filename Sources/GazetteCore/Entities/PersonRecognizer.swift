/// Finds the people an article names, the way news text writes them: titles and roles
/// before names, quote attribution, appositives, and the shape of names (given names of
/// many languages, Korean surname-first names). There is no list of particular people.
///
/// Later mentions by surname or title ("Milley", "President Moon", "Mr. Kim") fold into
/// the fullest name the article gives. A surname alone never makes a new person.
public struct PersonRecognizer: Sendable {
    /// Single words that are country names, adjectives or capitals: stripped from the
    /// front of a phrase ("Japanese Prime Minister Shinzo Abe"), never a person alone.
    let placeWords: Set<String>

    public init(countries: CountryTable = .shared) {
        var words = Set<String>()
        for country in countries.countries {
            for name in [country.name, country.demonym, country.capital] + country.otherNames {
                for w in Tokenizer.tokenize(name) where w.isWord { words.insert(w.text) }
            }
        }
        for abbreviation in CountryRecognizer.abbreviations.keys {
            for w in Tokenizer.tokenize(abbreviation) where w.isWord { words.insert(w.text) }
        }
        placeWords = words
    }

    struct Mention {
        var words: [String]
        var offset: Int
        var evidence: Bool
    }

    /// People in order of first mention, under their fullest names.
    /// - Parameter exclude: names never to tag here (the byline, the agency's reporters).
    public func people(title: String?, paragraphs: [String], exclude: [String] = []) -> [String] {
        people(title: title.map(Tokenizer.tokenize), paragraphs: paragraphs.map(Tokenizer.tokenize), exclude: exclude)
    }

    /// The same, for texts already tokenized.
    func people(title: [Token]?, paragraphs: [[Token]], exclude: [String]) -> [String] {
        var full: [Mention] = []
        var single: [Mention] = []
        var base = 0
        let texts = (title.map { [($0, true)] } ?? []) + paragraphs.map { ($0, false) }
        for (tokens, isHeadline) in texts {
            for mention in candidates(in: tokens, headline: isHeadline) {
                var m = mention
                m.offset += base
                if m.words.count == 1 { single.append(m) } else { full.append(m) }
            }
            base += (tokens.last?.end ?? 0) + 1
        }
        // Names with evidence somewhere in the article; the same name elsewhere counts too.
        let accepted = Set(full.filter(\.evidence).map { Self.key($0.words) })
        let excluded = Set(exclude.map { Self.key(Tokenizer.tokenize($0).filter(\.isWord).map(\.text)) })
        var people: [(name: [String], first: Int)] = []
        var indexByKey: [String: Int] = [:]
        for m in full.sorted(by: { $0.offset < $1.offset }) {
            let key = Self.key(m.words)
            guard accepted.contains(key), !excluded.contains(key) else { continue }
            if let i = indexByKey[key] {
                if m.words.joined(separator: " ").count > people[i].name.joined(separator: " ").count { people[i].name = m.words }
            } else {
                indexByKey[key] = people.count
                people.append((m.words, m.offset))
            }
        }
        // A surname (or "President Moon") mentioned before the full name moves the person up.
        let surnames = people.map { Self.surname($0.name) }
        for m in single {
            let matches = people.indices.filter { surnames[$0] == m.words[0] }
            if matches.count == 1 { people[matches[0]].first = min(people[matches[0]].first, m.offset) }
        }
        // "Mark A. Milley" and "Mark Milley": the same person, under the fuller name.
        people = Self.mergeMiddleInitials(people)
        return people.sorted { $0.first < $1.first }.map { $0.name.joined(separator: " ") }
    }

    /// Capitalised phrases, with titles and place words stripped from their front, and
    /// whether the text around them says they are a person.
    func candidates(in tokens: [Token], headline: Bool) -> [Mention] {
        var out: [Mention] = []
        var i = 0
        while i < tokens.count {
            guard isNameWord(tokens[i], headline: headline) else { i += 1; continue }
            var j = i + 1
            while j < tokens.count, !tokens[j - 1].possessive {
                if isNameWord(tokens[j], headline: headline) { j += 1; continue }
                if Self.particles.contains(tokens[j].text), j + 1 < tokens.count, isNameWord(tokens[j + 1], headline: headline), tokens[j + 1].isCapitalized { j += 1; continue }
                break
            }
            if !Self.fillsQuotes(tokens, i, j), let mention = mention(tokens, i, j, headline: headline) { out.append(mention) }
            i = j
        }
        return out
    }

    /// A run of capitalised words that is all a quotation holds is a title: a song's, a
    /// film's, a book's ("Love Wins All", "Parasite"), not a person.
    static func fillsQuotes(_ tokens: [Token], _ start: Int, _ end: Int) -> Bool {
        guard start > 0, end < tokens.count else { return false }
        var close = end
        if tokens[close].text == "," || tokens[close].text == ".", close + 1 < tokens.count { close += 1 }
        return ["\"", "“"].contains(tokens[start - 1].text) && ["\"", "”"].contains(tokens[close].text)
    }

    static let particles: Set<String> = ["de", "van", "von", "der", "den", "bin", "al", "da", "del", "di", "du", "la", "le", "dos", "das", "ibn", "y"]

    func isNameWord(_ t: Token, headline: Bool) -> Bool {
        guard t.isWord else { return false }
        // Arabic family names: "al-Thani", "el-Sisi".
        if (t.text.hasPrefix("al-") || t.text.hasPrefix("el-")), t.text.unicodeScalars.dropFirst(3).first.map(Tokenizer.isUpper) == true { return true }
        guard t.isCapitalized else { return false }
        if t.text.hasSuffix(".") { return true }  // "Gen.", "U.S.", "J."
        if t.isAllCaps { return false }  // "GSOMIA", "KBS"
        return true
    }

    func mention(_ tokens: [Token], _ start: Int, _ end: Int, headline: Bool) -> Mention? {
        var words = tokens[start..<end].map(\.text)
        var titled = false
        // Strip what stands before the name: titles, place words, sentence-initial words.
        var k = 0
        // An organisation and a role before the name: "Defense Ministry Spokesperson Moon
        // Hong-sik", "People Power Party Chairman Kim Gi-hyeon". The name is what follows the
        // last title word, when two words or more do and none of them is a title.
        let organisationAndRole = words.indices.last(where: { Self.isTitle(words[$0]) }).flatMap { last in
            words.count - last - 1 >= 2 && !words[(last + 1)...].contains(where: Self.isTitle) ? last : nil
        }
        if let last = organisationAndRole {
            k = last + 1
            titled = true
        }
        while organisationAndRole == nil, k < words.count {
            let w = words[k]
            if Self.isTitle(w) || NameEvidence.roles.contains(w.lowercased()) && k + 1 < words.count { titled = true; k += 1; continue }
            // "Jordan Blake", "Chad Miller": a country name that is also a first name starts a name.
            let startsName = GivenNames.all.contains(w) && k + 1 < words.count && !Self.isTitle(words[k + 1]) && !placeWords.contains(words[k + 1])
            if placeWords.contains(w) && !startsName || NameEvidence.commonCapitalized.contains(w) && (k > 0 || tokens[start].sentenceStart || headline) { k += 1; continue }
            if w.hasSuffix(".") && w.count > 2 && !Tokenizer.abbreviations.contains(String(w.dropLast())) { k += 1; continue }  // "U.S."
            break
        }
        words.removeFirst(k)
        while let last = words.last, Self.isTitle(last) && !KoreanSurnames.all.contains(last) { words.removeLast() }
        guard !words.isEmpty, words.count <= 5 else { return nil }
        if words.contains(where: { NameEvidence.nonPersonWords.contains($0) }) { return nil }
        if words.allSatisfy({ placeWords.contains($0) || PlaceNames.all.contains($0) }) { return nil }
        if words.count == 1 && NameEvidence.commonCapitalized.contains(words[0]) { return nil }
        let offset = tokens[start + k].offset
        if words.count == 1 { return Mention(words: words, offset: offset, evidence: titled) }

        let koreanHyphen = KoreanSurnames.all.contains(words[0]) && words.count == 2 && Self.isHyphenatedGivenName(words[1])
        let koreanSpaced = KoreanSurnames.all.contains(words[0]) && words.count == 3 && words.dropFirst().allSatisfy { (2...5).contains($0.count) && !$0.contains("-") }
        if headline {
            // Title case makes every word look like a name ("President Moon Vows…"): a
            // headline never introduces a person, it only names one the body has.
            return Mention(words: words, offset: offset, evidence: false)
        }
        let before = start > 0 ? tokens[start - 1] : nil
        let roleBefore = before.map { $0.isWord && NameEvidence.roles.contains($0.text.lowercased()) } ?? false
        let saidBefore = before.map { $0.isWord && ["said", "says", "according", "told"].contains($0.text) } ?? false
            || (start > 1 && tokens[start - 1].text == "to" && tokens[start - 2].text == "according")
        let after = tokens[end...].prefix(3)
        let speaks = after.first(where: { $0.isWord }).map { NameEvidence.speech.contains($0.text) } ?? false
        let appositive = after.first?.text == "," && after.dropFirst().first.map { t in
            t.isWord && (["who", "a", "an", "the", "whose", "his", "her", "its", "now", "then", "also", "former", "currently"].contains(t.text.lowercased())
                || t.text.first!.isNumber || NameEvidence.roles.contains(t.text.lowercased()))
        } ?? false
        let givenName = GivenNames.all.contains(words[0]) && words.count <= 4 && !PlaceNames.all.contains(words.joined(separator: " "))
        let evidence = titled || roleBefore || saidBefore || koreanHyphen || koreanSpaced
            || givenName && (speaks || appositive || words.count >= 2)
            || speaks && words.count >= 2 && words.allSatisfy { $0.first!.isUppercase && $0.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" || $0 == "'" } }
        return Mention(words: words, offset: offset, evidence: evidence)
    }

    /// "Gen.", "Minister", "Secretary-General", "Vice-Chairman".
    static func isTitle(_ word: String) -> Bool {
        NameEvidence.titles.contains(word) || word.has(ascii: "-") && word.split(separator: "-").allSatisfy { NameEvidence.titles.contains(String($0)) }
    }

    /// "Han-ki", "Jong-un", "Jae-In", "Kyeong-doo".
    static func isHyphenatedGivenName(_ word: String) -> Bool {
        guard word.has(ascii: "-") else { return false }
        let parts = word.split(separator: "-")
        return parts.count == 2 && parts.allSatisfy { part in
            // Most names are ASCII: their letters are told by byte, without Unicode's tables.
            if part.utf8.allSatisfy({ $0 < 0x80 }) {
                return (1...5).contains(part.utf8.count) && part.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
            }
            return (1...5).contains(part.count) && part.allSatisfy(\.isLetter)
        }
    }

    /// Spelling variants of one name share a key: "Moon Jae-in", "Moon Jae In", "Moon Jae-In".
    static func key(_ words: [String]) -> String {
        var out = String.UnicodeScalarView()
        for word in words {
            for s in word.lowercased().unicodeScalars where s != "-" && s != " " { out.append(s) }
        }
        return String(out)
    }

    /// The family name: first for Korean names, last otherwise.
    static func surname(_ words: [String]) -> String {
        if KoreanSurnames.all.contains(words[0]) && (words.count == 3 || words.count == 2 && isHyphenatedGivenName(words[1])) {
            return words[0]
        }
        return words.last!
    }

    static func mergeMiddleInitials(_ people: [(name: [String], first: Int)]) -> [(name: [String], first: Int)] {
        var out: [(name: [String], first: Int)] = []
        for person in people {
            let short = person.name.filter { !($0.count == 2 && $0.hasSuffix(".")) }
            if let i = out.firstIndex(where: { $0.name.filter { !($0.count == 2 && $0.hasSuffix(".")) } == short }) {
                if person.name.count > out[i].name.count { out[i].name = person.name }
                out[i].first = min(out[i].first, person.first)
            } else {
                out.append(person)
            }
        }
        return out
    }
}
