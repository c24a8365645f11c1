/// Values kept until the process ends, never freed: see `BuildOptions.processEndsAfterBuild`.
enum ProcessLifetime {
    private final class Box: @unchecked Sendable {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    static func keep(_ value: Any) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
