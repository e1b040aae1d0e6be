// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "TenderPlan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tenderplan", targets: ["tenderplan"]),
        .library(name: "TenderPlanCore", targets: ["TenderPlanCore"]),
        .library(name: "YAMLSource", targets: ["YAMLSource"]),
        .library(name: "TenderPlanReports", targets: ["TenderPlanReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // The platform's libyaml (Debian: libyaml-dev), found through pkg-config.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // libyaml events -> a located node tree, with hard limits.
        .target(name: "YAMLSource", dependencies: ["CLibYAML"]),
        // The pure core: model, loading, validation and the engines.
        .target(name: "TenderPlanCore", dependencies: ["YAMLSource"]),
        // View models -> output formats.
        .target(
            name: "TenderPlanReports",
            dependencies: [
                "TenderPlanCore",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // One system call Foundation lacks: swapping two folders atomically (the report bundle's last step).
        .target(name: "CAtomicRename"),
        // Whether standard output or error was closed at start-up, checked before anything can take its number.
        .target(name: "CStandardStreams"),
        // The commands, as a library so tests can drive them.
        .target(
            name: "TenderPlanCLI",
            dependencies: [
                "TenderPlanCore", "TenderPlanReports", "YAMLSource", "CAtomicRename", "CStandardStreams",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "tenderplan", dependencies: ["TenderPlanCLI"]),
        .testTarget(
            name: "YAMLSourceTests",
            dependencies: ["YAMLSource"]
        ),
        .testTarget(
            name: "TenderPlanCoreTests",
            dependencies: [
                "TenderPlanCore", "YAMLSource",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "TenderPlanCLITests",
            dependencies: ["TenderPlanCLI", "TenderPlanCore", "TenderPlanReports", "tenderplan"],
            // Golden files are read from the source tree by path, not bundled.
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
