// swift-tools-version: 6.1
// The coverage-guided fuzz target lives in its own package, like the benchmarks: `swift test` in the main
// package never builds it, and it is built with libFuzzer (`swift build --sanitize fuzzer`), which brings its
// own `main`. Run it with Fuzz/run.sh.
import PackageDescription

let package = Package(
    name: "TenderPlanFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Through a link, so the package identity does not depend on the name of the checkout folder.
        .package(path: "tenderplan-package"),
    ],
    targets: [
        .executableTarget(
            name: "tenderplan-fuzz",
            dependencies: [
                .product(name: "TenderPlanCore", package: "tenderplan-package"),
                .product(name: "TenderPlanReports", package: "tenderplan-package"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
