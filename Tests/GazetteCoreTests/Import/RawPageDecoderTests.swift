import Foundation
import Testing
@testable import GazetteCore

@Suite struct RawPageDecoderTests {
    @Test func readsUTF8() throws {
        #expect(try RawPageDecoder.decode(Data("서울 Seoul".utf8)).get() == "서울 Seoul")
    }

    @Test func readsCP949() throws {
        // "서울시" in CP949.
        let bytes = Data([0xBC, 0xAD, 0xBF, 0xEF, 0xBD, 0xC3, 0x20, 0x53, 0x65, 0x6F, 0x75, 0x6C])
        #expect(try RawPageDecoder.decode(bytes).get() == "서울시 Seoul")
    }

    @Test func refusesEmptyBinaryAndUnknownText() {
        #expect(RawPageDecoder.decode(Data("  \n ".utf8)) == .failure(.empty))
        #expect(RawPageDecoder.decode(Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])) == .failure(.binary))
        #expect(RawPageDecoder.decode(Data([0x41, 0xFF, 0xFE, 0xFF, 0x42])) == .failure(.unknownEncoding))
    }
}
