import Foundation
import Testing
@testable import GazetteCore

/// Photos go through libvips once: turned the way the camera meant, stripped of every piece
/// of metadata, resized to the configured widths in WebP and a fallback format, never enlarged.
@Suite struct ImageProcessingTests {
    @Test func eachPhotoBecomesWebPAndFallbackVariantsAtTheConfiguredWidths() throws {
        let site = PhotoSite()
        try site.build()
        let camera = site.imageFiles.filter { $0.contains("/camera-") }.map { ($0 as NSString).lastPathComponent }.sorted()
        // Shown upright it is 1200 px wide: 480 and 960, then its own width, not 1600.
        #expect(camera == ["camera-1200.jpg", "camera-1200.webp", "camera-480.jpg", "camera-480.webp",
                           "camera-960.jpg", "camera-960.webp"])
    }

    @Test func theCamerasOrientationIsAppliedToThePixels() throws {
        let site = PhotoSite()
        try site.build()
        for file in site.imageFiles where file.contains("/camera-") {
            let probe = try ImageCodec.probe(site.output + "/" + file).get()
            #expect(probe.height > probe.width, "\(file) is \(probe.width) × \(probe.height); the photo is upright")
        }
    }

    @Test func noMetadataFromThePhotoReachesTheSite() throws {
        let site = PhotoSite(config: "images:\n  avif: true\n")  // every format the site can publish
        try site.build()
        let original = try Data(contentsOf: URL(fileURLWithPath: PhotoSite.camera))
        #expect(original.range(of: Data("SecretCam".utf8)) != nil)  // the fixture has them
        for file in site.imageFiles {
            let data = try Data(contentsOf: URL(fileURLWithPath: site.output + "/" + file))
            for marker in ["Exif", "SecretCam", "GPS", "http://ns.adobe.com/xap"] {
                #expect(data.range(of: Data(marker.utf8)) == nil, "\(file) holds \(marker)")
            }
        }
        // And the page does not carry them either.
        #expect(!site.storyPage.contains("SecretCam"))
    }

    @Test func anImageNarrowerThanEveryWidthIsNeverEnlarged() throws {
        let site = PhotoSite()
        try site.build()
        let small = site.imageFiles.filter { $0.contains("/small-") }.map { ($0 as NSString).lastPathComponent }.sorted()
        #expect(small == ["small-300.png", "small-300.webp"])
    }

    @Test func widthsAndQualityComeFromTheConfig() throws {
        let site = PhotoSite(config: "images:\n  widths: [320, 640]\n  quality: 60\n")
        try site.build()
        let camera = site.imageFiles.filter { $0.contains("/camera-") && $0.hasSuffix(".webp") }
        #expect(camera.map { ($0 as NSString).lastPathComponent }.sorted() == ["camera-320.webp", "camera-640.webp"])
    }

    @Test func avifVariantsComeFirstWhenAskedFor() throws {
        let site = PhotoSite(config: "images:\n  widths: [480]\n  avif: true\n")
        try site.build()
        #expect(site.imageFiles.contains { $0.hasSuffix("camera-480.avif") })
        #expect(site.storyPage.contains("<picture><source type=\"image/avif\" srcset=\""))
    }

    @Test func aSecondBuildProcessesNoImage() throws {
        let site = PhotoSite()
        try site.build()
        let store = ImageStore(folder: ImageStore.folder(forOutput: site.output))
        let before = try FileManager.default.attributesOfItem(atPath: store.catalogPath)[.modificationDate] as? Date
        // Touch an article so the build is not a no-op: the image work must still be none.
        site.folder.write(["content/2024/03/plain.md": article("No photos here", date: "2024-03-01T09:00:00+09:00", body: "Changed.")])
        let variants = try FileManager.default.contentsOfDirectory(atPath: store.folder).filter { !$0.hasPrefix(".") }
        let times = try variants.map { try FileManager.default.attributesOfItem(atPath: store.folder + "/" + $0)[.modificationDate] as? Date }
        try site.build()
        let after = try variants.map { try FileManager.default.attributesOfItem(atPath: store.folder + "/" + $0)[.modificationDate] as? Date }
        #expect(times == after, "no variant was made again")
        #expect(before != nil)
    }

    @Test func aCleanBuildReusesTheStoredVariantsAndGivesTheSameFiles() throws {
        let site = PhotoSite()
        try site.build()
        let first = site.imageFiles.map { ($0, site.inspector.read($0).utf8.count) }
        try site.build(clean: true)
        #expect(site.imageFiles.map { ($0, site.inspector.read($0).utf8.count) }.elementsEqual(first) { $0 == $1 })
    }
}
