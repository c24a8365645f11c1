import Foundation

/// A local folder: each file copied in whole (written beside and renamed into place), then
/// the removals.
struct FolderTarget {
    let source: String
    let destination: String

    func send(_ plan: DeployPlan) throws(GazetteError) {
        for path in plan.images + plan.files + plan.pages {
            guard let data = FileManager.default.contents(atPath: source + "/" + path) else {
                throw GazetteError(file: source + "/" + path, message: "vanished from the built site during the deploy; build and deploy again")
            }
            do { try AtomicFile.write(data, to: destination + "/" + path) } catch {
                throw GazetteError(file: destination + "/" + path, message: "cannot write: \(error)")
            }
        }
        for path in plan.removals {
            unlink(destination + "/" + path)
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, rmdir(destination + "/" + folder) == 0 { folder = (folder as NSString).deletingLastPathComponent }
        }
    }
}

/// rsync over SSH (Debian's rsync and openssh-client): each group of the plan in one run,
/// given as a list of files, so rsync neither walks the site nor the remote; the removals
/// as a list of files the sender lacks (`--delete-missing-args`).
struct RsyncTarget {
    let source: String
    let destination: String
    let target: DeployTarget

    var ssh: String {
        var parts = ["ssh", "-o", "BatchMode=yes"]
        if let port = target.sshPort { parts += ["-p", String(port)] }
        if let key = target.sshKey { parts += ["-i", key, "-o", "IdentitiesOnly=yes"] }
        if let known = target.sshKnownHosts { parts += ["-o", "UserKnownHostsFile=" + known] }
        return parts.map(ExternalTool.shellQuoted).joined(separator: " ")
    }

    func send(_ plan: DeployPlan) throws(GazetteError) {
        // --ignore-times: every listed file changed, and a file rewritten within the same second
        // at the same size would otherwise pass rsync's quick check and stay old on the host.
        for group in [plan.images, plan.files, plan.pages] where !group.isEmpty {
            try ExternalTool.run("rsync", ["--archive", "--ignore-times", "--from0", "--files-from=-", "-e", ssh, source + "/", destination],
                                 input: group, what: "rsync to \(destination)")
        }
        if !plan.removals.isEmpty {
            // The removed files, and the folders the site no longer has (emptied by them).
            var gone = Set(plan.removals)
            for path in plan.removals {
                var folder = (path as NSString).deletingLastPathComponent
                while !folder.isEmpty, access(source + "/" + folder, F_OK) != 0 {
                    gone.insert(folder)
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
            // rsync says "vanished" (exit 24) of each name it was given that the sender lacks:
            // here that is the point.
            try ExternalTool.run("rsync", ["--archive", "--from0", "--files-from=-", "--delete-missing-args", "--force", "-e", ssh, source + "/", destination],
                                 input: gone.sorted(), what: "rsync to \(destination)", accepting: [24])
        }
    }
}

/// Any rclone remote (Debian's rclone): S3 and S3-compatible stores, Google Cloud Storage,
/// Azure Blob, SFTP, WebDAV and the rest. Each group is copied from a list of files without
/// listing the remote (`--no-traverse`), every listed file sent even when its size and time
/// match (`--ignore-times`: it is listed because it changed); images are sent as never changing, HTML as short-lived,
/// for the stores and CDNs that keep a `Cache-Control` header.
struct RcloneTarget {
    let source: String
    let remote: String

    static let cacheControl = (
        images: "public, max-age=31536000, immutable",
        files: "public, max-age=3600",
        pages: "public, max-age=300"
    )

    func send(_ plan: DeployPlan) throws(GazetteError) {
        let groups = [(plan.images, Self.cacheControl.images), (plan.files, Self.cacheControl.files), (plan.pages, Self.cacheControl.pages)]
        for (group, cache) in groups where !group.isEmpty {
            try ExternalTool.run("rclone", ["copy", source, remote, "--files-from-raw", "-", "--no-traverse", "--ignore-times",
                                            "--header-upload", "Cache-Control: " + cache], input: group, separator: "\n",
                                 what: "rclone to \(remote)")
        }
        if !plan.removals.isEmpty {
            try ExternalTool.run("rclone", ["delete", remote, "--files-from-raw", "-", "--no-traverse"], input: plan.removals,
                                 separator: "\n", what: "rclone to \(remote)")
        }
    }
}

/// Runs a program found on the PATH with a list of file names on its standard input.
///
/// The list and the program's messages go through temporary files, not pipes: a pipe's end
/// inherited by another program started at the same moment (the build runs tools while
/// other threads start theirs) would keep the pipe open, and reading it to its end would wait
/// for that other program to finish.
enum ExternalTool {
    static func run(_ program: String, _ arguments: [String], input: [String], separator: String = "\0", what: String,
                    accepting: Set<Int32> = []) throws(GazetteError) {
        let base = NSTemporaryDirectory() + "gazette-\(program)-\(getpid())-\(UUID().uuidString)"
        defer { unlink(base + ".in"); unlink(base + ".err") }
        guard FileManager.default.createFile(atPath: base + ".in", contents: Data((input.joined(separator: separator) + separator).utf8)),
              FileManager.default.createFile(atPath: base + ".err", contents: nil),
              let stdin = FileHandle(forReadingAtPath: base + ".in"), let stderr = FileHandle(forWritingAtPath: base + ".err") else {
            throw GazetteError(file: NSTemporaryDirectory(), message: "cannot write the list of files for \(program)")
        }
        defer { try? stdin.close(); try? stderr.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.standardInput = stdin
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw GazetteError(file: program, message: "cannot start it (\(error)); install Debian's \(program) package")
        }
        process.waitUntilExit()
        let message = ((try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if process.terminationStatus == 127 {
            throw GazetteError(file: program, message: "is not installed; install Debian's \(program) package")
        }
        guard process.terminationStatus == 0 || accepting.contains(process.terminationStatus) else {
            throw GazetteError(file: what, message: "failed (exit \(process.terminationStatus)): \(message.split(separator: "\n").suffix(3).joined(separator: " / "))")
        }
    }

    static func shellQuoted(_ s: String) -> String {
        s.allSatisfy { $0.isLetter || $0.isNumber || "-_./=@:".contains($0) } ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
