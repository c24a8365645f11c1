import Testing
@testable import GazetteCore

@Suite struct SlugTests {
    @Test func foldsAccentsAndLowercases() {
        #expect(Slug.make("José Ramos-Horta") == "jose-ramos-horta")
        #expect(Slug.make("Čapek, Müller & Øster") == "capek-muller-oster")
    }

    @Test func keepsKoreanNamesReadable() {
        #expect(Slug.make("Kim Jong-un") == "kim-jong-un")
        #expect(Slug.make("문재인") == "문재인")
    }

    @Test func dropsApostrophesInsteadOfSplittingWords() {
        #expect(Slug.make("Xi's visit") == "xis-visit")
    }

    @Test func isNeverEmpty() {
        #expect(Slug.make("!!!") == "untitled")
        #expect(Slug.make("", fallback: "person") == "person")
    }

    @Test func asciiTextTakesABytePathThatAgreesWithTheUnicodeOne() {
        let samples = ["Central Bank Holds Rates at 3.5%", "Xi's visit", "  --Leading and trailing--  ", "ALL CAPS 2024",
                       "tab\tand\nnewline", "a_b.c/d\\e", "'''", "", "9 to 5: a day's work", "x", "Q&A with O'Neill"]
        for text in samples {
            #expect(Slug.make(text) == Slug.unicode(text, fallback: "untitled"), "\(text)")
        }
        #expect(Slug.make("Central Bank Holds Rates at 3.5%") == "central-bank-holds-rates-at-3-5")
    }

    @Test func twoNamesWithOneSlugGetDistinctSlugs() {
        var slugs = SlugAllocator()
        #expect(slugs.slug(for: "José") == "jose")
        #expect(slugs.slug(for: "Jose") == "jose-2")
        #expect(slugs.slug(for: "José") == "jose")
    }

    @Test func reservedSlugsAreNotHandedOut() {
        var slugs = SlugAllocator(reserved: ["page"])
        #expect(slugs.slug(for: "Page") == "page-2")
    }

    @Test func hangulStaysComposed() {
        let slug = Slug.make("부산 여객선 재개")
        #expect(slug == "부산-여객선-재개")
        #expect(slug.utf8.count == 23)  // seven syllables of three bytes each, and two hyphens
    }

    @Test func kanaVoicingAndDevanagariVowelSignsStay() {
        #expect(Slug.make("ガザ") == "ガザ")
        #expect(Slug.make("भारत") == "भारत")
    }

    @Test func arabicVowelSignsAreDropped() {
        #expect(Slug.make("مُحَمَّد") == "محمد")
    }

    @Test func transliteratedSlugsAreLatin() {
        #expect(Slug.make("부산 여객선", style: .transliterate) == "busan-yeogaegseon")
        #expect(Slug.make("Президент России", style: .transliterate) == "prezident-rossii")
        #expect(Slug.make("東京", style: .transliterate) == "dong-jing")
        #expect(Slug.make("Already Latin", style: .transliterate) == "already-latin")
    }
}
