import Foundation
import Testing

@Suite(.serialized) struct ValidateCommandTests {
    static let scenarios: [String] = {
        let folder = packageRoot.appendingPathComponent("Scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Scenarios/" + $0 }
    }()

    @Test func bundledScenariosAreValid() throws {
        #expect(Self.scenarios.count >= 4)
        let result = try run(["validate"] + Self.scenarios)
        #expect(result.status == 0, "\(result.stderr)")
        // Only warnings (roadmap capabilities not yet available at a cutover) may be printed.
        #expect(!result.stderr.contains(": error: "))
        #expect(result.stdout.contains("\(Self.scenarios.count) files checked: 0 errors"))
    }

    @Test(arguments: [
        ("tutorial.yaml", "    name: \"Alpha CAD\"", "    nmae: \"Alpha CAD\"", "unknown-key", "did you mean 'name'?"),
        ("tutorial.yaml", "    agencies: [police, fire]", "    agencies: [police, fier]", "unknown-reference", "did you mean 'fire'?"),
        ("nms-staged.yaml", "procedure: competitive-dialogue", "procedure: competitive-dialog", "invalid-value", "did you mean 'competitive-dialogue'?"),
        // Misspelt required keys: no "missing key" as well, and the product's id still names it for the tender.
        ("tutorial.yaml", "  - id: cad-a", "  - idd: cad-a", "unknown-key", "did you mean 'id'?"),
        ("tutorial.yaml", "\"Market study\", duration: 2mo", "\"Market study\", duraton: 2mo", "unknown-key", "did you mean 'duration'?"),
    ])
    func oneTypoGivesExactlyOneLocatedError(_ file: String, _ original: String, _ typo: String, _ code: String, _ hint: String) throws {
        let base = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let folder = base.appendingPathComponent("Scenarios")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Scenarios"), to: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent(file))
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Scenarios/\(file)"), encoding: .utf8)
        try #require(text.contains(original), "the fixture line '\(original)' is no longer in \(file)")
        let broken = text.replacingOccurrences(of: original, with: typo, options: [], range: text.range(of: original))
        try broken.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        let line = broken.components(separatedBy: "\n").firstIndex { $0.contains(typo) }! + 1
        let result = try run(["validate", file], in: folder)
        #expect(result.status == 1)
        let errorLines = result.stderr.components(separatedBy: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }
        #expect(errorLines.count == 1, "\(result.stderr)")
        #expect(errorLines.first?.hasPrefix("\(file):\(line):") == true, "\(result.stderr)")
        #expect(result.stderr.contains("[\(code)]") && result.stderr.contains(hint), "\(result.stderr)")
        #expect(result.stderr.contains("^"))
    }

    @Test func aliasBombIsRefusedFastWithExit65() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 { text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n" }
        try text.write(to: folder.appendingPathComponent("bomb.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["validate", "bomb.yaml"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.contains("alias") && result.stderr.contains("[limit]"))
        #expect(result.seconds < 2)
    }

    @Test func deepNestingIsRefusedFastWithExit65() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let depth = 100_000
        try ("a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n")
            .write(to: folder.appendingPathComponent("deep.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["validate", "deep.yaml"], in: folder)
        #expect(result.status == 65)
        #expect(result.stderr.contains("deep.yaml:1:67: error:") && result.stderr.contains("64 levels"))
        #expect(result.seconds < 2)
    }

    @Test func inputSizeLimitIsAnOption() throws {
        let result = try run(["validate", "--max-input-size", "1k", "Scenarios/nms-staged.yaml"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("input size limit of 1 KiB") && result.stderr.contains("--max-input-size"))
        let bad = try run(["validate", "--max-input-size", "lots", "Scenarios/tutorial.yaml"])
        #expect(bad.status == 2)
    }

    @Test func exitCodes() throws {
        #expect(try run(["validate", "Scenarios/no-such-file.yaml"]).status == 66)
        #expect(try run(["validate", "Scenarios"]).status == 66)
        #expect(try run(["frobnicate"]).status == 2)
        #expect(try run(["validate"]).status == 2)
        #expect(try run(["validate", "--format", "xml", "Scenarios/tutorial.yaml"]).status == 2)
        #expect(try run(["--help"]).status == 0)
        #expect(try run(["validate", "--help"]).stdout.contains("Example"))
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "tenderplan: 1\nscenario: [unclosed\n".write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        try "".write(to: folder.appendingPathComponent("empty.yaml"), atomically: true, encoding: .utf8)
        #expect(try run(["validate", "bad.yaml"], in: folder).status == 65)
        #expect(try run(["validate", "empty.yaml"], in: folder).status == 1)
        // With several files, the highest code wins.
        let mixed = try run(["validate", "empty.yaml", "bad.yaml", "missing.yaml"], in: folder)
        #expect(mixed.status == 66)
        #expect(mixed.stderr.contains("empty.yaml:1:1: error:") && mixed.stderr.contains("bad.yaml:"))
    }

    @Test func jsonOutputFollowsTheContract() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "tenderplan: 1\nscenario: {id: t, start: 2024-01-01}\nsites:\n  - id: s\n    users: {politei: 1}\n"
            .write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["validate", "--format", "json", "s.yaml"], in: folder)
        #expect(result.status == 1 && result.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1 && object["warnings"] as? Int == 0)
        let files = try #require(object["files"] as? [[String: Any]])
        let diagnostic = try #require((files.first?["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["path"] as? String == "s.yaml" && diagnostic["line"] as? Int == 5 && diagnostic["column"] as? Int == 13)
        #expect(diagnostic["severity"] as? String == "error" && diagnostic["code"] as? String == "unknown-reference")
        #expect(Set(diagnostic.keys) == ["severity", "code", "message", "path", "line", "column", "notes"])
        // Deterministic: the same bytes twice.
        #expect(try run(["validate", "--format", "json", "s.yaml"], in: folder).stdout == result.stdout)
    }

    @Test func includeEscapeThroughASymlinkIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = folder.appendingPathComponent("scenario")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        try "tasks: []\n".write(to: folder.appendingPathComponent("outside.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: inner.appendingPathComponent("link.yaml"), withDestinationURL: folder.appendingPathComponent("outside.yaml"))
        try "tenderplan: 1\nscenario: {id: t, start: 2024-01-01}\ninclude: [link.yaml]\n"
            .write(to: inner.appendingPathComponent("main.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["validate", "scenario/main.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("scenario/main.yaml:3:11: error:") && result.stderr.contains("[include-escape]"), "\(result.stderr)")
    }

    /// A named pipe as include blocked the run for ever (opening it waits for a writer); now anything but a
    /// regular file is refused at its entry. A `timeout` guards the run, so the old hang fails the test.
    @Test func aNamedPipeAsIncludeIsRefusedNotWaitedFor() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("pipe.yaml").path, 0o644) == 0)
        try "tenderplan: 1\nscenario: {id: t, start: 2024-01-01}\ninclude: [pipe.yaml]\n"
            .write(to: folder.appendingPathComponent("main.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["-c", "exec timeout 20 \"$0\" validate main.yaml", binary.path], shell: true, in: folder)
        #expect(result.status == 1, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains("main.yaml:3:11: error:") && result.stderr.contains("not a regular file"), "\(result.stderr)")
    }

    @Test func aMisspeltIncludeIsOneErrorWithASuggestion() throws {
        // nms-staged takes its requirements from an include; misspell its name.
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Scenarios/include"), to: folder.appendingPathComponent("include"))
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Scenarios/nms-staged.yaml"), encoding: .utf8)
        #expect(text.contains("include/requirements.yaml"))
        try text.replacingOccurrences(of: "include/requirements.yaml", with: "include/requirments.yaml")
            .write(to: folder.appendingPathComponent("staged.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["validate", "staged.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.components(separatedBy: ": error: ").count == 2, "\(result.stderr)")
        #expect(result.stderr.contains("[include-not-found]") && result.stderr.contains("did you mean 'include/requirements.yaml'?"), "\(result.stderr)")
        #expect(result.stdout.contains("1 error"), "\(result.stdout)")
    }

    @Test func colourOnlyOnATerminal() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "".write(to: folder.appendingPathComponent("e.yaml"), atomically: true, encoding: .utf8)
        // Not a terminal here, so no escape codes, with or without NO_COLOR.
        #expect(!(try run(["validate", "e.yaml"], in: folder).stderr.contains("\u{1B}[")))
        #expect(!(try run(["validate", "e.yaml"], environment: ["NO_COLOR": "1"], in: folder).stderr.contains("\u{1B}[")))
    }
}
