import Foundation
import Testing
@testable import GazetteCore

/// Bad images stop the build with the article's file and line and what to do; all of them
/// in one run.
@Suite struct ImageErrorTests {
    func messages(_ error: GazetteError?) -> [String] { error?.diagnostics.map(\.description) ?? [] }

    @Test func aMissingImageNamesTheArticleAndLine() {
        let site = PhotoSite()
        site.folder.write(["content/2024/03/gone.md": article("Gone", body: "Text.\n\n![A ferry](ferry.jpg)")])
        let all = messages(site.error())
        #expect(all.count == 1)
        #expect(all.first?.contains("content/2024/03/gone.md:8") == true, "\(all)")
        #expect(all.first?.contains("'ferry.jpg' is not there") == true, "\(all)")
    }

    @Test func aPathThatLeavesTheSiteIsRefused() {
        let site = PhotoSite()
        site.folder.write(["content/2024/03/escape.md": article("Escape", extra: "image: ../../../../etc/passwd.jpg\n")])
        let all = messages(site.error())
        #expect(all.contains { $0.contains("escape.md:4") && $0.contains("outside the content and media folders") }, "\(all)")
    }

    @Test func aFileThatIsNotAnImageIsNamed() throws {
        let site = PhotoSite()
        site.folder.write(["media/notes.jpg": "These are notes, not a photo.\n",
                           "content/2024/03/notes.md": article("Notes", extra: "image: /media/notes.jpg\nimage_alt: Notes\n")])
        let all = messages(site.error())
        #expect(all.contains { $0.contains("notes.md:4") && $0.contains("is not an image Gazette can read") }, "\(all)")
    }

    @Test func aTruncatedPhotoIsNamed() throws {
        let site = PhotoSite()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: PhotoSite.camera))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: site.root + "/media/cut.jpg"))
        site.folder.write(["content/2024/03/cut.md": article("Cut", extra: "image: /media/cut.jpg\nimage_alt: Cut\n")])
        let all = messages(site.error())
        #expect(all.contains { $0.contains("cut.md:4") && $0.contains("truncated or damaged") }, "\(all)")
    }

    @Test func anImageAboveThePixelLimitIsRefusedWithTheWayOut() {
        let site = PhotoSite(config: "images:\n  max_megapixels: 1\n")
        let all = messages(site.error())
        #expect(all.contains { $0.contains("1200 × 1600 pixels") && $0.contains("max_megapixels") }, "\(all)")
    }

    @Test func everyBadImageOfARunIsReportedTogether() {
        let site = PhotoSite()
        site.folder.write([
            "content/a.md": article("A", body: "![a](missing-a.jpg)"),
            "content/b.md": article("B", body: "![b](missing-b.jpg)"),
        ])
        #expect(messages(site.error()).count == 2)
    }

    @Test func aFailedImageBuildLeavesThePreviousSiteAlone() throws {
        let site = PhotoSite()
        try site.build()
        let before = site.inspector.files
        site.folder.write(["content/a.md": article("A", body: "![a](missing.jpg)")])
        #expect(site.error() != nil)
        #expect(site.inspector.files == before)
    }

    @Test func imagesWithoutAltTextAreWarnedAboutWithTheirLine() throws {
        let site = PhotoSite()
        let report = try site.build()
        let warnings = report.warnings.map(\.description)
        // The story's second body image has empty brackets (line 18 of its file).
        #expect(warnings.contains { $0.contains("cranes/index.md:18") && $0.contains("no alt text") }, "\(warnings)")
        #expect(warnings.count == 1, "\(warnings)")
    }
}
