import Foundation

/// Copies theme assets into the output; a later folder's file replaces an earlier one's.
struct AssetCopier: Sendable {
    let sources: [String]

    /// Returns the number of files copied.
    func copy(into destination: String) throws(GazetteError) -> Int {
        var files: [String: String] = [:]  // relative path → source file
        for dir in sources {
            guard let walker = FileManager.default.enumerator(atPath: dir) else { continue }
            for case let path as String in walker {
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: dir + "/" + path, isDirectory: &isDir), !isDir.boolValue,
                   !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                    files[path] = dir + "/" + path
                }
            }
        }
        for (path, source) in files {
            let target = destination + path
            do {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try FileManager.default.copyItem(atPath: source, toPath: target)
            } catch {
                throw GazetteError(file: source, message: "cannot copy this asset: \(error.localizedDescription)")
            }
        }
        return files.count
    }
}
