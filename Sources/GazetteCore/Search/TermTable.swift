/// Terms interned by their UTF-8 bytes: each distinct term gets a small number, and the
/// indexer counts by number in flat arrays instead of hashing a String per word.
///
/// Hand-written (open addressing over one byte arena) because the index build meets every
/// word of every article: at 100,000 articles that is some 45 million lookups, and a
/// `[String: Int]` would first make a String of each.
struct TermTable {
    private var arena: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { starts.count }

    /// The number of `term`, given one when new.
    mutating func id(of term: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for b in term { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while true {
            let existing = Int(slots[slot])
            if existing < 0 { break }
            if lengths[existing] == term.count, equal(existing, term) { return existing }
            slot = (slot + 1) & mask
        }
        let id = starts.count
        starts.append(arena.count)
        lengths.append(term.count)
        arena.append(contentsOf: term)
        slots[slot] = Int32(id)
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    mutating func id(of term: String) -> Int {
        var term = term
        return term.withUTF8 { id(of: $0) }
    }

    func appendBytes(of id: Int, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: arena[starts[id]..<(starts[id] + lengths[id])])
    }

    func string(_ id: Int) -> String {
        String(decoding: arena[starts[id]..<(starts[id] + lengths[id])], as: UTF8.self)
    }

    private func equal(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        for k in 0..<term.count where arena[start + k] != term[k] { return false }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in 0..<starts.count {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for k in starts[id]..<(starts[id] + lengths[id]) { h = (h ^ UInt64(arena[k])) &* 0x100_0000_01b3 }
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
