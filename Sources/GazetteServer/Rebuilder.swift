import Foundation
import GazetteCore

/// Serialises rebuilds: one at a time, and a burst of requests during a build gives one
/// more build, not one each. Tells every subscribed page when a build has finished.
public actor Rebuilder {
    let options: BuildOptions
    /// The last build's cache and search vectors: the next build starts from them, not their files.
    private let memory = BuildMemory()
    private var building = false
    private var pending = false
    private var subscribers: [UUID: AsyncStream<Int>.Continuation] = [:]
    /// Builds finished, good or bad; what reload events carry.
    public private(set) var generation = 0
    /// The errors of the last build, nil when it succeeded.
    public private(set) var lastErrors: GazetteError?
    public private(set) var lastReport: BuildReport?

    init(options: BuildOptions) {
        self.options = options
    }

    /// Builds now, or once more after the build in progress.
    public func rebuild() async {
        if building {
            pending = true
            return
        }
        building = true
        repeat {
            pending = false
            let options = self.options, memory = self.memory
            let result: Result<BuildReport, GazetteError> = await withCheckedContinuation { done in
                // The build is synchronous and CPU-bound: off the cooperative pool.
                DispatchQueue.global().async {
                    do {
                        done.resume(returning: .success(try SiteBuilder(options: options, memory: memory).build()))
                    } catch let error as GazetteError {
                        done.resume(returning: .failure(error))
                    } catch {
                        done.resume(returning: .failure(GazetteError(file: options.siteRoot, message: "\(error)")))
                    }
                }
            }
            switch result {
            case .success(let report):
                lastErrors = nil
                lastReport = report
                for warning in report.warnings { Console.line("warning: \(warning)") }
                Console.line(report.summary)
            case .failure(let error):
                lastErrors = error
                FileHandle.standardError.write(Data((error.description + "\nServing the last good site.\n").utf8))
            }
            generation += 1
            for continuation in subscribers.values { continuation.yield(generation) }
        } while pending
        building = false
    }

    /// A stream of build generations, for one live-reload connection.
    public func subscribe() -> (UUID, AsyncStream<Int>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        subscribers[id] = continuation
        return (id, stream)
    }

    public func unsubscribe(_ id: UUID) {
        subscribers.removeValue(forKey: id)?.finish()
    }

    public func finishAll() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }
}

/// Lines for the terminal, written at once: `print` is buffered when output is piped,
/// and a preview server's lines should appear as things happen.
public enum Console {
    public static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
