import Foundation
@testable import GazetteCore

/// A small site with photos: an article that is a folder with its lead photo beside it
/// (`camera.jpg`, 1600 × 1200 stored, EXIF orientation 6, GPS and camera tags), a body
/// image from `media/` (`small.png`, 300 × 200), and an article without photos.
struct PhotoSite {
    let folder = TemporaryDirectory()
    var root: String { folder.path }
    var output: String { root + "/public" }

    static let camera = TestPaths.fixtures + "/images/camera.jpg"
    static let small = TestPaths.fixtures + "/images/small.png"

    static let storyWithPhotos = """
        ---
        title: "Harbour cranes stand still"
        date: 2024-03-05T09:30:00+09:00
        section: Economy
        byline: Kim Ji-won and Lee Min-ho
        image: camera.jpg
        image_alt: "A grey gradient"
        image_caption: "The cranes at dawn."
        image_credit: "Harbour Wire / Park Su-jin"
        people: [Kim Ji-won]
        countries: [South Korea]
        ---

        The cranes stopped on Monday.

        ![A small chart](/media/small.png "Cargo handled, by month.")

        More text with an inline ![](/media/small.png) image.
        """

    init(config: String = "") {
        folder.write([
            "gazette.yml": "title: Photo Times\nbase_url: https://example.org/\n" + config,
            "content/2024/03/cranes/index.md": Self.storyWithPhotos,
            "content/2024/03/plain.md": article("No photos here", date: "2024-03-01T09:00:00+09:00"),
        ])
        try! FileManager.default.copyItem(atPath: Self.camera, toPath: root + "/content/2024/03/cranes/camera.jpg")
        try! FileManager.default.createDirectory(atPath: root + "/media", withIntermediateDirectories: true)
        try! FileManager.default.copyItem(atPath: Self.small, toPath: root + "/media/small.png")
    }

    @discardableResult
    func build(clean: Bool = false, into path: String? = nil) throws(GazetteError) -> BuildReport {
        var options = buildOptions(site: root, output: path ?? output)
        options.clean = clean
        return try SiteBuilder(options: options).build()
    }

    func error() -> GazetteError? {
        do { try build(); return nil } catch { return error }
    }

    var inspector: SiteInspector { SiteInspector(root: output) }

    /// The article page of the story with photos.
    var storyPage: String { inspector.read("2024/03/05/harbour-cranes-stand-still/index.html") }

    /// Published image files, relative to the output.
    var imageFiles: [String] { inspector.files.filter { $0.hasPrefix("images/") } }
}
