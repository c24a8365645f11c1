import Foundation

/// Writes that never leave a half-written file behind.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `path`, then renames it into place.
    /// A crash mid-write leaves either the old file or the new one, never a mix.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}
