import Foundation
import Testing

/// Every command and format, run twice in different environments — another locale, another time zone,
/// another thread count, and (as every run does) another hash seed — must give the same bytes; and no
/// output may carry the machine's host name or the absolute path of the files it read.
@Suite(.serialized) struct DeterminismTests {
    static let staged = "Scenarios/nms-staged.yaml"
    static let commands: [[String]] = [
        ["validate", staged], ["validate", staged, "--format", "json"], ["validate", "--check", staged, "--seed", "2", "--iterations", "100"],
        ["fitgap", staged], ["fitgap", staged, "--format", "json"], ["fitgap", staged, "--format", "html"],
        ["fitgap", staged, "--format", "csv", "--table", "matrix"], ["fitgap", staged, "--format", "csv", "--table", "bids"],
        ["plan", staged], ["plan", staged, "--format", "csv"], ["plan", staged, "--format", "json"], ["plan", staged, "--format", "mermaid"],
        ["plan", staged, "--format", "ics"], ["plan", staged, "--format", "tjp"], ["plan", staged, "--format", "mspdi"],
        ["plan", staged, "--explain", "last_go_live"],
        ["costs", "Scenarios/lmo-2016.yaml"], ["costs", staged, "--format", "csv"], ["costs", staged, "--format", "json"],
        ["costs", staged, "--nominal"],
        ["risk", staged, "--iterations", "300", "--seed", "5"], ["risk", staged, "--iterations", "300", "--format", "json"],
        ["compare", staged, "Scenarios/nms-single-tender.yaml"], ["compare", staged, "Scenarios/nms-single-tender.yaml", "--format", "json"],
        ["compare", staged, "Scenarios/nms-single-tender.yaml", "--format", "html", "--seed", "3", "--iterations", "100"],
        ["schema"],
    ]

    static let environments: [[String: String]] = [
        ["LANG": "C", "TZ": "UTC"],
        ["LANG": "nl_NL.UTF-8", "LC_ALL": "nl_NL.UTF-8", "TZ": "Pacific/Chatham", "SWIFT_DETERMINISTIC_HASHING": "1"],
    ]

    /// Commands with a risk simulation also get another thread count on the second run.
    static func variant(_ arguments: [String], _ run: Int) -> [String] {
        guard run == 1, arguments.contains("--iterations"), arguments[0] != "validate" else { return arguments }
        return arguments + ["--threads", "3"]
    }

    @Test(arguments: commands)
    func sameBytesInAnyEnvironment(_ arguments: [String]) throws {
        let first = try run(DeterminismTests.variant(arguments, 0), environment: DeterminismTests.environments[0])
        let second = try run(DeterminismTests.variant(arguments, 1), environment: DeterminismTests.environments[1])
        #expect([0, 1].contains(first.status), "\(arguments): \(first.stderr)")
        #expect(first.status == second.status)
        #expect(first.stdout == second.stdout, "\(arguments): stdout differs")
        #expect(first.stderr == second.stderr, "\(arguments): stderr differs")
        #expect(!first.stdout.isEmpty)
        for leak in [packageRoot.path, ProcessInfo.processInfo.hostName] where leak.count > 3 {
            #expect(!first.stdout.contains(leak), "\(arguments) prints \(leak)")
        }
    }

    @Test func reportBundlesAreTheSameInAnyEnvironment() throws {
        let folder = try temporaryFolder()
        var bundles: [[String: Data]] = []
        for (index, environment) in DeterminismTests.environments.enumerated() {
            let output = folder.appendingPathComponent("run\(index)")
            let result = try run(["report", "Scenarios/lmo-2016.yaml", "--output", output.path, "--iterations", "200", "--threads", "\(index + 1)"],
                                 environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            bundles.append(try bundleFiles(output.appendingPathComponent("lmo-2016")))
        }
        #expect(bundles[0].count == 15 && bundles[0] == bundles[1])
        for (name, data) in bundles[0] {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(packageRoot.path) && !text.contains(folder.path), "\(name) carries an absolute path")
        }
    }

    @Test func initWritesTheSameFiles() throws {
        let one = try temporaryFolder(), two = try temporaryFolder()
        #expect(try run(["init", one.path], environment: DeterminismTests.environments[0]).status == 0)
        #expect(try run(["init", two.path], environment: DeterminismTests.environments[1]).status == 0)
        #expect(try bundleFiles(one) == bundleFiles(two))
    }
}
