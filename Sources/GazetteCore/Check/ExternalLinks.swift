import Foundation

/// `gazette check --external`: tries every link to another site once, a few at a time, never
/// two at once to one host and with a pause between requests to a host (the politeness
/// limit), and remembers answers for a week beside the output (`public.gazette-links`), so a
/// check before every deploy asks only about new links.
///
/// The requests are made by curl (Debian's curl), not Foundation's URLSession: linking
/// FoundationNetworking brings libcurl and thirty more libraries into every run of the
/// program, some 7 MB of memory for every build, for a check that is run now and then.
public struct ExternalLinks: Sendable {
    public struct Options: Sendable {
        public var concurrency = 8
        public var delayPerHost = 0.5
        public var timeout = 15.0
        public var maxAge = 7 * 86_400.0

        public init() {}
    }

    /// An answer: the HTTP status (0: no answer, with why).
    public struct Answer: Sendable {
        public var status: Int
        var note: String
        var checked: Double
    }

    let cachePath: String
    let options: Options

    func check(_ urls: [String], now: Date = Date()) -> [String: Answer] {
        var cache = Self.load(cachePath)
        let due = urls.filter { url in cache[url].map { now.timeIntervalSince1970 - $0.checked > options.maxAge || $0.status == 0 } ?? true }
        // One queue per host, walked by `concurrency` workers; a host is taken by one worker at a time.
        var byHost: [String: [String]] = [:]
        for url in due { byHost[URL(string: url)?.host ?? url, default: []].append(url) }
        let hosts = HostQueue(Array(byHost.values))
        let answers = AnswerBox()
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.concurrency, byHost.count))) { _ in
            while let list = hosts.next() {
                for (k, url) in list.enumerated() {
                    if k > 0 { Thread.sleep(forTimeInterval: options.delayPerHost) }
                    answers.set(url, ask(url, now: now))
                }
            }
        }
        for (url, answer) in answers.all { cache[url] = answer }
        try? Self.save(cache, to: cachePath)
        var out: [String: Answer] = [:]
        for url in urls { out[url] = cache[url] }
        return out
    }

    /// HEAD first; GET when a server will not answer HEAD.
    private func ask(_ url: String, now: Date) -> Answer {
        var answer = request(url, head: true)
        if answer.status == 405 || answer.status == 501 || answer.status == 403 { answer = request(url, head: false) }
        answer.checked = now.timeIntervalSince1970
        return answer
    }

    private func request(_ url: String, head: Bool) -> Answer {
        var arguments = ["curl", "--silent", "--output", "/dev/null", "--write-out", "%{http_code}", "--max-time",
                         String(Int(options.timeout)), "--user-agent", "Gazette link checker", "--proto", "=http,https"]
        if head { arguments.append("--head") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments + ["--", url]
        let out = NSTemporaryDirectory() + "gazette-curl-\(getpid())-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        defer { unlink(out) }
        guard let handle = FileHandle(forWritingAtPath: out) else { return Answer(status: 0, note: "cannot run curl", checked: 0) }
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return Answer(status: 0, note: "cannot run curl: \(error)", checked: 0) }
        process.waitUntilExit()
        let code = Int((try? String(contentsOfFile: out, encoding: .utf8)) ?? "") ?? 0
        if process.terminationStatus == 127 { return Answer(status: 0, note: "curl is not installed", checked: 0) }
        return Answer(status: code, note: code == 0 ? "curl exit \(process.terminationStatus)" : "", checked: 0)
    }

    public static func load(_ path: String) -> [String: Answer] {
        guard let bytes = ChecksummedFile.read(path, magic: magic) else { return [:] }
        var r = ByteReader(bytes)
        var out: [String: Answer] = [:]
        do {
            for _ in 0..<(try r.count()) {
                let url = try r.string()
                out[url] = Answer(status: Int(try r.int()), note: try r.string(), checked: Double(try r.int()))
            }
        } catch {
            return [:]
        }
        return out
    }

    static func save(_ answers: [String: Answer], to path: String) throws {
        try ChecksummedFile.write(path, magic: magic) { out in
            out.bytes.int(answers.count)
            for (url, a) in answers.sorted(by: { $0.key < $1.key }) {
                out.bytes.string(url); out.bytes.int(a.status); out.bytes.string(a.note); out.bytes.int(Int(a.checked))
                out.flushIfFull()
            }
        }
    }

    static let magic: [UInt8] = Array("GAZETTE-LINKS".utf8)

    static func cachePath(forOutput output: String) -> String {
        (output.hasSuffix("/") ? String(output.dropLast()) : output) + ".gazette-links"
    }
}

private final class HostQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var lists: [[String]]
    init(_ lists: [[String]]) { self.lists = lists }
    func next() -> [String]? { lock.withLock { lists.popLast() } }
}

private final class AnswerBox: @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String: ExternalLinks.Answer] = [:]
    func set(_ url: String, _ answer: ExternalLinks.Answer) { lock.withLock { answers[url] = answer } }
    var all: [String: ExternalLinks.Answer] { lock.withLock { answers } }
}
