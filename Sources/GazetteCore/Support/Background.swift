import Foundation

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
        thread.stackSize = 8 << 20  // the main thread's: the work is what the main thread would do
        thread.start()
    }

    /// The value, once the work is done (the semaphore orders the write before this read).
    lazy var value: T = {
        done.wait()
        return result!
    }()
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

/// Work a build leaves running past the point where its result is needed (writing a file
/// the next build reads), joined before the build returns, so that no file is cut off when
/// the process ends.
final class Unfinished: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [Background<Void>] = []

    init() {}

    func add(_ task: Background<Void>) { lock.withLock { tasks.append(task) } }

    /// Waits for every task added so far.
    func join() {
        let pending = lock.withLock { defer { tasks = [] }; return tasks }
        for task in pending { _ = task.value }
    }
}
