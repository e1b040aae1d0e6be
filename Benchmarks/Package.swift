// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift test` in the main package never builds them.
import PackageDescription

let package = Package(
    name: "TenderPlanBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named, so the package resolves the same from any checkout or worktree folder.
        .package(name: "main", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "tenderplan-bench",
            dependencies: [
                .product(name: "TenderPlanCore", package: "main"),
                .product(name: "YAMLSource", package: "main"),
                .product(name: "TenderPlanReports", package: "main"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
