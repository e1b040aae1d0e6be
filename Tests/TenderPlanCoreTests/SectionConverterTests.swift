import Foundation
import Testing
import TenderPlanCore

/// The top-level lists are built into model items while they are parsed (`SectionConverter`); a list
/// with an anchor is built from the finished tree instead. Both ways must give the same model and the
/// same messages, so each text is loaded as written and with an anchor on every block-style list.
@Suite struct SectionConverterTests {
    static let sectionKeys = ["calendars", "agencies", "sites", "requirements", "products", "tenders", "legacy",
                              "go_lives", "tasks", "benefits", "risks", "expect"].map { Array("\($0):".utf8) }

    /// The text with ` &tp_section_N` after every top-level `key:` that ends its line (positions of
    /// everything else stay the same).
    static func anchored(_ bytes: [UInt8]) -> (bytes: [UInt8], anchors: Int) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        var count = 0
        for index in lines.indices {
            var line = lines[index]
            while line.last == UInt8(ascii: " ") || line.last == UInt8(ascii: "\r") { line.removeLast() }
            guard sectionKeys.contains(line) else { continue }
            lines[index] = line + Array(" &tp_section_\(index)".utf8)
            count += 1
        }
        return (Array(lines.joined(separator: [UInt8(ascii: "\n")])), count)
    }

    func expectSameLoad(_ bytes: [UInt8], _ label: String, includes: IncludeReader) -> Int {
        let (anchoredBytes, anchors) = Self.anchored(bytes)
        guard anchors > 0 else { return 0 }
        let loader = ScenarioLoader(includeReader: includes)
        let converted = loader.check(path: "test.yaml", bytes: bytes)
        let fromTree = loader.check(path: "test.yaml", bytes: anchoredBytes)
        #expect(converted.scenario == fromTree.scenario, "\(label): the models differ")
        #expect(converted.diagnostics == fromTree.diagnostics,
                "\(label): \(converted.diagnostics.map { "\($0.location) \($0.message)" }) vs \(fromTree.diagnostics.map { "\($0.location) \($0.message)" })")
        return anchors
    }

    @Test func examplesGiveTheSameModelBothWays() {
        var anchors = 0
        for (index, bytes) in exampleScenarios.enumerated() {
            anchors += expectSameLoad(bytes, "example \(index)", includes: ScenarioFolderReader())
        }
        #expect(anchors >= 20)
    }

    @Test func badInputsGiveTheSameMessagesBothWays() {
        var anchors = 0
        for input in badInputs {
            let text = MarkedText(input.yaml).text
            anchors += expectSameLoad(Array(text.utf8).replacingInvalid(), input.name,
                                      includes: MemoryIncludeReader(files: input.includes.mapValues { MarkedText($0).text }))
        }
        #expect(anchors >= 40)
    }

    @Test func mutantsGiveTheSameResultsBothWays() {
        var anchors = 0
        for seed in 0..<400 {
            let bytes = mutate(exampleScenarios[seed % exampleScenarios.count], seed: UInt64(seed) &* 0x9E37_79B9)
            anchors += expectSameLoad(bytes, "mutant \(seed)", includes: ScenarioFolderReader())
        }
        #expect(anchors >= 1000)
    }
}
