import Foundation

/// Values made a block at a time, the first time any value of the block is asked for, from
/// any thread; every caller sees the same block.
///
/// For what every page may ask for but a build rarely needs all of: list entries (an
/// incremental build that renders five pages needs a few blocks of 100,000 entries) and term
/// links. Each block has its own lock, so threads making different blocks do not wait for
/// each other, and no lock is held while a block is made; the slots are raw storage, so
/// that filling one slot never touches another (an Array's copy-on-write check would).
final class OnDemandBlocks<Block: Sendable>: @unchecked Sendable {
    let count: Int
    let blockSize: Int
    private let make: @Sendable (Range<Int>) -> Block
    private let slots: UnsafeMutablePointer<Block?>
    private let locks: [NSLock]

    /// - Parameters:
    ///   - count: how many values there are.
    ///   - make: the block holding the values of a range of indexes.
    init(count: Int, blockSize: Int = 64, make: @escaping @Sendable (Range<Int>) -> Block) {
        self.count = count
        self.blockSize = blockSize
        self.make = make
        let blocks = (count + blockSize - 1) / blockSize
        slots = .allocate(capacity: max(1, blocks))
        slots.initialize(repeating: nil, count: max(1, blocks))
        locks = (0..<blocks).map { _ in NSLock() }
    }

    deinit {
        slots.deinitialize(count: max(1, locks.count))
        slots.deallocate()
    }

    /// The block holding value `i`, and where in the block it is.
    ///
    /// The block is made outside the lock: making it renders templates, and a template that
    /// asked for a value of another block, or a lock held while it ran, could wait on itself.
    /// Two threads that want a new block at once may both make it; the first one stored wins,
    /// so every caller sees the same block.
    func block(containing i: Int) -> (block: Block, offset: Int) {
        let b = i / blockSize
        if let made = locks[b].withLock({ slots[b] }) { return (made, i % blockSize) }
        let made = make((b * blockSize)..<min(count, (b + 1) * blockSize))
        let kept = locks[b].withLock { () -> Block in
            if let first = slots[b] { return first }
            slots[b] = made
            return made
        }
        return (kept, i % blockSize)
    }
}

/// Texts stored end to end as UTF-8, with where each starts: 100,000 list entries are some
/// 90 MB of text, and per-string overhead would add as much again.
struct TextChunk: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = []

    mutating func append(_ text: String) {
        starts.append(bytes.count)
        bytes.append(contentsOf: text.utf8)
    }

    func text(_ k: Int) -> String {
        let end = k + 1 < starts.count ? starts[k + 1] : bytes.count
        return String(decoding: bytes[starts[k]..<end], as: UTF8.self)
    }
}
