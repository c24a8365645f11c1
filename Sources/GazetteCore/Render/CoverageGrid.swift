import Foundation

/// The countries index's coverage at a glance: one tile per country, in name order, each a
/// link to the country's page, shaded by how many articles mention it. An inline SVG drawn at
/// build time; every tile carries its name and count as accessible text.
struct CoverageGrid {
    struct Tile {
        var name: String
        var code: String
        var url: String
        var count: Int
    }

    var tiles: [Tile]
    static let columns = 12
    static let tileWidth = 52.0, tileHeight = 40.0, gap = 4.0
    /// Light to dark; the class names pick the colours from the stylesheet (light and dark).
    static let shades = 5

    /// The shade of each count: buckets of equal width on a log scale, so one country with
    /// thousands of articles does not flatten every other tile to the palest shade.
    func shade(_ count: Int, max: Int) -> Int {
        guard max > 1 else { return Self.shades - 1 }
        let position = log(Double(count)) / log(Double(max))
        return Swift.min(Self.shades - 1, Int(position * Double(Self.shades)))
    }

    /// `title` names the chart; `label` says a tile's country and count.
    func svg(title: String = "Articles per country",
             label: (String, Int) -> String = { "\($0): \($1) article\($1 == 1 ? "" : "s")" }) -> String {
        guard !tiles.isEmpty else { return "" }
        let most = tiles.map(\.count).max() ?? 1
        let rows = (tiles.count + Self.columns - 1) / Self.columns
        let width = Double(Self.columns) * (Self.tileWidth + Self.gap) - Self.gap
        let height = Double(rows) * (Self.tileHeight + Self.gap) - Self.gap
        var out = "<svg class=\"coverage-grid\" viewBox=\"0 0 \(Int(width)) \(Int(height))\"><title>\(Escape.markup(title))</title>"
        for (k, tile) in tiles.enumerated() {
            let x = Double(k % Self.columns) * (Self.tileWidth + Self.gap), y = Double(k / Self.columns) * (Self.tileHeight + Self.gap)
            let label = Escape.markup(label(tile.name, tile.count))
            out += "<a href=\"\(Escape.markup(tile.url))\" aria-label=\"\(label)\"><title>\(label)</title>"
                + "<rect class=\"shade-\(shade(tile.count, max: most))\" x=\"\(Int(x))\" y=\"\(Int(y))\" width=\"\(Int(Self.tileWidth))\" height=\"\(Int(Self.tileHeight))\" rx=\"3\"/>"
                + "<text x=\"\(Int(x + Self.tileWidth / 2))\" y=\"\(Int(y + Self.tileHeight / 2 + 5))\" text-anchor=\"middle\">\(Escape.markup(tile.code))</text></a>"
        }
        return out + "</svg>"
    }

    /// The legend's steps: the smallest count each shade starts at.
    func legend() -> [[String: Any]] {
        let most = tiles.map(\.count).max() ?? 1
        var seen: [Int: Int] = [:]
        for count in tiles.map(\.count).sorted() where seen[shade(count, max: most)] == nil { seen[shade(count, max: most)] = count }
        return seen.keys.sorted().map { ["shade": $0, "from": seen[$0]!] }
    }
}
