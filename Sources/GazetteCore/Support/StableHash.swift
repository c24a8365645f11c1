import Foundation
/// A 64-bit FNV-1a hash that is the same in every process and on every run.
///
/// Swift's `Hasher` is seeded randomly per process, so it cannot key a cache kept on
/// disk; this is the small, well-known function that can.
public struct StableHash: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    @inline(__always) public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// Contiguous bytes (arrays, slices, Data) go eight at a time; others byte by byte.
    public mutating func add(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { add(raw: UnsafeRawBufferPointer($0)) }
        if done == nil {
            if let data = bytes as? Data { data.withUnsafeBytes { add(raw: $0) } } else { for b in bytes { add(b) } }
        }
    }

    /// Eight bytes at a time, then byte by byte for the tail: the build cache (some 80 MB
    /// at 100,000 articles) is checked on every build, and signatures hash the text of every
    /// article.
    public mutating func add(raw: UnsafeRawBufferPointer) {
        var i = 0
        var v = value
        while i + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            v = (v ^ word) &* 0x9E37_79B9_7F4A_7C15
            v ^= v >> 29
            i += 8
        }
        value = v
        while i < raw.count { add(raw[i]); i += 1 }
    }

    /// Strings are length-prefixed so that ("ab", "c") and ("a", "bc") differ.
    public mutating func add(_ string: String) {
        add(UInt64(string.utf8.count))
        var s = string
        s.withUTF8 { add(raw: UnsafeRawBufferPointer($0)) }
    }

    public mutating func add(_ n: UInt64) {
        var v = n
        for _ in 0..<8 { add(UInt8(truncatingIfNeeded: v)); v >>= 8 }
    }

    public mutating func add(_ n: Int) { add(UInt64(bitPattern: Int64(n))) }
    public mutating func add(_ n: Int64) { add(UInt64(bitPattern: n)) }
    public mutating func add(_ flag: Bool) { add(UInt8(flag ? 1 : 0)) }
    public mutating func add(_ s: String?) {
        if let s { add(UInt8(1)); add(s) } else { add(UInt8(0)) }
    }

    public static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h = StableHash()
        h.add(bytes)
        return h.value
    }

    public static func of(_ string: String) -> UInt64 {
        var h = StableHash()
        h.add(string)
        return h.value
    }
}
