import Testing
@testable import GazetteCore

@Suite struct CoverageGridTests {
    func grid(_ counts: [Int]) -> CoverageGrid {
        CoverageGrid(tiles: counts.enumerated().map { k, n in .init(name: "Country \(k)", code: "C\(k)", url: "/countries/c\(k)/", count: n) })
    }

    @Test func shadesFollowALogScaleSoOneGiantDoesNotFlattenTheRest() {
        let g = grid([1, 10, 100, 1000])
        #expect((0..<4).map { g.shade(g.tiles[$0].count, max: 1000) } == [0, 1, 3, 4])
    }

    @Test func everyTileIsALinkWithItsNameAndCountAsText() {
        let svg = CoverageGrid(tiles: [.init(name: "Côte d'Ivoire & <b>", code: "CI", url: "/countries/cote-divoire/", count: 1)]).svg()
        #expect(svg.contains("<a href=\"/countries/cote-divoire/\" aria-label=\"Côte d&#39;Ivoire &amp; &lt;b&gt;: 1 article\">"))
        #expect(!svg.contains("<b>"))
    }

    @Test func theLegendGivesTheSmallestCountOfEachShade() {
        let legend = grid([1, 2, 10, 100, 1000]).legend()
        #expect(legend.map { $0["from"] as? Int } == [1, 10, 100, 1000])
    }
}
