import Foundation
import Testing
@testable import GazetteCore

/// `gazette deploy` sends only what changed, in order, to a folder, over rsync and SSH to a
/// real sshd on loopback, and to an rclone remote (SFTP to the same sshd).
@Suite(.serialized) struct DeployTests {
    let site = TemporaryDirectory()
    let remote = TemporaryDirectory()
    var output: String { site.path + "/public" }

    init() {
        var files = ["gazette.yml": "title: Deploys\nbase_url: https://example.org/\ncompress: [gzip]\n"]
        for i in 0..<6 {
            files["content/story-\(i).md"] = article("Story \(i)", date: "2024-01-0\(i + 1)T10:00:00+09:00",
                                                     body: String(repeating: "Words of story \(i). ", count: 100))
        }
        site.write(files)
    }

    func build() throws -> BuildReport { try SiteBuilder(options: buildOptions(site: site.path, output: output)).build() }

    func deploy(_ target: DeployTarget) throws -> Deployer.Report {
        try Deployer(options: buildOptions(site: site.path, output: output), target: target).run()
    }

    func expectSameTree(_ destination: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let a = SiteInspector(root: output), b = SiteInspector(root: destination)
        #expect(a.files == b.files, "file lists differ", sourceLocation: sourceLocation)
        for file in a.files where !FileManager.default.contentsEqual(atPath: a.root + "/" + file, andPath: b.root + "/" + file) {
            Issue.record("\(file) differs", sourceLocation: sourceLocation)
        }
    }

    /// Deploys, edits one article and deploys again, then deletes one and deploys again:
    /// each time the target equals the site, and the second deploy sends what the build wrote.
    /// (`foldersGo`: whether the target removes folders emptied by removals; object stores
    /// have no folders, and rclone leaves SFTP's as they are.)
    func exercise(_ target: DeployTarget, destination: String, foldersGo: Bool = true) throws {
        _ = try build()
        let first = try deploy(target)
        #expect(first.sent == SiteInspector(root: output).files.count)
        expectSameTree(destination)
        site.write(["content/story-2.md": article("Story 2", date: "2024-01-03T10:00:00+09:00",
                                                  body: String(repeating: "Words of story 2, corrected. ", count: 100))])
        let rebuilt = try build()
        let second = try deploy(target)
        #expect(second.sent == rebuilt.writtenPaths.count, "sent \(second.sent), the build wrote \(rebuilt.writtenPaths)")
        #expect(second.plan.pages.contains("2024/01/03/story-2/index.html"))
        expectSameTree(destination)
        try FileManager.default.removeItem(atPath: site.path + "/content/story-5.md")
        _ = try build()
        let third = try deploy(target)
        #expect(third.removed > 0 && third.plan.removals.contains("2024/01/06/story-5/index.html"))
        expectSameTree(destination)
        if foldersGo { #expect(!FileManager.default.fileExists(atPath: destination + "/2024/01/06/story-5"), "its folder goes too") }
        #expect(try deploy(target).sent == 0, "nothing changed, nothing sent")
    }

    @Test func toAFolder() throws {
        try exercise(DeployTarget(name: "local", kind: .folder(remote.path + "/www")), destination: remote.path + "/www")
    }

    @Test(.enabled(if: LoopbackSSH.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/rsync")))
    func overRsyncAndSSHToARealSSHServer() throws {
        let ssh = try LoopbackSSH()
        let target = DeployTarget(name: "production", kind: .rsync("\(ssh.user)@127.0.0.1:\(remote.path)/www/"), sshPort: ssh.port,
                                  sshKey: ssh.clientKey, sshKnownHosts: ssh.knownHosts)
        try FileManager.default.createDirectory(atPath: remote.path + "/www", withIntermediateDirectories: true)
        try exercise(target, destination: remote.path + "/www")
    }

    @Test(.enabled(if: LoopbackSSH.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/rclone")))
    func toAnRcloneRemoteOverSFTP() throws {
        let ssh = try LoopbackSSH()
        // An rclone remote configured the way rclone reads it from the environment.
        let name = "GAZETTETEST\(ssh.port)"
        for (key, value) in ["TYPE": "sftp", "HOST": "127.0.0.1", "PORT": "\(ssh.port)", "USER": ssh.user,
                             "KEY_FILE": ssh.clientKey, "KNOWN_HOSTS_FILE": ssh.knownHosts] {
            setenv("RCLONE_CONFIG_\(name)_\(key)", value, 1)
        }
        try exercise(DeployTarget(name: "bucket", kind: .rclone("\(name.lowercased()):\(remote.path)/bucket")),
                     destination: remote.path + "/bucket", foldersGo: false)
    }

    @Test func aSiteChangedSinceItsBuildIsNotDeployed() throws {
        _ = try build()
        try FileManager.default.removeItem(atPath: output + "/404.html")
        try FileManager.default.createDirectory(atPath: output + "/stray", withIntermediateDirectories: true)
        #expect(throws: GazetteError.self) { try deploy(DeployTarget(name: "local", kind: .folder(remote.path + "/www"))) }
    }
}
