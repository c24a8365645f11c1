import Foundation
import Testing
@testable import GazetteCore

/// After any single change to a photo or to what names it, an incremental build equals a
/// clean one, byte for byte; variants no longer used leave the output.
@Suite struct IncrementalImageTests {
    let site = PhotoSite()

    func expectMatchesCleanBuild(_ note: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let clean = TemporaryDirectory()
        try site.build(clean: true, into: clean.path + "/out")
        let a = site.inspector, b = SiteInspector(root: clean.path + "/out")
        #expect(a.files == b.files, "\(note): file lists differ", sourceLocation: sourceLocation)
        for file in b.files {
            let same = FileManager.default.contentsEqual(atPath: a.root + "/" + file, andPath: b.root + "/" + file)
            if !same { Issue.record("\(note): \(file) differs from a clean build", sourceLocation: sourceLocation) }
        }
    }

    func edit(_ change: (String) -> String) {
        let path = "content/2024/03/cranes/index.md"
        site.folder.write([path: change(site.folder.read(path)!)])
    }

    @Test func eachFrontMatterKeyOfThePhotoMatchesACleanBuild() throws {
        try site.build()
        let changes: [(String, String, String)] = [
            ("image_alt", "image_alt: \"A grey gradient\"", "image_alt: \"A different description\""),
            ("image_caption", "image_caption: \"The cranes at dawn.\"", "image_caption: \"The cranes at dusk.\""),
            ("image_credit", "image_credit: \"Harbour Wire / Park Su-jin\"", "image_credit: \"Another Agency\""),
            ("image", "image: camera.jpg", "image: /media/small.png"),
        ]
        for (key, old, new) in changes {
            edit { $0.replacingOccurrences(of: old, with: new) }
            let report = try site.build()
            #expect(report.writtenPaths.contains("2024/03/05/harbour-cranes-stand-still/index.html"), "\(key)")
            try expectMatchesCleanBuild(key)
        }
        // The camera photo is no longer used: its variants are gone from the output.
        #expect(!site.imageFiles.contains { $0.contains("/camera-") })
    }

    @Test func aPhotoReplacedUnderTheSameNameIsProcessedAgain() throws {
        try site.build()
        let target = site.root + "/content/2024/03/cranes/camera.jpg"
        try FileManager.default.removeItem(atPath: target)
        try FileManager.default.copyItem(atPath: PhotoSite.small, toPath: target)  // a PNG now, by its bytes
        let report = try site.build()
        #expect(report.writtenPaths.contains("2024/03/05/harbour-cranes-stand-still/index.html"))
        #expect(site.imageFiles.contains { $0.hasSuffix("camera-300.png") })
        try expectMatchesCleanBuild("photo replaced")
    }

    @Test func aPhotoTouchedButUnchangedWritesNothing() throws {
        try site.build()
        let target = site.root + "/content/2024/03/cranes/camera.jpg"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: target)
        #expect(try site.build().writtenPaths == [])
    }

    @Test func bodyImagesAddedAndRemovedMatchACleanBuild() throws {
        try site.build()
        edit { $0 + "\n![The cranes](camera.jpg)\n" }
        try site.build()
        try expectMatchesCleanBuild("body image added")
        edit { $0.replacingOccurrences(of: "![A small chart](/media/small.png \"Cargo handled, by month.\")", with: "") }
        try site.build()
        try expectMatchesCleanBuild("body image removed")
    }

    @Test func imageSettingsAndPublisherSettingsMatchACleanBuild() throws {
        try site.build()
        site.folder.write(["gazette.yml": "title: Photo Times\nbase_url: https://example.org/\nimages:\n  widths: [400, 800]\n"])
        try site.build()
        try expectMatchesCleanBuild("image widths")
        site.folder.write(["gazette.yml": "title: Photo Times\nbase_url: https://example.org/\nlogo: /assets/logo.png\npublisher: Photo Co\n"])
        try site.build()
        try expectMatchesCleanBuild("logo and publisher")
    }

    @Test func theNewsSitemapForgetsAStoryTwoDaysOldWithoutAnyFileChanging() throws {
        site.folder.write(["content/fresh.md": article("Fresh news", date: "2025-12-31T12:00:00Z")])
        try site.build()  // the tests' clock: 2026-01-01T00:00:00Z
        #expect(site.inspector.read("news-sitemap.xml").contains("<news:title>Fresh news</news:title>"))
        var options = buildOptions(site: site.root, output: site.output)
        options.filter.now = testNow.addingTimeInterval(3 * 86_400)
        try SiteBuilder(options: options).build()
        #expect(!site.inspector.read("news-sitemap.xml").contains("Fresh news"))
    }
}
