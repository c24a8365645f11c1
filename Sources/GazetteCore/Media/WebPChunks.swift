import Foundation

/// Drops the EXIF and XMP chunks from a WebP file. libvips 8.14 (Debian 12's) writes an
/// EXIF chunk into every WebP it saves, whatever its "strip" option says: a new one made
/// from the image's resolution when the source had none. What it holds is harmless after
/// the media stage cleared the source's fields, but a site must publish no metadata at all,
/// and no library on this system rewrites WebP containers, so this does, by the format's
/// specification (RIFF chunks, and the flags of the VP8X chunk that announce them).
enum WebPChunks {
    static func withoutMetadata(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8) else {
            return data
        }
        var out: [UInt8] = Array(bytes[0..<12])
        var i = 12
        while i + 8 <= bytes.count {
            let tag = String(decoding: bytes[i..<(i + 4)], as: UTF8.self)
            let size = Int(bytes[i + 4]) | Int(bytes[i + 5]) << 8 | Int(bytes[i + 6]) << 16 | Int(bytes[i + 7]) << 24
            let end = min(bytes.count, i + 8 + size + (size & 1))  // chunks are padded to even sizes
            if tag != "EXIF" && tag != "XMP " {
                var chunk = Array(bytes[i..<end])
                if tag == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(0x0C) }  // the EXIF and XMP flags
                out += chunk
            }
            i = end
        }
        let riffSize = out.count - 8
        out[4] = UInt8(riffSize & 0xFF); out[5] = UInt8(riffSize >> 8 & 0xFF)
        out[6] = UInt8(riffSize >> 16 & 0xFF); out[7] = UInt8(riffSize >> 24 & 0xFF)
        return Data(out)
    }
}
