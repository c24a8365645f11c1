import Foundation

/// Where an installed `gazette` finds the themes it ships with.
enum ThemeSearchPaths {
    /// `$GAZETTE_THEMES`, then `<prefix>/share/gazette/Themes` beside the installed
    /// binary, then a `Themes/` folder above it (a build inside the source checkout).
    static func installed() -> [String] {
        var paths: [String] = []
        if let env = ProcessInfo.processInfo.environment["GAZETTE_THEMES"], !env.isEmpty { paths.append(env) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let bin = executable.deletingLastPathComponent()
        paths.append(bin.deletingLastPathComponent().appendingPathComponent("share/gazette/Themes").path)
        var dir = bin
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Themes")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("default/templates").path) {
                paths.append(candidate.path)
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        return paths
    }
}
