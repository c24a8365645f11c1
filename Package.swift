// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Gazette",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gazette", targets: ["gazette"]),
        .library(name: "GazetteCore", targets: ["GazetteCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The preview server only; its default traits would add swift-configuration, unused here.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CGazetteSystem"),
        .target(name: "CGazetteImages", linkerSettings: [.linkedLibrary("dl")]),
        // zlib (zlib1g-dev) and Brotli's encoder (libbrotli-dev), for precompressed files.
        .target(name: "CGazetteCompress", linkerSettings: [.linkedLibrary("z"), .linkedLibrary("brotlienc")]),
        .target(
            name: "GazetteCore",
            dependencies: [
                "CCmarkGFM",
                "CGazetteCompress",
                "CGazetteImages",
                "CGazetteSystem",
                "CLibXML2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "GazetteServer",
            dependencies: [
                "GazetteCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "gazette",
            dependencies: [
                "GazetteCore",
                "GazetteServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "GazetteServerTests",
            dependencies: ["GazetteServer", "GazetteCore"]
        ),
        .testTarget(
            name: "GazetteCoreTests",
            dependencies: ["GazetteCore"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// `make fuzz` builds the fuzzing entry point (libFuzzer supplies its main) in a scratch folder
// of its own; ordinary builds and tests never see it.
if Context.environment["GAZETTE_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "GazetteFuzz",
        dependencies: ["GazetteCore"],
        path: "Fuzz/GazetteFuzz",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    ))
    package.products.append(.executable(name: "gazette-fuzz", targets: ["GazetteFuzz"]))
}
