import Foundation
import Testing

@Suite(.serialized) struct InitCommandTests {
    @Test func theStarterScenarioValidatesPlansAndCostsAsItIs() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try run(["init", "starter", "--language", "nl"], in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        let scenario = folder.appendingPathComponent("starter/scenario.yaml")
        let text = try String(contentsOf: scenario, encoding: .utf8)
        #expect(text.contains("language: nl") && text.hasPrefix("# yaml-language-server: $schema=tenderplan.schema.json"))
        let validated = try run(["validate", "starter/scenario.yaml"], in: folder)
        #expect(validated.status == 0 && validated.stdout.contains("0 errors, 0 warnings"), "\(validated.stderr)")
        for command in ["fitgap", "plan", "costs"] {
            #expect(try run([command, "starter/scenario.yaml"], in: folder).status == 0, "\(command)")
        }
        #expect(try run(["risk", "starter/scenario.yaml", "--iterations", "50"], in: folder).status == 0)
        // Every section of the format is in it.
        for section in ["calendars:", "agencies:", "sites:", "requirements:", "scoring:", "products:", "tenders:", "legacy:",
                        "go_lives:", "rollout:", "tasks:", "benefits:", "risks:"] {
            #expect(text.contains("\n\(section)"), "\(section)")
        }
        if pythonHasJSONSchema {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/check-schema.py").path,
                                 folder.appendingPathComponent("starter/tenderplan.schema.json").path, scenario.path]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
    }

    @Test func initNeverOverwrites() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "my own work\n".write(to: folder.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["init"], in: folder)
        #expect(result.status == 1 && result.stderr.contains("never overwrites"))
        #expect(try String(contentsOf: folder.appendingPathComponent("scenario.yaml"), encoding: .utf8) == "my own work\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("tenderplan.schema.json").path))
    }
}
