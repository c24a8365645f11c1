import Foundation
import Testing
@testable import GazetteCore

/// How pages show photos: the lead as a figure with caption and credit, body images as
/// pictures with srcset, sizes, width and height, thumbnails in lists.
@Suite struct PhotoPageTests {
    @Test func theLeadPhotoIsAFigureWithCaptionAndCredit() throws {
        let site = PhotoSite()
        try site.build()
        let page = site.storyPage
        #expect(page.contains("<figure class=\"lead-image\">"))
        #expect(page.contains("The cranes at dawn."))
        #expect(page.contains("Photo: Harbour Wire / Park Su-jin"))
        #expect(page.contains("width=\"1200\" height=\"1600\" alt=\"A grey gradient\" decoding=\"async\""))
    }

    @Test func bodyImagesArePicturesWithSourcesSizesAndLazyLoading() throws {
        let site = PhotoSite()
        try site.build()
        let page = site.storyPage
        #expect(page.contains("<figure class=\"body-image\"><picture><source type=\"image/webp\" srcset=\""))
        #expect(page.contains("<figcaption>Cargo handled, by month.</figcaption>"))
        #expect(page.contains("sizes=\"(min-width: 45rem) 42rem, 100vw\" width=\"300\" height=\"200\" alt=\"A small chart\" loading=\"lazy\" decoding=\"async\""))
        // An image inside a sentence stays inline, in its paragraph.
        #expect(page.contains("More text with an inline <picture>"))
    }

    @Test func everyImageURLOnThePagesResolves() throws {
        let site = PhotoSite()
        try site.build()
        #expect(site.inspector.brokenLinks() == [])
        let srcsets = site.storyPage.components(separatedBy: "srcset=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        for srcset in srcsets {
            for candidate in srcset.split(separator: ",") {
                let url = String(candidate.trimmingCharacters(in: .whitespaces).split(separator: " ")[0])
                #expect(site.inspector.file(forURLPath: url).map { site.inspector.files.contains($0) } == true, "\(url)")
            }
        }
    }

    @Test func listsShowAThumbnailOnlyForArticlesWithAPhoto() throws {
        let site = PhotoSite()
        try site.build()
        let home = site.inspector.read("index.html")
        #expect(home.components(separatedBy: "class=\"teaser-image\"").count == 2)
        #expect(home.contains("<li class=\"teaser has-image\">"))
        #expect(site.inspector.read("people/kim-ji-won/index.html").contains("teaser-image"))
    }

    @Test func aRemoteImageIsLeftAsItIs() throws {
        let site = PhotoSite()
        site.folder.write(["content/remote.md": article("Remote", extra: "image: https://cdn.example.net/p.jpg\nimage_alt: A pier\n")])
        try site.build()
        let page = site.inspector.read("2024/01/02/remote/index.html")
        #expect(page.contains("<img src=\"https://cdn.example.net/p.jpg\" alt=\"A pier\""))
    }

    @Test func taskListCheckboxesHaveNames() {
        let html = MarkdownRenderer().html("- [x] vote held\n- [ ] budget signed\n")
        #expect(html.contains("checked=\"\" disabled=\"\" aria-label=\"Done\""))
        #expect(html.contains("disabled=\"\" aria-label=\"Not done\""))
    }
}
