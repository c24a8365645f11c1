import Foundation

/// What a process that builds the same output again and again (`gazette serve`) keeps between
/// builds: the last build's cache, decoded, and its search vectors. The next build then
/// neither reads nor decodes their files: at 100,000 articles that is 100 MB read, checked and
/// turned into 100,000 records, a fifth of a rebuild after one edit. The files are still
/// written by every build. A build that fails forgets the cache it was given, and the one
/// after it reads the file; search vectors are replaced only by a build that saved new ones,
/// so those kept are always the file's.
public final class BuildMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: BuildCache?
    private var vectors: [String: SearchVectors] = [:]

    public init() {}

    /// The kept cache, which is no longer kept: a build that fails must not leave it behind.
    func take() -> BuildCache? {
        lock.withLock {
            defer { cache = nil }
            return cache
        }
    }

    func keep(_ cache: BuildCache) {
        lock.withLock { self.cache = cache }
    }

    /// The search vectors last saved at `path` by a build with this memory.
    func vectors(at path: String) -> SearchVectors? {
        lock.withLock { vectors[path] }
    }

    func keep(_ vectors: SearchVectors, at path: String) {
        lock.withLock { self.vectors[path] = vectors }
    }
}
