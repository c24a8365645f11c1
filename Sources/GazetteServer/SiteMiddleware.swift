import Foundation
import GazetteCore
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

/// Answers every request from the built site: files with their content types, ETag and
/// Last-Modified with conditional requests, HEAD, the theme's 404 page, and the
/// live-reload event stream. HTML gets the live-reload script (and the error overlay).
struct SiteMiddleware<Context: RequestContext>: RouterMiddleware {
    let files: SiteFiles
    let rebuilder: Rebuilder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        if path == files.basePath + LiveReload.eventsPath { return await events() }
        if path == "/" && files.basePath != "/" { return redirect(files.basePath) }
        switch files.lookup(path) {
        case .redirect(let location): return redirect(location)
        case .file(let file): return try await serve(file, status: .ok, request: request)
        case .notFound:
            if case .file(let page) = files.lookup(files.basePath + SitePaths.notFound) {
                return try await serve(page, status: .notFound, request: request)
            }
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "Not found\n")))
        }
    }

    func redirect(_ location: String) -> Response {
        Response(status: .movedPermanently, headers: [.location: location])
    }

    func serve(_ file: String, status: HTTPResponse.Status, request: Request) async throws -> Response {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file), var data = FileManager.default.contents(atPath: file) else {
            return Response(status: .notFound)
        }
        let modified = (attributes[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        let contentType = SiteFiles.contentType(for: file)
        var errors: GazetteError?
        var generation = 0
        if contentType.hasPrefix("text/html") {
            errors = await rebuilder.lastErrors
            generation = await rebuilder.generation
            data = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self), basePath: files.basePath, errors: errors).utf8)
        }
        // The build generation is part of the tag: an overlay appearing or going away
        // changes the page even when the file does not.
        let etag = "\"\(data.count)-\(Int(modified.timeIntervalSince1970 * 1000))-\(generation)-\(errors == nil ? 0 : 1)\""
        var headers: HTTPFields = [
            .contentType: contentType,
            .eTag: etag,
            .lastModified: Self.httpDate(modified),
            .cacheControl: "no-cache",
        ]
        if status == .ok, request.headers[.ifNoneMatch] == etag {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(data.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Server-sent events: `reload` after every build, and a comment now and then to keep
    /// the connection open.
    func events() async -> Response {
        let (id, stream) = await rebuilder.subscribe()
        let rebuilder = self.rebuilder
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: .init { writer in
            defer { Task { await rebuilder.unsubscribe(id) } }
            try await writer.write(ByteBuffer(string: ": gazette live reload\n\n"))
            // The server waits for open responses before it stops; an event stream ends
            // itself as soon as shutdown begins (Ctrl-C), or it would wait forever.
            try await withGracefulShutdownHandler {
                for await generation in stream {
                    try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
                }
            } onGracefulShutdown: {
                Task { await rebuilder.unsubscribe(id) }
            }
            try await writer.finish(nil)
        })
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
