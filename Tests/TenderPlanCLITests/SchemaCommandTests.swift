import Foundation
import Testing
import TenderPlanCore

/// True when python3 can import jsonschema and yaml (CI installs them).
let pythonHasJSONSchema: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import jsonschema, yaml"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

@Suite(.serialized) struct SchemaCommandTests {
    func schema() throws -> [String: Any] {
        let result = try run(["schema"])
        #expect(result.status == 0)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func everyKeyTableIsInTheSchemaWithExactlyItsKeys() throws {
        let schema = try schema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let definitions = try #require(schema["$defs"] as? [String: [String: Any]])
        for table in FormatTables.all {
            let node = table.name == "root" ? schema : try #require(definitions[table.name], "no $defs/\(table.name)")
            let properties = try #require(node["properties"] as? [String: Any])
            #expect(Set(properties.keys) == Set(table.names), "\(table.name)")
            #expect(Set(node["required"] as? [String] ?? []) == Set(table.keys.filter(\.required).map(\.name)), "\(table.name)")
            #expect(node["additionalProperties"] as? Bool == false)
        }
    }

    @Test(.enabled(if: pythonHasJSONSchema, "python3 with jsonschema and PyYAML is not installed"))
    func theSchemaAcceptsTheScenariosAndRefusesBadOnes() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try run(["schema"]).stdout.write(to: folder.appendingPathComponent("schema.json"), atomically: true, encoding: .utf8)
        let scenarios = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { packageRoot.appendingPathComponent("Scenarios/\($0)").path }
        #expect(try python([folder.appendingPathComponent("schema.json").path] + scenarios) == 0)
        // Mistakes a schema can see: an unknown key, a wrong choice, a malformed duration, a missing required key.
        let bad = [
            "tenderplan: 1\nscenario: {id: x, start: 2024-01-01}\nagencies: [{id: a, nmae: A}]\n",
            "tenderplan: 1\nscenario: {id: x, start: 2024-01-01}\nrequirements: [{id: r, priority: mustt}]\n",
            "tenderplan: 1\nscenario: {id: x, start: 2024-01-01}\ntasks: [{id: t, duration: 3m}]\n",
            "tenderplan: 1\nscenario: {id: x}\n",
            "tenderplan: 1\nscenario: {id: X, start: 2024-01-01}\n",
        ]
        var paths: [String] = []
        for (index, text) in bad.enumerated() {
            let url = folder.appendingPathComponent("bad\(index).yaml")
            try text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        #expect(try python([folder.appendingPathComponent("schema.json").path, "--expect-invalid"] + paths) == 0)
    }

    func python(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/check-schema.py").path] + arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
