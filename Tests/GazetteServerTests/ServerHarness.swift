import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import GazetteCore
@testable import GazetteServer

/// A site in a temporary folder, served on a free port for the length of a test.
final class ServerHarness: @unchecked Sendable {
    let site: String
    private(set) var baseURL = ""
    private var task: Task<Void, Error>?
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes").path

    init(files: [String: String], basePath: String? = nil) async throws {
        site = NSTemporaryDirectory() + "gazette-serve-test-" + UUID().uuidString
        for (name, text) in files { try Self.write(text, to: site + "/" + name) }
        var options = ServeOptions(build: BuildOptions(siteRoot: site, themeSearchPaths: [Self.themes]))
        options.port = 0
        options.basePath = basePath
        options.debounceMilliseconds = 100
        let ready = AsyncStream<String>.makeStream()
        task = Task { try await PreviewServer(options: options).run(onReady: { ready.continuation.yield($0) }) }
        for await url in ready.stream {
            baseURL = url
            break
        }
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func edit(_ name: String, _ text: String) throws { try Self.write(text, to: site + "/" + name) }

    /// Stops the server the way Ctrl-C does (its task is cancelled) and removes the site.
    func stop() async {
        task?.cancel()
        _ = try? await task?.value
        try? FileManager.default.removeItem(atPath: site)
    }

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// A request with URLSession; redirects are not followed, so tests see them.
    func get(_ path: String, method: String = "GET", headers: [String: String] = [:]) async throws -> Reply {
        var request = URLRequest(url: URL(string: baseURL.hasSuffix("/") && path.hasPrefix("/") ? String(baseURL.dropLast()) + path : baseURL + path)!)
        request.httpMethod = method
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (k, v) in http.allHeaderFields { fields[String(describing: k).lowercased()] = String(describing: v) }
        return Reply(status: http.statusCode, headers: fields, body: String(decoding: data, as: UTF8.self))
    }

    /// The URL with the path as given, not normalised (for traversal attempts).
    func rawGet(_ rawPath: String) async throws -> Reply {
        let origin = baseURL.split(separator: "/").prefix(2).joined(separator: "//")
        return try await Self.rawHTTP(origin: origin, path: rawPath)
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 64
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    /// A plain HTTP/1.1 request over a socket, so a path like "/../x" reaches the server
    /// as written (URL types normalise it away).
    static func rawHTTP(origin: String, path: String) async throws -> Reply {
        let hostPort = origin.replacingOccurrences(of: "http://", with: "").split(separator: ":")
        let port = UInt16(hostPort[1])!
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw URLError(.cannotConnectToHost) }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        let text = String(decoding: data, as: UTF8.self)
        let status = Int(text.split(separator: " ").dropFirst().first ?? "0") ?? 0
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        return Reply(status: status, headers: [:], body: body)
    }
}

final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}

/// Reads a server-sent event stream and reports each event name as it arrives.
final class EventStreamReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    private var events: [String] = []
    private var session: URLSession!
    private var task: URLSessionDataTask?

    init(url: String) {
        super.init()
        session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
        task = session.dataTask(with: URL(string: url)!)
        task?.resume()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock {
            buffer += String(decoding: data, as: UTF8.self)
            while let end = buffer.range(of: "\n\n") {
                let block = buffer[..<end.lowerBound]
                for line in block.split(separator: "\n") where line.hasPrefix("event: ") { events.append(String(line.dropFirst(7))) }
                buffer = String(buffer[end.upperBound...])
            }
        }
    }

    var received: [String] { lock.withLock { events } }

    /// Waits up to `seconds` for an event called `name`.
    func wait(for name: String, seconds: Double) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if received.contains(name) { return true }
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
        return false
    }

    func cancel() {
        task?.cancel()
        session.invalidateAndCancel()
    }
}

let sampleSite: [String: String] = [
    "gazette.yml": "title: Serve Test\nbase_url: https://example.org/\n",
    "content/a.md": "---\ntitle: \"First story\"\ndate: 2024-01-02T10:00:00+09:00\npeople: [Ana Lima]\n---\n\nThe first story.\n",
    "content/b.md": "---\ntitle: \"Second story\"\ndate: 2024-01-03T10:00:00+09:00\n---\n\nThe second story.\n",
]
