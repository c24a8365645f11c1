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
    static let formatVersion = 10

    /// Hash of everything that affects every page: settings, registry, options, theme
    /// assets, the program itself.
    var globalHash: UInt64
    /// Identity (device and inode) of the output folder the outputs were written to.
    var outputIdentity: String
    var records: [ArticleRecord]
    /// Every output file with the signature of what it was rendered from.
    var outputs: OutputLedger
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
    /// Drafts and embargoed articles the build left out, for the closing line.
    var skippedDrafts = 0, skippedFuture = 0

    static func path(forOutput output: String) -> String {
        (output.hasSuffix("/") ? String(output.dropLast()) : output) + ".gazette-cache"
    }

    /// Writes the cache. All but the output folder's identity and the outputs is known once
    /// the site is planned, so a build writes that part while it renders: `tail` is called
    /// when the rest is written and waits for the build to end; nil (the build failed)
    /// leaves the old cache as it was.
    func save(to path: String, tail: () -> (outputIdentity: String, outputs: OutputLedger)?) throws {
        try ChecksummedFile.write(path, magic: Self.magic) { out throws in
            out.bytes.int(Self.formatVersion)
            out.bytes.uint64(globalHash)
            out.bytes.int(earliestEmbargo); out.bytes.int(articleCount); out.bytes.int(peopleCount); out.bytes.int(countryCount)
            out.bytes.uint64(themeHash)
            out.bytes.int(skippedDrafts); out.bytes.int(skippedFuture)
            out.bytes.int(records.count)
            for record in records {
                // Each record after its length, so a build with nothing to do can read the
                // files' names and times and skip the rest.
                if let encoded = record.encoded {
                    out.bytes.int(encoded.count); out.bytes.raw(encoded)
                } else {
                    var one = ByteWriter()
                    record.write(to: &one)
                    out.bytes.int(one.bytes.count); out.bytes.raw(one.bytes[...])
                }
                out.flushIfFull()
            }
            out.bytes.uint64(relatedInputs)
            var lists = ByteWriter()  // after its length, so that reading can step over it
            lists.int(related.count)
            for list in related {
                lists.int(list.count)
                for j in list { lists.int(j) }
            }
            out.bytes.int(lists.bytes.count); out.bytes.raw(lists.bytes[...])
            out.flushIfFull()
            guard let (identity, outputs) = tail() else { throw Abandoned() }
            out.bytes.string(identity)
            outputs.write(to: &out)
        }
    }

    struct Abandoned: Error {}

    /// nil when there is no usable cache at `path`.
    static func load(from path: String) -> BuildCache? { Opened(path: path)?.decode() }

    /// A cache file read and checked, with its header and its files' names, sizes and times
    /// decoded but not yet its records and outputs: a build with nothing to do needs no more,
    /// and decoding 100,000 records would be most of its time.
    struct Opened {
        var globalHash: UInt64, outputIdentity: String, earliestEmbargo: Int64
        var articleCount: Int, peopleCount: Int, countryCount: Int, themeHash: UInt64
        var skippedDrafts: Int, skippedFuture: Int, outputCount: Int
        var files: [ContentFile]
        private let payload: [UInt8]
        /// Where each record starts and ends, where the related articles start, and where
        /// the outputs do.
        private let recordRanges: [Range<Int>]
        private let relatedStart: Int, outputsStart: Int
        /// The whole cache, when it was kept in memory instead of read.
        private let decoded: BuildCache?

        /// A cache kept in memory by the last build (see `BuildMemory`).
        init(cache: BuildCache) {
            globalHash = cache.globalHash; outputIdentity = cache.outputIdentity; earliestEmbargo = cache.earliestEmbargo
            articleCount = cache.articleCount; peopleCount = cache.peopleCount; countryCount = cache.countryCount
            themeHash = cache.themeHash; skippedDrafts = cache.skippedDrafts; skippedFuture = cache.skippedFuture
            outputCount = cache.outputs.count
            files = cache.records.map(\.file)
            payload = []; recordRanges = []; relatedStart = 0; outputsStart = 0
            decoded = cache
        }

        init?(path: String) {
            guard let payload = ChecksummedFile.read(path, magic: BuildCache.magic) else { return nil }
            var r = ByteReader(payload)
            do {
                guard try r.int() == BuildCache.formatVersion else { return nil }
                globalHash = try r.uint64()
                earliestEmbargo = try r.int()
                articleCount = Int(try r.int()); peopleCount = Int(try r.int()); countryCount = Int(try r.int())
                themeHash = try r.uint64()
                skippedDrafts = Int(try r.int()); skippedFuture = Int(try r.int())
                let n = try r.count()
                var files: [ContentFile] = [], ranges: [Range<Int>] = []
                files.reserveCapacity(n); ranges.reserveCapacity(n)
                for _ in 0..<n {
                    let length = try r.count()
                    let start = r.position
                    guard start + length <= payload.count else { return nil }
                    var fields = ByteReader(payload, at: start)
                    files.append(ContentFile(path: try fields.string(), size: try fields.int(), modified: try fields.int()))
                    ranges.append(start..<(start + length))
                    r = ByteReader(payload, at: start + length)
                }
                relatedStart = r.position
                _ = try r.uint64()
                let listsLength = try r.count()
                guard r.position + listsLength <= payload.count else { return nil }
                r = ByteReader(payload, at: r.position + listsLength)
                outputIdentity = try r.string()
                outputsStart = r.position
                _ = try r.count()
                outputCount = try r.count()
                self.files = files
                self.payload = payload
                recordRanges = ranges
                decoded = nil
            } catch {
                return nil
            }
        }

        /// The whole cache; nil when a record or the rest does not decode.
        func decode() -> BuildCache? {
            if let decoded { return decoded }
            do {
                // Records in parallel, a thousand at a time: their ranges are known.
                let ranges = recordRanges, payload = payload, files = files
                let chunks = stride(from: 0, to: ranges.count, by: 1000).map { $0..<min(ranges.count, $0 + 1000) }
                let decoded = chunks.parallelMap { chunk -> [ArticleRecord]? in
                    var out: [ArticleRecord] = []
                    out.reserveCapacity(chunk.count)
                    for k in chunk {
                        let range = ranges[k]
                        var r = ByteReader(payload, at: range.lowerBound)
                        guard var record = try? ArticleRecord.read(from: &r, knownFile: files[k]), r.position == range.upperBound else { return nil }
                        record.encoded = payload[range]
                        out.append(record)
                    }
                    return out
                }
                var records: [ArticleRecord] = []
                records.reserveCapacity(recordRanges.count)
                for chunk in decoded {
                    guard let chunk else { return nil }
                    records += chunk
                }
                var r = ByteReader(payload, at: relatedStart)
                let relatedInputs = try r.uint64()
                _ = try r.count()
                var related: [[Int]] = []
                let k = try r.count()
                related.reserveCapacity(k)
                for _ in 0..<k { related.append(try (0..<(try r.count())).map { _ in Int(try r.int()) }) }
                guard try r.string() == outputIdentity, r.position == outputsStart else { return nil }
                let outputs = try OutputLedger.read(from: &r)
                guard r.atEnd else { return nil }
                return BuildCache(globalHash: globalHash, outputIdentity: outputIdentity, records: records, outputs: outputs,
                                  earliestEmbargo: earliestEmbargo, articleCount: articleCount, peopleCount: peopleCount,
                                  countryCount: countryCount, themeHash: themeHash, relatedInputs: relatedInputs, related: related,
                                  skippedDrafts: skippedDrafts, skippedFuture: skippedFuture)
            } catch {
                return nil
            }
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
