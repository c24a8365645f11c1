import Foundation

/// What a deploy sends: the files whose signature differs from what the target was last
/// sent (all of them the first time), in the order that never shows a reader a page
/// pointing at a file not there yet: images first, then the other files (styles, scripts,
/// feeds, the search index), then the HTML, and the removals last.
public struct DeployPlan: Sendable {
    public var images: [String] = []
    public var files: [String] = []
    public var pages: [String] = []
    public var removals: [String] = []

    public var sendCount: Int { images.count + files.count + pages.count }
    public var isEmpty: Bool { sendCount == 0 && removals.isEmpty }

    /// What the target will have once the plan is carried out: each file's signature and
    /// the hash of its bytes.
    var record: [String: DeployRecord.Entry] = [:]

    /// - Parameters:
    ///   - current: every output file with its signature, from the build's ledger.
    ///   - sent: what the target was last sent (nil: never).
    ///   - bytes: a file's bytes, read when its signature changed: a file rendered again to
    ///     the same bytes (a feed that lists an edited article by its title) is not sent.
    init(current: [(path: String, signature: UInt64)], sent: [String: DeployRecord.Entry]?, bytes: (String) -> Data?) {
        var present = Set<String>()
        for (path, signature) in current {
            present.insert(path)
            if let last = sent?[path], last.signature == signature {
                record[path] = last
                continue
            }
            let hash = bytes(path).map { StableHash.of($0) } ?? 0
            record[path] = DeployRecord.Entry(signature: signature, contentHash: hash)
            if let last = sent?[path], last.contentHash == hash { continue }
            if path.hasPrefix(SitePaths.images) {
                images.append(path)
            } else if Self.isPage(path) {
                pages.append(path)
            } else {
                files.append(path)
            }
        }
        removals = (sent?.keys.filter { !present.contains($0) } ?? []).sorted()
        images.sort(); files.sort(); pages.sort()
    }

    /// HTML, and HTML's compressed copies, go with the pages.
    static func isPage(_ path: String) -> Bool {
        path.hasSuffix(".html") || path.hasSuffix(".html.gz") || path.hasSuffix(".html.br")
    }
}

/// What each target was last sent, kept beside the output (`public.gazette-deploy/<target>`):
/// the build ledger's paths and signatures at that deploy.
struct DeployRecord {
    static let magic: [UInt8] = Array("GAZETTE-DEPLOY".utf8)

    static func folder(forOutput output: String) -> String {
        (output.hasSuffix("/") ? String(output.dropLast()) : output) + ".gazette-deploy"
    }

    struct Entry: Sendable, Hashable {
        var signature: UInt64
        var contentHash: UInt64
    }

    static func load(_ path: String) -> [String: Entry]? {
        guard let bytes = ChecksummedFile.read(path, magic: magic) else { return nil }
        var r = ByteReader(bytes)
        var out: [String: Entry] = [:]
        do {
            for _ in 0..<(try r.count()) { out[try r.string()] = Entry(signature: try r.uint64(), contentHash: try r.uint64()) }
        } catch {
            return nil
        }
        return out
    }

    static func save(_ files: [String: Entry], to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try ChecksummedFile.write(path, magic: magic) { out in
            out.bytes.int(files.count)
            for (p, e) in files.sorted(by: { $0.key < $1.key }) {
                out.bytes.string(p); out.bytes.uint64(e.signature); out.bytes.uint64(e.contentHash)
                out.flushIfFull()
            }
        }
    }
}
