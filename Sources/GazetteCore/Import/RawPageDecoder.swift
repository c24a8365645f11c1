import Foundation

/// Bytes of a raw page to text: UTF-8, else the Korean code pages newsrooms used
/// (CP949, a superset of EUC-KR), else a clear refusal.
public enum RawPageDecoder {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case empty
        case binary
        case unknownEncoding

        public var description: String {
            switch self {
            case .empty: return "the file is empty"
            case .binary: return "the file is binary (not a text or HTML page); leave it out of the import"
            case .unknownEncoding: return "the text is neither UTF-8 nor CP949/EUC-KR; convert it to UTF-8 (for example with iconv) and import it again"
            }
        }
    }

    public static func decode(_ data: Data) -> Result<String, Failure> {
        let blank = data.withUnsafeBytes { $0.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
        if blank { return .failure(.empty) }
        if looksBinary(data) { return .failure(.binary) }
        if let text = String(validatingUTF8Data: data) { return .success(text) }
        if let text = convert(data, from: "CP949") { return .success(text) }
        return .failure(.unknownEncoding)
    }

    /// NUL bytes or many control characters in the first 4 KB: an image, a PDF, an archive.
    static func looksBinary(_ data: Data) -> Bool {
        // Over the raw bytes: Data's own iterator goes a byte at a time through a closure.
        data.withUnsafeBytes { raw in
            let head = raw.prefix(4096)
            var controls = 0
            for byte in head {
                if byte == 0 { return true }
                if byte < 0x09 || (byte > 0x0D && byte < 0x20) { controls += 1 }
            }
            return controls * 20 > head.count
        }
    }

    /// Converts with glibc's iconv, which knows CP949 and EUC-KR. Foundation on Linux
    /// has no Korean encodings, so this one conversion calls the C library.
    static func convert(_ data: Data, from encoding: String) -> String? {
        let cd = iconv_open("UTF-8", encoding)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = [CChar](repeating: 0, count: data.count)
        data.withUnsafeBytes { raw in
            for (i, byte) in raw.enumerated() { input[i] = CChar(bitPattern: byte) }
        }
        var output = [CChar](repeating: 0, count: data.count * 3 + 16)
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return result != -1 && inLeft == 0
            }
        }
        guard ok, let end = output.firstIndex(of: 0) else { return nil }
        return String(decoding: output[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
