import CGazetteImages
import Foundation

/// libvips, as the media stage uses it: read an image's size, and make its variants.
enum ImageCodec {
    enum Format: Int, Sendable, CaseIterable {
        case jpeg = 0, webp = 1, png = 2, avif = 3

        var fileExtension: String { ["jpg", "webp", "png", "avif"][rawValue] }
        var mediaType: String { ["image/jpeg", "image/webp", "image/png", "image/avif"][rawValue] }
    }

    struct Probe: Sendable {
        var width: Int
        var height: Int
        /// The fallback format its variants are written in beside WebP: PNG for PNG and GIF
        /// sources (they may be transparent), JPEG for the rest.
        var fallback: Format
    }

    struct Variant: Sendable {
        var width: Int
        var height: Int
        var format: Format
        var data: Data
    }

    /// Why an image could not be read or made, as the end of a sentence about it.
    struct Failure: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static let started: Bool = gazette_images_start() == 0

    static func lastError() -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        gazette_images_error(&buffer, buffer.count)
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func probe(_ path: String) -> Result<Probe, Failure> {
        guard started else {
            let why = String(cString: gazette_images_start_error())
            return .failure(Failure("cannot be read: images need libvips (Debian's libvips42), which did not load (\(why))"))
        }
        var width: Int32 = 0, height: Int32 = 0
        var loader = [CChar](repeating: 0, count: 64)
        guard gazette_image_probe(path, &width, &height, &loader, loader.count) == 0 else {
            _ = lastError()
            return .failure(Failure("is not an image Gazette can read (JPEG, PNG, WebP, GIF, TIFF or HEIF)"))
        }
        let name = String(decoding: loader.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).lowercased()
        let fallback: Format = name.contains("png") || name.contains("gif") ? .png : .jpeg
        return .success(Probe(width: Int(width), height: Int(height), fallback: fallback))
    }

    /// The widths an image of `width` pixels gets: those of the settings below its own,
    /// and its own width when that is below the largest (never an enlarged copy).
    static func widths(for width: Int, settings: ImageSettings) -> [Int] {
        var out = settings.widths.filter { $0 < width }
        if width <= (settings.widths.last ?? width) { out.append(width) }
        return out.isEmpty ? [width] : out
    }

    /// Every variant of the image: each width in WebP and the fallback format (and AVIF
    /// when asked), metadata stripped, orientation applied. The file is decoded once, at
    /// the largest width; smaller ones are made from that.
    static func variants(_ path: String, probe: Probe, settings: ImageSettings) -> Result<[Variant], Failure> {
        let widths = Self.widths(for: probe.width, settings: settings).sorted(by: >)
        guard let largest = gazette_image_load(path, Int32(widths[0])) else {
            let reason = lastError()
            return .failure(Failure("cannot be decoded: it is truncated or damaged" + (reason.isEmpty ? "" : " (\(reason))")))
        }
        defer { gazette_image_free(largest) }
        var formats: [Format] = [.webp, probe.fallback]
        if settings.avif { formats.append(.avif) }
        var out: [Variant] = []
        for width in widths {
            let image = width == widths[0] ? largest : gazette_image_shrink(largest, Int32(width))
            guard let image else { return .failure(Failure("cannot be resized: \(lastError())")) }
            defer { if image != largest { gazette_image_free(image) } }
            for format in formats {
                var buffer: UnsafeMutableRawPointer?
                var length = 0
                guard gazette_image_save(image, Int32(format.rawValue), Int32(settings.quality), &buffer, &length) == 0,
                      let buffer else {
                    return .failure(Failure("cannot be saved as \(format.fileExtension): \(lastError())"))
                }
                var data = Data(bytes: buffer, count: length)
                if format == .webp { data = WebPChunks.withoutMetadata(data) }
                out.append(Variant(width: Int(gazette_image_width(image)), height: Int(gazette_image_height(image)),
                                   format: format, data: data))
                gazette_image_free_buffer(buffer)
            }
        }
        return .success(out)
    }
}
