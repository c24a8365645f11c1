import CGazetteCompress
import Foundation

/// `.gz` and `.br` copies beside every HTML, CSS, JavaScript, JSON, XML, SVG and text file
/// over 1 KB (`compress: [gzip, brotli]` in `gazette.yml`), for servers that send a file's
/// compressed copy as it is (nginx's `gzip_static` and `brotli_static`, and hosts that do the
/// same) instead of compressing it for every reader. Made only for files a build writes.
struct Precompressed: Sendable {
    enum Format: String, Sendable, CaseIterable {
        case gzip, brotli
        var suffix: String { self == .gzip ? ".gz" : ".br" }
    }

    let formats: [Format]
    static let minimumBytes = 1024
    static let extensions: Set<String> = ["html", "css", "js", "json", "xml", "svg", "txt", "conf"]

    var isOn: Bool { !formats.isEmpty }

    static func applies(to path: String) -> Bool {
        guard let dot = path.lastIndex(of: ".") else { return false }
        return extensions.contains(String(path[path.index(after: dot)...]))
    }

    /// The compressed copies of a file's bytes, each with its suffix; none when the file is
    /// small or not text.
    func copies(of data: Data, path: String) -> [(suffix: String, data: Data)] {
        guard isOn, data.count > Self.minimumBytes, Self.applies(to: path) else { return [] }
        return formats.compactMap { format in
            let capacity = data.count + data.count / 8 + 1024
            var out = [UInt8](repeating: 0, count: capacity)
            let n = data.withUnsafeBytes { input -> Int in
                let bytes = input.bindMemory(to: UInt8.self).baseAddress
                switch format {
                case .gzip: return gazette_gzip(bytes, data.count, &out, capacity)
                case .brotli: return gazette_brotli(bytes, data.count, &out, capacity)
                }
            }
            return n == 0 ? nil : (format.suffix, Data(out[0..<n]))
        }
    }
}
