import Foundation

/// The variants of every image the site used last, kept beside the output
/// (`public.gazette-images/`) between builds, with a catalog of their sources: each source's
/// size and time, the hash of its bytes, and what processing it gave. A source whose size
/// and time are unchanged is not read again; one whose bytes are unchanged is not processed
/// again. A `--clean` build starts its pages afresh but keeps these: a variant's name holds
/// the hash of its source's bytes and of the settings, so it cannot be stale.
struct ImageStore: Sendable {
    static let magic: [UInt8] = Array("GAZETTE-IMAGES".utf8)
    static let formatVersion = 1

    struct Record: Sendable {
        var path: String
        var size: Int64
        var modified: Int64
        var contentHash: UInt64
        var image: ProcessedImage
    }

    let folder: String

    static func folder(forOutput output: String) -> String {
        (output.hasSuffix("/") ? String(output.dropLast()) : output) + ".gazette-images"
    }

    var catalogPath: String { folder + "/.catalog" }

    func variantPath(_ image: ProcessedImage, _ v: ProcessedImage.Variant) -> String { folder + "/" + image.storeName(of: v) }

    /// The last successful build's records, by source path (empty when there are none).
    func catalog() -> [String: Record] {
        guard let bytes = ChecksummedFile.read(catalogPath, magic: Self.magic) else { return [:] }
        var r = ByteReader(bytes)
        var out: [String: Record] = [:]
        do {
            guard try r.int() == Self.formatVersion else { return [:] }
            for _ in 0..<(try r.count()) {
                let path = try r.string(), size = try r.int(), modified = try r.int(), hash = try r.uint64()
                let key = try r.uint64(), name = try r.string()
                var variants: [ProcessedImage.Variant] = []
                for _ in 0..<(try r.count()) {
                    guard let format = ImageCodec.Format(rawValue: Int(try r.int())) else { return [:] }
                    variants.append(.init(width: Int(try r.int()), height: Int(try r.int()), format: format, bytes: Int(try r.int())))
                }
                let image = ProcessedImage(source: path, key: key, name: name, variants: variants)
                out[path] = Record(path: path, size: size, modified: modified, contentHash: hash, image: image)
            }
        } catch {
            return [:]
        }
        return out
    }

    /// Keeps `records` as the catalog and removes every variant file none of them uses.
    func save(_ records: [Record]) throws {
        if records.isEmpty && access(folder, F_OK) != 0 { return }  // a site without images leaves no store
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try ChecksummedFile.write(catalogPath, magic: Self.magic) { out in
            out.bytes.int(Self.formatVersion)
            out.bytes.int(records.count)
            for record in records.sorted(by: { $0.path < $1.path }) {
                out.bytes.string(record.path); out.bytes.int(record.size); out.bytes.int(record.modified)
                out.bytes.uint64(record.contentHash); out.bytes.uint64(record.image.key); out.bytes.string(record.image.name)
                out.bytes.int(record.image.variants.count)
                for v in record.image.variants {
                    out.bytes.int(v.format.rawValue); out.bytes.int(v.width); out.bytes.int(v.height); out.bytes.int(v.bytes)
                }
                out.flushIfFull()
            }
        }
        let used = Set(records.flatMap { record in record.image.variants.map { record.image.storeName(of: $0) } })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where !name.hasPrefix(".") && !used.contains(name) {
            unlink(folder + "/" + name)
        }
    }

    /// Whether every source in the catalog has the size and time it had (a build with no
    /// changed article and no changed image has nothing to do).
    func sourcesUnchanged() -> Bool {
        guard access(catalogPath, F_OK) == 0 else { return true }  // the last build used no images
        return catalog().values.allSatisfy { record in
            var info = stat()
            guard stat(record.path, &info) == 0 else { return false }
            let modified = info.modifiedNanoseconds
            return Int64(info.st_size) == record.size && modified == record.modified
        }
    }

    /// Whether every variant of `image` is in the store (a hand-cleaned store is refilled).
    func holds(_ image: ProcessedImage) -> Bool {
        image.variants.allSatisfy { access(variantPath(image, $0), R_OK) == 0 }
    }
}
