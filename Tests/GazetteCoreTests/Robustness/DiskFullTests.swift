import Foundation
import Testing
@testable import GazetteCore

/// Builds and imports into a file system that fills up: one clear error that names the
/// full disk, and everything that was there before left as it was.
///
/// The file system is a small tmpfs the test mounts, which needs root (as `make test` runs
/// in CI); elsewhere the suite is skipped and says why.
@Suite(.serialized, .enabled(if: SmallDisk.canMount, "mounting a tmpfs needs root; these tests did not run"))
struct DiskFullTests {
    @Test func aBuildThatFillsTheDiskSaysSoOnceAndLeavesTheSiteAndCacheAsTheyWere() throws {
        let disk = try SmallDisk(kilobytes: 2048)
        defer { disk.unmount() }
        let site = disk.scratch + "/site", output = disk.path + "/public", logs = disk.scratch + "/log"
        try CrashSafetyTests.writeSite(site, edition: 0, count: 30)
        let first = try GazetteProcess.run(["build", "--source", site, "--output", output], logs: logs)
        try #require(first.status == 0, "the small site must fit: \(first.output)")
        let before = Snapshot(disk.path)

        try CrashSafetyTests.writeSite(site, edition: 0, count: 1_500)
        let full = try GazetteProcess.run(["build", "--source", site, "--output", output], logs: logs)
        #expect(full.status != 0)
        #expect(full.output.contains("1 error:") && full.output.contains("the disk is full"), "\(full.output)")
        #expect(full.output.contains(output), "the message names the output folder: \(full.output)")
        let after = Snapshot(disk.path)
        #expect(after == before, "site, cache and search vectors as they were: \(after.difference(from: before))")
    }

    @Test func aFirstBuildThatFillsTheDiskLeavesNothingBehind() throws {
        let disk = try SmallDisk(kilobytes: 1024)
        defer { disk.unmount() }
        let site = disk.scratch + "/site", logs = disk.scratch + "/log"
        try CrashSafetyTests.writeSite(site, edition: 0, count: 1_500)
        let full = try GazetteProcess.run(["build", "--source", site, "--output", disk.path + "/public"], logs: logs)
        #expect(full.status != 0 && full.output.contains("the disk is full"), "\(full.output)")
        #expect(Snapshot(disk.path).files.isEmpty, "\(Snapshot(disk.path).files.keys.sorted().prefix(5))")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: disk.path)) == [])
    }

    @Test func anImportThatFillsTheDiskSaysSoAndWritesNoHalfArticle() throws {
        let disk = try SmallDisk(kilobytes: 256)
        defer { disk.unmount() }
        let raw = disk.scratch + "/raw", logs = disk.scratch + "/log"
        try CrashSafetyTests.writeRawPages(raw, count: 600)
        let arguments = ["import", raw, "--default-date", "2023-10-03", "--timezone", "+09:00", "--into"]
        try GazetteProcess.run(arguments + [disk.scratch + "/expected"], logs: logs)
        let expected = Snapshot(disk.scratch + "/expected")
        let full = try GazetteProcess.run(arguments + [disk.path + "/content"], logs: logs)
        #expect(full.status != 0)
        #expect(full.output.contains("the disk is full"), "\(full.output.suffix(600))")
        let written = Snapshot(disk.path + "/content")
        #expect(!written.files.isEmpty && written.files.count < expected.files.count)
        for (path, hash) in written.files {
            #expect(expected.files[path] == hash, "\(path) is not the article a whole import writes")
        }
    }
}

/// A tmpfs of a given size, mounted on a fresh folder; the rest of the test's files live in
/// `scratch`, on a disk with room.
struct SmallDisk {
    let path: String
    let scratch: String

    static let canMount: Bool = {
        guard getuid() == 0, let disk = try? SmallDisk(kilobytes: 64) else { return false }
        disk.unmount()
        return true
    }()

    init(kilobytes: Int) throws {
        scratch = scratchFolder("disk-full")
        path = scratch + "/small"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path]
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: scratch)
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    func unmount() {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [path]
        try? umount.run()
        umount.waitUntilExit()
        try? FileManager.default.removeItem(atPath: scratch)
    }
}
