import Testing
@testable import GazetteCore

@Suite struct PaginationTests {
    @Test func firstPageLivesAtTheListPath() {
        let p = Pagination(basePath: "people/ana/", itemCount: 45, perPage: 20)
        #expect(p.pageCount == 3)
        #expect(p.path(ofPage: 1) == "people/ana/")
        #expect(p.path(ofPage: 3) == "people/ana/page/3/")
        #expect(p.range(ofPage: 3) == 40..<45)
    }

    @Test func anEmptyListStillHasOnePage() {
        #expect(Pagination(basePath: "", itemCount: 0, perPage: 10).pageCount == 1)
    }
}
