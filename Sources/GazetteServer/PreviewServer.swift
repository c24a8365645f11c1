import Foundation
import GazetteCore
import Hummingbird
import Logging
import NIOCore

/// `gazette serve`: builds the site into a temporary folder, serves it, rebuilds it when
/// its sources change and tells open pages to reload.
public struct PreviewServer: Sendable {
    public var options: ServeOptions

    public init(options: ServeOptions) {
        self.options = options
    }

    /// Runs until SIGINT or SIGTERM, then removes its temporary folder.
    /// - Parameter onReady: called with the URL once the server listens (the port is
    ///   known then, also when 0 asked for a free one).
    public func run(onReady: @escaping @Sendable (String) -> Void = { Console.line("Serving at \($0) (Ctrl-C to stop)") }) async throws {
        let workspace = try Workspace.make()
        defer { try? FileManager.default.removeItem(atPath: workspace) }

        let interrupt = Workspace.RemovedOnInterrupt(workspace)
        let (app, rebuilder, watcher) = try await Workspace.until(interrupt) {
            try await prepare(workspace: workspace, onReady: onReady)
        }
        watcher?.start()
        defer { watcher?.stop() }
        try await app.runService()
        await rebuilder.finishAll()
    }

    /// The build as served, and the path it is served under: `--base-path`, else the path
    /// of the base URL (from `--base-url` or the config).
    func buildOptions(output: String) -> (BuildOptions, basePath: String) {
        var build = options.build
        build.output = output
        let config = (try? SiteConfig.load(path: build.configFile)) ?? SiteConfig()
        let baseURL = build.baseURL ?? config.baseURL
        if let basePath = options.basePath { build.baseURL = baseURL.with(path: basePath) }
        return (build, (build.baseURL ?? baseURL).path)
    }

    func prepare(workspace: String, onReady: @escaping @Sendable (String) -> Void) async throws -> (some ApplicationProtocol, Rebuilder, FileWatcher?) {
        let output = workspace + "/site"
        let (build, basePath) = buildOptions(output: output)
        let rebuilder = Rebuilder(options: build)
        await rebuilder.rebuild()
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let root = URL(fileURLWithPath: output).resolvingSymlinksInPath().path

        let router = Router()
        router.add(middleware: SiteMiddleware(files: SiteFiles(root: root, basePath: basePath), rebuilder: rebuilder))
        let host = options.host
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: options.port), serverName: "gazette"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                onReady("http://\(host):\(port)\(basePath)")
            },
            logger: {
                var logger = Logger(label: "gazette-serve")
                logger.logLevel = .critical  // connection-level noise; failures to start are thrown
                return logger
            }())
        let sources = [build.contentDirectory, build.siteRoot + "/media", build.siteRoot + "/templates", build.siteRoot + "/Themes",
                       build.siteRoot + "/assets",
                       build.configFile, build.siteRoot + "/entities.yml"] + build.themeSearchPaths
        let watcher = FileWatcher(paths: sources, quietMilliseconds: options.debounceMilliseconds) {
            Task { await rebuilder.rebuild() }
        }
        return (app, rebuilder, watcher)
    }
}

