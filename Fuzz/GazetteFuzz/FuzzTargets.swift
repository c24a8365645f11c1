import Foundation
import GazetteCore

/// Coverage-guided fuzzing of everything that reads untrusted input (`make fuzz`).
///
/// libFuzzer (the toolchain's, through `-sanitize=fuzzer,address`) calls the entry point
/// below with inputs it mutates; `GAZETTE_FUZZ_TARGET` names the reader they are fed to.
/// A crash, an AddressSanitizer report or a hang is a finding; each one found goes to
/// `Tests/GazetteCoreTests/Fixtures/fuzz/<target>/` as a regression test.
let chosen: UntrustedInput = {
    let name = ProcessInfo.processInfo.environment["GAZETTE_FUZZ_TARGET"] ?? ""
    guard let target = UntrustedInput(rawValue: name) else {
        let names = UntrustedInput.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("set GAZETTE_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    chosen.read(Data(bytes: bytes, count: count))
    return 0
}

/// libFuzzer's own driver, started from the entry point SwiftPM gives an executable target
/// (it renames `main` to `<module>_main`, so libFuzzer's `main` is not the one linked).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("GazetteFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzOneInput($0, $1) }
}
