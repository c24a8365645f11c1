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

    /// The value, once the work is done. Any number of threads may ask, at once.
    var value: T {
        done.wait()
        defer { done.signal() }  // lets the next reader through too
        return result!
    }
}

/// A value one thread provides, once, and others wait for.
final class Handoff<T>: @unchecked Sendable {
    private var value: T?
    private var provided = false
    private let condition = NSCondition()

    init() {}

    /// Gives the value (nil: there will be none) to the waiting threads; later calls do nothing.
    func provide(_ value: T?) {
        condition.lock()
        defer { condition.unlock() }
        guard !provided else { return }
        self.value = value
        provided = true
        condition.broadcast()
    }

    /// Waits for `provide`.
    func wait() -> T? {
        condition.lock()
        defer { condition.unlock() }
        while !provided { condition.wait() }
        return value
    }
}

/// Work a build leaves running past the point where its result is needed (writing a file
/// the next build reads), joined before the build returns, so that no file is cut off when
/// the process ends. Such a file is put in place only if the build succeeds: a failed
/// build (a full disk, an error in a page) leaves the last build's files as they were.
final class Unfinished: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [Background<Void>] = []
    private var verdict = Handoff<Bool>()

    init() {}

    /// Runs `work` on a thread of its own; `succeeded` waits for the build's end and says
    /// whether it succeeded.
    func add(_ work: @escaping @Sendable (_ succeeded: @escaping @Sendable () -> Bool) -> Void) {
        let verdict = lock.withLock { self.verdict }
        let task = Background { work { verdict.wait() ?? false } }
        lock.withLock { tasks.append(task) }
    }

    /// Gives every task the build's verdict, waits for them all, and makes ready for the
    /// next build.
    func join(succeeded: Bool) {
        let (pending, verdict) = lock.withLock {
            defer { tasks = []; self.verdict = Handoff<Bool>() }
            return (tasks, self.verdict)
        }
        verdict.provide(succeeded)
        for task in pending { _ = task.value }
    }
}
