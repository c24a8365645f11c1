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
}

/// A value worked out on another thread while this one does something else; `value` waits
/// for it.
final class Background<T>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    /// The work gets a thread of its own, not one of Dispatch's workers: it may block (the
    /// cache writer waits for the build's end), and a blocked worker leaves Dispatch a
    /// thread short for `parallelMap` until it notices, which took up to a second.
    init(_ work: @escaping @Sendable () -> T) {
        let thread = Thread {
            self.result = work()
            self.done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The value, once the work is done (the semaphore orders the write before this read).
    lazy var value: T = {
        done.wait()
        return result!
    }()
}

/// Values kept until the process ends, never freed: see `BuildOptions.processEndsAfterBuild`.
enum ProcessLifetime {
    private final class Box: @unchecked Sendable {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    static func keep(_ value: Any) {
        _ = Unmanaged.passRetained(Box(value))
    }
}

/// A value one thread waits for and another provides, once.
final class Handoff<T>: @unchecked Sendable {
    private var value: T?
    private let ready = DispatchSemaphore(value: 0)

    init() {}

    /// Gives the value (nil: there will be none) to the waiting thread.
    func provide(_ value: T?) {
        self.value = value
        ready.signal()
    }

    /// Waits for `provide`; the semaphore orders its write before this read.
    func wait() -> T? {
        ready.wait()
        return value
    }
}
