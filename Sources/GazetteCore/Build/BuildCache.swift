import Foundation

/// What the last successful build knew, kept beside the output (`public.gazette-cache`):
/// each article file's record, and each output file's signature. The next build re-reads
/// only changed files and re-renders only pages whose signature changed.
///
/// The file (a `ChecksummedFile`) holds a format version first; a cache that is cut short,
/// corrupt, from another version, or made for other settings, or for an output folder that
/// has since been replaced, is ignored.
struct BuildCache: Sendable {
    static let magic: [UInt8] = Array("GAZETTE-CACHE".utf8)
    static let formatVersion = 3

    /// Hash of everything that affects every page: settings, registry, options, theme
    /// assets, the program itself.
    var globalHash: UInt64
    /// Identity (device and inode) of the output folder the outputs were written to.
    var outputIdentity: String
    var records: [ArticleRecord]
    /// Output path → signature of what it was rendered from.
    var outputs: [String: UInt64]
    /// The earliest date of an article left out as embargoed (Int64.max if none): until
    /// then, a build with no changed file changes nothing.
    var earliestEmbargo: Int64 = .max
    /// For the closing line of a build that had nothing to do.
    var articleCount = 0, peopleCount = 0, countryCount = 0
    /// Templates and assets as they were.
    var themeHash: UInt64 = 0
    /// Each article's related articles, and the hash of what they were computed from.
    var relatedInputs: UInt64 = 0
    var related: [[Int]] = []

    static func path(forOutput output: String) -> String {
        (output.hasSuffix("/") ? String(output.dropLast()) : output) + ".gazette-cache"
    }

    func save(to path: String) throws {
        try ChecksummedFile.write(path, magic: Self.magic) { out in
            out.bytes.int(Self.formatVersion)
            out.bytes.uint64(globalHash)
            out.bytes.string(outputIdentity)
            out.bytes.int(earliestEmbargo); out.bytes.int(articleCount); out.bytes.int(peopleCount); out.bytes.int(countryCount)
            out.bytes.uint64(themeHash)
            out.bytes.int(records.count)
            for record in records {
                if let encoded = record.encoded { out.bytes.raw(encoded) } else { record.write(to: &out.bytes) }
                out.flushIfFull()
            }
            out.bytes.int(outputs.count)
            for (path, signature) in outputs {
                out.bytes.string(path); out.bytes.uint64(signature)
                out.flushIfFull()
            }
            out.bytes.uint64(relatedInputs)
            out.bytes.int(related.count)
            for list in related {
                out.bytes.int(list.count)
                for j in list { out.bytes.int(j) }
                out.flushIfFull()
            }
        }
    }

    /// nil when there is no usable cache at `path`.
    static func load(from path: String) -> BuildCache? {
        guard let payload = ChecksummedFile.read(path, magic: magic) else { return nil }
        var r = ByteReader(payload)
        do {
            guard try r.int() == formatVersion else { return nil }
            let global = try r.uint64()
            let identity = try r.string()
            let embargo = try r.int(), articles = Int(try r.int()), people = Int(try r.int()), countries = Int(try r.int())
            let theme = try r.uint64()
            var records: [ArticleRecord] = []
            let n = try r.count()
            records.reserveCapacity(n)
            for _ in 0..<n {
                let start = r.position
                var record = try ArticleRecord.read(from: &r)
                record.encoded = r.slice(start..<r.position)
                records.append(record)
            }
            var outputs: [String: UInt64] = [:]
            let m = try r.count()
            outputs.reserveCapacity(m)
            for _ in 0..<m { outputs[try r.string()] = try r.uint64() }
            let relatedInputs = try r.uint64()
            var related: [[Int]] = []
            let k = try r.count()
            related.reserveCapacity(k)
            for _ in 0..<k { related.append(try (0..<(try r.count())).map { _ in Int(try r.int()) }) }
            guard r.atEnd else { return nil }
            return BuildCache(globalHash: global, outputIdentity: identity, records: records, outputs: outputs,
                              earliestEmbargo: embargo, articleCount: articles, peopleCount: people, countryCount: countries, themeHash: theme,
                              relatedInputs: relatedInputs, related: related)
        } catch {
            return nil
        }
    }

    /// Device, inode and status-change time of a folder, or "" when it does not exist.
    /// A folder deleted and made again can get its old inode back; not its ctime too.
    static func identity(of folder: String) -> String {
        var info = stat()
        guard stat(folder, &info) == 0 else { return "" }
        return "\(info.st_dev):\(info.st_ino):\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }
}
