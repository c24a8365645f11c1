import Foundation

/// The format of Gazette's own state files (the build cache, the search vectors): a magic
/// word, a payload, and a hash of the payload at the end. A file that is short, corrupt or
/// someone else's reads as nil, so a build never trusts a damaged file.
enum ChecksummedFile {
    /// The payload of the file at `path`, or nil when it is missing, not ours or damaged.
    static func read(_ path: String, magic: [UInt8]) -> [UInt8]? {
        guard var payload = readWhole(path), payload.count > magic.count + 8, payload.starts(with: magic) else { return nil }
        var tail = ByteReader(Array(payload.suffix(8)))
        payload.removeLast(8)
        payload.removeFirst(magic.count)
        guard let check = try? tail.uint64(), check == StableHash.of(payload) else { return nil }
        return payload
    }

    /// The file's bytes read straight into an array: Foundation's `contents(atPath:)` would
    /// read into Data and the payload would then be copied again, 80 MB on a large archive.
    private static func readWhole(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = Foundation.read(fd, buffer.baseAddress! + done, size - done)
                if n <= 0 { failed = n < 0; break }
                done += n
            }
            count = done
        }
        return failed || bytes.count != size ? nil : bytes
    }

    /// Writes a file a megabyte at a time to a temporary file beside `path`, then renames it
    /// into place (a crash leaves the old file or the new one): `fill` encodes the payload
    /// into `out.bytes`, calling `out.flushIfFull()` now and then. At 100,000 articles the
    /// build cache is some 80 MB, and holding it whole in memory first would be the build's
    /// peak.
    /// When `fill` throws, the temporary file is removed and the old file stays.
    static func write(_ path: String, magic: [UInt8], fill: (inout Output) throws -> Void) throws {
        let temporary = path + ".tmp-\(getpid())"
        guard let file = fopen(temporary, "wb") else { throw WriteFailure(path: path) }
        var out = Output(file: file)
        out.bytes.raw(magic[...])
        out.flush(hashed: false)
        do { try fill(&out) } catch {
            fclose(file)
            unlink(temporary)
            throw error
        }
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

        /// Writes the buffer out once it holds a megabyte: a multiple of eight bytes of it,
        /// since the hash takes eight bytes at a time and must come out as if it had hashed
        /// the payload whole.
        mutating func flushIfFull() {
            guard bytes.bytes.count >= 1 << 20 else { return }
            let aligned = bytes.bytes.count & ~7
            bytes.bytes.withUnsafeBytes { hash.add(raw: UnsafeRawBufferPointer(rebasing: $0[..<aligned])) }
            if fwrite(bytes.bytes, 1, aligned, file) != aligned { failed = true }
            bytes.removeFirst(aligned)
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
