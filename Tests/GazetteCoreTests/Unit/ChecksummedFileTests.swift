import Foundation
import Testing
@testable import GazetteCore

/// Gazette's state files: what is written reads back, and a damaged file reads as nothing.
struct ChecksummedFileTests {
    let magic = Array("GAZETTE-TEST".utf8)

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("checksummed-\(UUID().uuidString)").path
    }

    /// Written in pieces of uneven length, past several one-megabyte flushes.
    func writeLarge(_ path: String) throws -> [UInt8] {
        var expected = ByteWriter()
        try ChecksummedFile.write(path, magic: magic) { out in
            for i in 0..<600_000 {
                let word = "w\(i * 7919 % 100_003)"
                out.bytes.string(word)
                expected.string(word)
                out.flushIfFull()
            }
        }
        return expected.bytes
    }

    @Test func aFileOfSeveralMegabytesReadsBackWhole() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let expected = try writeLarge(path)
        #expect(expected.count > 3 << 20)
        let readBack = ChecksummedFile.read(path, magic: magic)
        let same = readBack == expected  // compared outside #expect, which would print 4 MB
        #expect(same)
    }

    @Test func oneChangedByteMakesTheFileUnreadable() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try writeLarge(path)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(ChecksummedFile.read(path, magic: magic) == nil)
    }

    @Test func aFileCutShortIsUnreadable() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try writeLarge(path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: path))
        #expect(ChecksummedFile.read(path, magic: magic) == nil)
    }

    @Test func anotherFormatsFileIsUnreadable() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try writeLarge(path)
        #expect(ChecksummedFile.read(path, magic: Array("GAZETTE-OTHER".utf8)) == nil)
    }
}
