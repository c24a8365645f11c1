import Foundation

/// Copies theme assets into the output; a later folder's file replaces an earlier one's.
struct AssetCopier: Sendable {
    let sources: [String]

    /// Every asset as (path below assets/, bytes), later folders overriding earlier ones.
    func files() throws(GazetteError) -> [(String, Data)] {
        try sourceFiles().sorted { $0.key < $1.key }.map { (path, source) throws(GazetteError) -> (String, Data) in
            guard let data = FileManager.default.contents(atPath: source) else {
                throw GazetteError(file: source, message: "cannot read this asset; check its permissions")
            }
            return (path, data)
        }
    }

    func sourceFiles() throws(GazetteError) -> [String: String] {
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
        return files
    }
}
