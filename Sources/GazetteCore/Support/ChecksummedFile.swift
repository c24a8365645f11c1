import Foundation

/// The format of Gazette's own state files (the build cache, the search vectors): a magic
/// word, a payload, and a hash of the payload at the end. A file that is short, corrupt or
/// someone else's reads as nil, so a build never trusts a damaged file.
enum ChecksummedFile {
    /// The payload of the file at `path`, or nil when it is missing, not ours or damaged.
    static func read(_ path: String, magic: [UInt8]) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path), data.count > magic.count + 8,
              Array(data.prefix(magic.count)) == magic else { return nil }
        let payload = Array(data[magic.count..<(data.count - 8)])
        var tail = ByteReader(Array(data.suffix(8)))
        guard let check = try? tail.uint64(), check == StableHash.of(payload) else { return nil }
        return payload
    }

    /// Writes a file a megabyte at a time to a temporary file beside `path`, then renames it
    /// into place (a crash leaves the old file or the new one): `fill` encodes the payload
    /// into `out.bytes`, calling `out.flushIfFull()` now and then. At 100,000 articles the
    /// build cache is some 80 MB, and holding it whole in memory first would be the build's
    /// peak.
    static func write(_ path: String, magic: [UInt8], fill: (inout Output) -> Void) throws {
        let temporary = path + ".tmp-\(getpid())"
        guard let file = fopen(temporary, "wb") else { throw WriteFailure(path: path) }
        var out = Output(file: file)
        out.bytes.raw(magic[...])
        out.flush(hashed: false)
        fill(&out)
        out.flush(hashed: true)
        out.bytes.uint64(out.hash.value)
        out.flush(hashed: false)
        if fclose(file) != 0 { out.failed = true }
        guard !out.failed, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw WriteFailure(path: path)
        }
    }

    /// A file being written: a buffer, and the hash of what went out of it.
    struct Output {
        var bytes = ByteWriter()
        fileprivate let file: UnsafeMutablePointer<FILE>
        fileprivate var hash = StableHash()
        fileprivate var failed = false

        fileprivate init(file: UnsafeMutablePointer<FILE>) {
            self.file = file
            bytes.reserve(1 << 20 + 4096)
        }

        /// Writes the buffer out once it holds a megabyte.
        mutating func flushIfFull() {
            if bytes.bytes.count >= 1 << 20 { flush(hashed: true) }
        }

        fileprivate mutating func flush(hashed: Bool) {
            if hashed { hash.add(bytes.bytes) }
            if !bytes.bytes.isEmpty, fwrite(bytes.bytes, 1, bytes.bytes.count, file) != bytes.bytes.count { failed = true }
            bytes.clear()
        }
    }

    struct WriteFailure: Error {
        var path: String
    }
}
