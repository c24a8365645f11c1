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
}
