import Dispatch
import Foundation

extension Collection where Index == Int, Self: Sendable {
    /// `map` across every core, results in input order.
    ///
    /// Uses `DispatchQueue.concurrentPerform` over chunks: the pipeline's per-item work
    /// (parse a file, render a page) is synchronous and CPU-bound, which is what it is for.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let n = count
        guard n > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: n)
        let chunk = Swift.max(1, Swift.min(256, n / (ProcessorCount.value * 8)))
        let chunks = (n + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let start = startIndex + c * chunk
            let end = Swift.min(start + chunk, startIndex + n)
            for i in start..<end {
                results.set(i - startIndex, transform(self[i]))
            }
        }
        return results.values()
    }
}

/// Preallocated slots that each worker fills at its own indices: no two writes touch
/// the same slot, and all reads happen after `concurrentPerform` returns.
///
/// The slots are raw memory, not an array: `Array.withUnsafeMutableBufferPointer` moves the
/// array out of its variable while the closure runs, so two threads calling it at once
/// race on the variable itself (one can write into the other's empty stand-in).
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ i: Int, _ value: T) { slots[i] = value }

    func values() -> [T] { (0..<count).map { slots[$0]! } }
}

enum ProcessorCount {
    static let value = Swift.max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    /// `0..<count` cut into consecutive runs, one a core, or `parts` of them; fewer when a
    /// run would hold under `minimumRun` items. For work each core does on its own run, whose
    /// results are then joined in order.
    static func runs(of count: Int, minimumRun: Int, parts: Int? = nil) -> [Range<Int>] {
        let parts = Swift.max(1, Swift.min(count, parts ?? Swift.min(value, count / minimumRun)))
        return (0..<parts).map { (count * $0 / parts)..<(count * ($0 + 1) / parts) }
    }
}

/// A set of strings that threads add to.
final class LockedSet: @unchecked Sendable {
    private let lock = NSLock()
    private var items = Set<String>()

    func insert(_ item: String) { lock.withLock { _ = items.insert(item) } }
    func contains(_ item: String) -> Bool { lock.withLock { items.contains(item) } }
}
