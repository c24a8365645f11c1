import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `gazette check --external`: tries every link to another site once, a few at a time, never
/// two at once to one host and with a pause between requests to a host (the politeness
/// limit), and remembers answers for a week beside the output (`public.gazette-links`), so a
/// check before every deploy asks only about new links.
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
        let session = URLSession(configuration: .ephemeral)
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.concurrency, byHost.count))) { _ in
            while let list = hosts.next() {
                for (k, url) in list.enumerated() {
                    if k > 0 { Thread.sleep(forTimeInterval: options.delayPerHost) }
                    answers.set(url, ask(url, session: session, now: now))
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
    private func ask(_ url: String, session: URLSession, now: Date) -> Answer {
        guard let target = URL(string: url) else { return Answer(status: 0, note: "not a URL", checked: now.timeIntervalSince1970) }
        var answer = request(target, method: "HEAD", session: session)
        if answer.status == 405 || answer.status == 501 || answer.status == 403 { answer = request(target, method: "GET", session: session) }
        answer.checked = now.timeIntervalSince1970
        return answer
    }

    private func request(_ url: URL, method: String, session: URLSession) -> Answer {
        var request = URLRequest(url: url, timeoutInterval: options.timeout)
        request.httpMethod = method
        request.setValue("Gazette link checker", forHTTPHeaderField: "User-Agent")
        let done = DispatchSemaphore(value: 0)
        let box = AnswerBox()
        session.dataTask(with: request) { _, response, error in
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            box.set(url.absoluteString, Answer(status: status, note: error.map { "\($0.localizedDescription)" } ?? "", checked: 0))
            done.signal()
        }.resume()
        done.wait()
        return box.all.first?.value ?? Answer(status: 0, note: "no answer", checked: 0)
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
