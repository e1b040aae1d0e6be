// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift test` in the main package never builds them.
import PackageDescription

let package = Package(
    name: "TenderPlanBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Through a link, so the package identity does not depend on the name of the checkout folder.
        .package(path: "tenderplan-package"),
    ],
    targets: [
        .executableTarget(
            name: "tenderplan-bench",
            dependencies: [
                .product(name: "TenderPlanCore", package: "tenderplan-package"),
                .product(name: "YAMLSource", package: "tenderplan-package"),
                .product(name: "TenderPlanReports", package: "tenderplan-package"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
