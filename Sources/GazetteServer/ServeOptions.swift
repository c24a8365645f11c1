import GazetteCore

/// What `gazette serve` was asked to do.
public struct ServeOptions: Sendable {
    public var build: BuildOptions
    /// Loopback unless the user asks otherwise.
    public var host = "127.0.0.1"
    /// 0 picks a free port.
    public var port = 8080
    /// Serve the site under this path, as it will be on the host ("/archive/"). nil: the
    /// path of the config's base_url.
    public var basePath: String?
    /// How long the watcher waits for a burst of changes to end before rebuilding.
    public var debounceMilliseconds = 150

    public init(build: BuildOptions) {
        self.build = build
    }
}
