import Foundation

/// Writes the build cache's compact binary form: variable-length integers and
/// length-prefixed strings. Hand-written because the cache of a 100,000-article archive
/// must load in a fraction of a second, which Codable with JSON or property lists cannot.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ n: Int64) {
        var v = UInt64(bitPattern: (n << 1) ^ (n >> 63))  // zigzag: small negatives stay small
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }

    mutating func int(_ n: Int) { int(Int64(n)) }
    mutating func uint64(_ n: UInt64) { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: n >> (8 * UInt64(i)))) } }
    mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }

    mutating func string(_ s: String) {
        int(s.utf8.count)
        bytes.append(contentsOf: s.utf8)
    }

    mutating func optional(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    mutating func raw(_ slice: ArraySlice<UInt8>) { bytes.append(contentsOf: slice) }

    mutating func reserve(_ n: Int) { bytes.reserveCapacity(n) }

    /// Empties the buffer, keeping its memory, after its bytes were written out.
    mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    /// Drops the first `n` bytes, after they were written out, keeping the rest.
    mutating func removeFirst(_ n: Int) { bytes.removeFirst(n) }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }
}

/// Reads what `ByteWriter` wrote; every read is bounds-checked, and a short or malformed
/// input throws instead of crashing (a cache file can be cut off by a crash or a full disk).
struct ByteReader {
    struct Malformed: Error {}
    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        i = position
    }

    var atEnd: Bool { i == bytes.count }
    var position: Int { i }
    /// Reads on from `position` (one reader for many records: a new one per record costs
    /// a reference count on the bytes each time).
    mutating func move(to position: Int) { i = position }
    func slice(_ range: Range<Int>) -> ArraySlice<UInt8> { bytes[range] }

    mutating func byte() throws -> UInt8 {
        guard i < bytes.count else { throw Malformed() }
        defer { i += 1 }
        return bytes[i]
    }

    mutating func int() throws -> Int64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = try byte()
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
            if shift > 63 { throw Malformed() }
        }
        return Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)
    }

    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - i + 1_000_000 else { throw Malformed() }
        return Int(n)
    }

    mutating func uint64() throws -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(try byte()) << (8 * UInt64(k)) }
        return v
    }

    mutating func bool() throws -> Bool { try byte() != 0 }

    mutating func string() throws -> String {
        let n = try count()
        guard i + n <= bytes.count else { throw Malformed() }
        defer { i += n }
        return String(decoding: bytes[i..<(i + n)], as: UTF8.self)
    }

    /// Steps over a string without making it.
    mutating func skipString() throws {
        let n = try count()
        guard i + n <= bytes.count else { throw Malformed() }
        i += n
    }

    mutating func optional() throws -> String? { try bool() ? try string() : nil }

    mutating func strings() throws -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }
}
