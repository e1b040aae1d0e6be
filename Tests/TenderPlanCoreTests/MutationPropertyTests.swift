import Foundation
import PropertyBased
import Testing
import TenderPlanCore

/// Reads includes from the package's Scenarios folder.
struct ScenarioFolderReader: IncludeReader {
    func readInclude(_ name: String, from parentPath: String) -> IncludeReadResult {
        let url = scenarioFolder.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else { return .notFound("no such file") }
        return .success(path: name, identity: url.path, bytes: [UInt8](data))
    }
}

let scenarioFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Scenarios")

let exampleScenarios: [[UInt8]] = {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: scenarioFolder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    return names.compactMap { try? [UInt8](Data(contentsOf: scenarioFolder.appendingPathComponent($0))) }
}()

/// Byte- and line-level damage of the kinds hand edits and broken tools cause.
func mutate(_ original: [UInt8], seed: UInt64) -> [UInt8] {
    var random = SplitMix64(state: seed)
    var bytes = original
    let edits = Int.random(in: 1...6, using: &random)
    for _ in 0..<edits where !bytes.isEmpty {
        let at = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<7, using: &random) {
        case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
        case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
        case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...200, using: &random)))
        case 3: bytes.insert(contentsOf: Array(": - [{&*!|>'\"#\t%@`".utf8).shuffled(using: &random).prefix(3), at: at)
        case 4:  // duplicate a stretch (duplicate keys and ids)
            let end = min(bytes.count, at + Int.random(in: 1...400, using: &random))
            bytes.insert(contentsOf: bytes[at..<end], at: at)
        case 5: bytes[at] = [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "x")].randomElement(using: &random)!
        default:  // change a digit, to make dates, amounts and durations wrong
            if let digit = bytes[at...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) { bytes[digit] = UInt8.random(in: 0x30...0x39, using: &random) }
        }
    }
    return bytes
}

@Suite struct MutationPropertyTests {
    @Test func mutatedScenariosNeverCrashOrHangAndEveryErrorIsLocated() async {
        #expect(exampleScenarios.count >= 4)
        let classic = ScenarioLoader(includeReader: ScenarioFolderReader(), exactSlack: false)
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            let source = exampleScenarios[seed % exampleScenarios.count]
            // Every 20th mutant also gets the delay test's slack, which reschedules many times (as `validate`,
            // the others use the classic backward pass).
            var loader = classic
            loader.exactSlack = seed % 20 == 0
            let bytes = mutate(source, seed: UInt64(seed))
            let clock = ContinuousClock()
            var result: LoadResult?
            let elapsed = clock.measure { result = loader.check(path: "mutant.yaml", bytes: bytes, identity: "mutant.yaml") }
            #expect(elapsed < .seconds(loader.exactSlack ? 20 : 5), "seed \(seed) took \(elapsed)")
            for diagnostic in result?.diagnostics ?? [] {
                #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "seed \(seed): \(diagnostic.message)")
                #expect(!diagnostic.message.isEmpty)
            }
        }
    }

    @Test func everyExampleScenarioIsValid() {
        let loader = ScenarioLoader(includeReader: ScenarioFolderReader())
        for bytes in exampleScenarios {
            let result = loader.check(path: "example.yaml", bytes: bytes)
            #expect(!result.hasErrors, "\(result.diagnostics.map { "\($0.location) \($0.message)" })")
        }
    }

    @Test func shufflingListsChangesNoDiagnosticCount() async {
        // Errors do not depend on the order of definitions (one namespace, references in any order).
        let text = header + """
        tasks:
          - {id: a, duration: 1d, after: [b]}
          - {id: b, duration: 1d, after: [zz]}
          - {id: c, duration: 2x}
        """
        let lines = text.components(separatedBy: "\n")
        let tasks = Array(lines.suffix(3))
        await propertyCheck(count: 20, input: Gen.int(in: 0...Int.max)) { seed in
            var random = SplitMix64(state: UInt64(seed))
            let shuffled = Array(lines.dropLast(3)) + tasks.shuffled(using: &random)
            let codes = check(shuffled.joined(separator: "\n")).diagnostics.map(\.code.rawValue).sorted()
            #expect(codes == ["invalid-duration", "unknown-reference"])
        }
    }
}
