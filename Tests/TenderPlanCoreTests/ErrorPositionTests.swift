import Foundation
import Testing
import TenderPlanCore

/// One bad input: the marked YAML, the code expected at marker 1️⃣, and text the message must contain.
struct BadInput: CustomTestStringConvertible, Sendable {
    let name: String
    let yaml: String
    let code: DiagnosticCode
    let says: String
    var includes: [String: String] = [:]
    var severity: Diagnostic.Severity = .error

    var testDescription: String { name }
}

let badInputs: [BadInput] = [
    // Bytes that cannot become a node tree.
    BadInput(name: "tab indentation", yaml: "tenderplan: 1\nscenario:\n1️⃣\tid: x\n", code: .yamlSyntax, says: "tab"),
    BadInput(name: "unclosed flow list", yaml: "tenderplan: 1\nagencies: [a, b\n1️⃣", code: .yamlSyntax, says: "YAML syntax error"),
    BadInput(name: "not UTF-8", yaml: "tenderplan: 1\nscenario: {id: 1️⃣\u{FFFD}}\n", code: .encoding, says: "UTF-8"),
    BadInput(name: "line separator in a comment", yaml: "tenderplan: 1\nscenario: {id: t, start: 2024-01-01}  # note1️⃣\u{2028}horizon: 2199\n",
             code: .encoding, says: "U+2028 LINE SEPARATOR"),
    BadInput(name: "next line in a comment", yaml: "tenderplan: 1\n# a 1️⃣\u{85}x: 1\nscenario: {id: t, start: 2024-01-01}\n",
             code: .encoding, says: "U+0085 NEXT LINE"),
    BadInput(name: "undefined alias", yaml: "tenderplan: 1\nscenario: 1️⃣*nothing\n", code: .undefinedAlias, says: "alias"),
    BadInput(name: "nesting limit", yaml: "a: " + String(repeating: "[", count: 63) + "1️⃣[" + String(repeating: "]", count: 64) + "\n",
             code: .limit, says: "nest"),
    // Document shape.
    BadInput(name: "empty file", yaml: "1️⃣", code: .emptyFile, says: "empty"),
    BadInput(name: "comments only", yaml: "1️⃣# nothing here\n", code: .emptyFile, says: "document"),
    BadInput(name: "second document", yaml: header + "1️⃣---\nb: 2\n", code: .multipleDocuments, says: "document"),
    BadInput(name: "unsupported version", yaml: "tenderplan: 1️⃣2\nscenario: {id: t, start: 2024-01-01}\n", code: .unsupportedVersion, says: "version"),
    BadInput(name: "root is a list", yaml: "1️⃣- a\n- b\n", code: .wrongType, says: "mapping"),
    BadInput(name: "unknown key with suggestion", yaml: header + "sites:\n  - id: s1\n    1️⃣nmae: Noord\n", code: .unknownKey, says: "nmae"),
    BadInput(name: "unknown top-level key", yaml: header + "1️⃣requirments: []\n", code: .unknownKey, says: "requirments"),
    BadInput(name: "duplicate key at the second", yaml: header + "sites:\n  - id: s1\n    name: A\n    1️⃣name: B\n", code: .duplicateKey, says: "name"),
    BadInput(name: "missing tenderplan", yaml: "1️⃣scenario: {id: t, start: 2024-01-01}\n", code: .missingKey, says: "tenderplan"),
    BadInput(name: "missing scenario start", yaml: "tenderplan: 1\nscenario:\n  1️⃣id: t\n", code: .missingKey, says: "start"),
    BadInput(name: "missing id in a list item", yaml: header + "sites:\n  - 1️⃣name: Noord\n", code: .missingKey, says: "id"),
    BadInput(name: "missing cost line name", yaml: header + "products:\n  - id: p\n    costs:\n      - 1️⃣{amount: 5}\n", code: .missingKey, says: "name"),
    BadInput(name: "empty duration at its key", yaml: header + "tasks:\n  - id: a\n    1️⃣duration:\n", code: .missingKey, says: "'duration' has no value"),
    BadInput(name: "empty preparation at its key", yaml: header + "products:\n  - id: p\ngo_lives:\n  - id: g\n    product: p\n    1️⃣preparation:\n",
             code: .missingKey, says: "'preparation' has no value"),
    BadInput(name: "list where a value belongs", yaml: header + "sites:\n  - id: s1\n    name: 1️⃣[a, b]\n", code: .wrongType, says: "single value"),
    BadInput(name: "value where a list belongs", yaml: header + "tenders:\n  - id: t1\n    agencies: 1️⃣politie\n    award: {method: lowest-price}\n", code: .wrongType, says: "[politie]"),
    BadInput(name: "seat count not a number", yaml: header + "sites:\n  - id: s1\n    users: {politie: 1️⃣many}\n", code: .wrongType, says: "whole number"),
    BadInput(name: "negative seats", yaml: header + "sites:\n  - id: s1\n    users: {politie: 1️⃣-3}\n", code: .invalidValue, says: "range"),
    BadInput(name: "unknown priority", yaml: header + "requirements:\n  - id: r1\n    priority: 1️⃣mustt\n", code: .invalidValue, says: "did you mean 'must'"),
    BadInput(name: "probability above 100%", yaml: header + "risks:\n  - id: r1\n    probability: 1️⃣130%\n", code: .invalidValue, says: "0–100%"),
    BadInput(name: "freeze ends before it starts", yaml: header + "calendars:\n  - id: c1\n    freezes:\n      - {from: 2024-12-01, to: 1️⃣2024-11-01}\n", code: .invalidValue, says: "freeze"),
    BadInput(name: "upper-case id", yaml: header + "sites:\n  - id: 1️⃣Noord\n", code: .invalidId, says: "did you mean 'noord'"),
    BadInput(name: "id with a dot", yaml: header + "tasks:\n  - id: 1️⃣a.b\n    duration: 1d\n", code: .invalidId, says: "dot"),
    BadInput(name: "reserved id", yaml: header + "tasks:\n  - id: 1️⃣contract\n    duration: 1d\n", code: .reservedId, says: "reserved"),
    BadInput(name: "bad date", yaml: header + "tasks:\n  - id: a\n    duration: 1d\n    not_before: 1️⃣2024-02-30\n", code: .invalidDate, says: "does not exist"),
    BadInput(name: "bad money", yaml: header + "benefits:\n  - {name: b, amount: 1️⃣4.5m}\n", code: .invalidMoney, says: "4.5M"),
    BadInput(name: "currency not a code", yaml: "tenderplan: 1\nscenario: {id: t, start: 2024-01-01, currency: 1️⃣\"€\"}\n", code: .invalidValue,
             says: "did you mean 'EUR'"),
    BadInput(name: "currency with markup", yaml: "tenderplan: 1\nscenario: {id: t, start: 2024-01-01, currency: 1️⃣\"<b>E|R\"}\n", code: .invalidValue,
             says: "ISO 4217"),
    BadInput(name: "bad percentage", yaml: "tenderplan: 1\nscenario: {id: t, start: 2024-01-01, discount_rate: 1️⃣two}\n", code: .invalidPercentage, says: "2.25%"),
    BadInput(name: "bad duration", yaml: header + "tasks:\n  - id: a\n    duration: 1️⃣3m\n", code: .invalidDuration, says: "mo"),
    BadInput(name: "bad reference", yaml: header + "tasks:\n  - id: a\n    duration: 1d\n    after: [1️⃣b + 3]\n", code: .invalidReference, says: "lag"),
    BadInput(name: "include missing", yaml: header + "include: [1️⃣nope.yaml]\n", code: .includeNotFound, says: "nope.yaml"),
    BadInput(name: "include escapes with ..", yaml: header + "include: [1️⃣../secret.yaml]\n", code: .includeEscape, says: "folder"),
    BadInput(name: "include absolute path", yaml: header + "include: [1️⃣/etc/passwd]\n", code: .includeEscape, says: "absolute"),
    BadInput(name: "include cycle", yaml: header + "include: [a.yaml]\n", code: .includeCycle, says: "cycle",
             includes: ["a.yaml": "include: [b.yaml]\n", "b.yaml": "include: [1️⃣a.yaml]\n"]),
    BadInput(name: "include of itself", yaml: header + "include: [1️⃣test.yaml]\n", code: .includeCycle, says: "itself",
             includes: ["test.yaml": "tasks: []\n"]),
    BadInput(name: "include repeated", yaml: header + "include: [a.yaml, b.yaml]\n", code: .includeRepeated, says: "already included",
             includes: ["a.yaml": "tasks: []\n", "b.yaml": "include: [1️⃣a.yaml]\n"]),
    BadInput(name: "tender with empty agencies", yaml: header + "products:\n  - id: p\ntenders:\n  - id: t1\n    agencies: 1️⃣[]\n    candidates: [p]\n    award: {method: lowest-price}\n",
             code: .missingKey, says: "'agencies' is empty"),
    BadInput(name: "tender without agencies", yaml: header + "products:\n  - id: p\ntenders:\n  - 1️⃣id: t1\n    candidates: [p]\n    award: {method: lowest-price}\n",
             code: .missingKey, says: "missing the required key 'agencies'"),
    BadInput(name: "agency goes live twice at a site", yaml: header + "sites:\n  - {id: s1, users: {politie: 3}}\nproducts:\n  - id: p\ngo_lives:\n  - {id: g1, sites: [s1], agencies: [politie], product: p, preparation: 1d}\n  - {id: g2, sites: [s1], agencies: [1️⃣politie], product: p, preparation: 1d}\n",
             code: .rule, says: "already goes live at 's1'"),
    BadInput(name: "amount a thousand times its kind", yaml: header + "products:\n  - id: p1\n    costs: [{name: Licences, amount: 100, per: user, every: year}]\n  - id: p2\n    costs: [1️⃣{name: Licences, amount: 100k, per: user, every: year}]\n",
             code: .implausible, says: "did you mean 100?", severity: .warning),
    BadInput(name: "duplicate id at the later definition", yaml: header + "sites:\n  - id: 1️⃣politie\n", code: .duplicateId, says: "politie"),
    BadInput(name: "unknown agency with did-you-mean", yaml: header + "sites:\n  - id: s1\n    users: {1️⃣politei: 3}\n", code: .unknownReference, says: "politei"),
    BadInput(name: "unknown after reference", yaml: header + "tasks:\n  - id: a\n    duration: 1d\n  - id: b\n    duration: 1d\n    after: [1️⃣c]\n", code: .unknownReference, says: "'c'"),
    BadInput(name: "misspelt last_go_live", yaml: header + "tasks:\n  - id: a\n    duration: 1d\n    after: [1️⃣last_golive]\n", code: .unknownReference,
             says: "did you mean 'last_go_live'?"),
    BadInput(name: "misspelt cost event", yaml: header + "products:\n  - id: p\n    costs:\n      - {name: x, amount: 1, from: 1️⃣go-live}\n", code: .unknownReference,
             says: "did you mean 'go_live'?"),
    BadInput(name: "unknown calendar", yaml: "tenderplan: 1\nscenario: {id: t, start: 2024-01-01, calendar: 1️⃣nl-meldkamr}\ncalendars:\n  - id: nl-meldkamer\n", code: .unknownReference, says: "nl-meldkamr"),
    BadInput(name: "awarded must be a candidate", yaml: header + "products:\n  - id: p1\n  - id: p2\ntenders:\n  - id: t1\n    agencies: [politie]\n    candidates: [p1]\n    award: {method: lowest-price}\n    awarded: 1️⃣p2\n", code: .rule, says: "candidates"),
    BadInput(name: "agency in two tenders", yaml: header + "tenders:\n  - id: t1\n    agencies: [politie]\n    award: {method: lowest-price}\n  - id: t2\n    agencies: [1️⃣politie]\n    award: {method: lowest-price}\n", code: .rule, says: "at most one tender"),
    BadInput(name: "phase the procedure lacks", yaml: header + "tenders:\n  - id: t1\n    agencies: [politie]\n    procedure: open\n    phases: {1️⃣dialogue: 3mo}\n    award: {method: lowest-price}\n", code: .unknownPhase, says: "no 'dialogue'"),
    BadInput(name: "reference to a missing part", yaml: header + "tenders:\n  - id: t1\n    agencies: [politie]\n    award: {method: lowest-price}\ntasks:\n  - id: a\n    duration: 1d\n    after: [1️⃣t1.dialogue]\n", code: .unknownPhase, says: "no part"),
    BadInput(name: "standstill below its legal minimum", yaml: header + "tenders:\n  - id: t1\n    agencies: [politie]\n    phases: {1️⃣standstill: 10cd}\n    award: {method: lowest-price}\n", code: .legalMinimum, says: "20 calendar days"),
    BadInput(name: "dependency cycle", yaml: header + "tasks:\n  - id: a\n    duration: 1d\n    after: [1️⃣b]\n  - id: b\n    duration: 1d\n    after: [a]\n", code: .cycle, says: "a → b → a"),
    BadInput(name: "on with after", yaml: header + "tasks:\n  - id: a\n    duration: 0d\n    on: 2024-03-01\n  - id: b\n    duration: 0d\n    on: 2024-03-01\n    1️⃣after: [a]\n", code: .conflictingKeys, says: "excludes 'after'"),
    BadInput(name: "on on a task with a duration", yaml: header + "tasks:\n  - id: a\n    duration: 3d\n    on: 1️⃣2024-03-01\n", code: .rule, says: "milestone"),
    BadInput(name: "bpkv weights that do not add up", yaml: header + "tenders:\n  - id: t1\n    agencies: [politie]\n    award: {method: bpkv, quality: 60%, price: 1️⃣30%}\n", code: .weights, says: "100%"),
    BadInput(name: "recurring from go_live", yaml: header + "products:\n  - id: p\n    costs:\n      - {name: x, amount: 1, every: 1️⃣year, from: go_live}\n", code: .rule, says: "every: once"),
    BadInput(name: "effort in calendar days", yaml: header + "requirements:\n  - id: r1\nproducts:\n  - id: p\n    coverage:\n      r1: {level: customisation, effort: 1️⃣5cd}\n", code: .unitMismatch, says: "working"),
    BadInput(name: "cost before base year", yaml: header + "benefits:\n  - {name: b, amount: 5, from: 1️⃣2023-06-01}\n", code: .beforeBaseYear, says: "base_year"),
    BadInput(name: "estimate out of order", yaml: header + "tasks:\n  - id: a\n    estimate: 1️⃣{optimistic: 10d, likely: 5d, pessimistic: 20d}\n", code: .estimateOrder, says: "optimistic ≤ likely"),
    BadInput(name: "plan past the last day", yaml: header + "tasks:\n  - id: 1️⃣long\n    duration: 100000d\n", code: .planLimit, says: "2399-12-31"),
    BadInput(name: "roadmap after the cutover", yaml: header + "requirements:\n  - {id: r1, priority: must}\nproducts:\n  - id: p1\n    coverage:\n      1️⃣r1: {level: roadmap, available: 2030-01-01}\nsites: [{id: s, users: {politie: 1}}]\ngo_lives:\n  - {id: g, sites: [s], agencies: [politie], product: p1, preparation: 5d}\n",
             code: .roadmap, says: "roadmap only from 2030-01-01", severity: .warning),
    BadInput(name: "retirement after the horizon", yaml: "tenderplan: 1\nscenario: {id: t, start: 2024-01-01, horizon: 2025}\nlegacy:\n  - id: 1️⃣old\n    retire: 2026-06-30\n    decommission: {amount: 5}\n",
             code: .horizon, says: "after the horizon 2025", severity: .warning),
    BadInput(name: "a percentage without its %", yaml: "tenderplan: 1\nscenario: {id: t, start: 2024-01-01, discount_rate: 1️⃣3.5}\n",
             code: .implausible, says: "3.5 is read as a fraction, 350%; did you mean 3.5%?", severity: .warning),
    BadInput(name: "no admissible bid", yaml: header + "requirements:\n  - {id: r1, priority: must}\nproducts:\n  - id: p1\ntenders:\n  - id: 1️⃣t1\n    agencies: [politie]\n    candidates: [p1]\n    award: {method: lowest-price}\n", code: .noAdmissibleBid, says: "'p1' is knocked out: politie: r1"),
    BadInput(name: "risk delay in the wrong unit family", yaml: header + "tasks:\n  - id: a\n    duration: 10d\nrisks:\n  - id: r1\n    probability: 10%\n    delay: {task: a, by: 1️⃣{optimistic: 1mo, likely: 2mo, pessimistic: 3mo}}\n", code: .unitMismatch, says: "working units"),
]

@Suite struct ErrorPositionTests {
    @Test(arguments: badInputs)
    func pointsAtTheMarker(_ input: BadInput) throws {
        let marked = MarkedText(input.yaml)
        let includes = input.includes.mapValues { MarkedText($0).text }
        // U+FFFD in a case stands for one byte that is not UTF-8.
        let bytes = Array(marked.text.utf8).replacingInvalid()
        let loaded = ScenarioLoader(includeReader: MemoryIncludeReader(files: includes))
            .check(path: "test.yaml", bytes: bytes, identity: "test.yaml")
        let errors = loaded.diagnostics.filter { $0.severity == input.severity }
        // The marker is in the main file, or in the included file that carries it.
        let markedInclude = input.includes.first { $0.value.contains("1️⃣") }
        let expectedPath = markedInclude?.key ?? "test.yaml"
        let marks = markedInclude.map { MarkedText($0.value).marks } ?? marked.marks
        let mark = try #require(marks["1️⃣"])
        let match = errors.first { $0.code == input.code }
        let found = try #require(match, "no \(input.code.rawValue) error; got \(errors.map { "\($0.location) \($0.code.rawValue): \($0.message)" })")
        #expect(found.location == SourceLocation(path: expectedPath, line: mark.line, column: mark.column),
                "\(found.message)")
        let text = ([found.message] + found.notes.map(\.message)).joined(separator: " | ")
        #expect(text.contains(input.says), "message was: \(text)")
        #expect(loaded.diagnostics.count == 1, "expected exactly one diagnostic, got \(errors.map { "\($0.location) \($0.message)" })")
    }

    @Test func everyCodeIsCovered() {
        // `gate` comes only from `validate --check`; GateTests and GateCommandTests point at its lines.
        let covered = Set(badInputs.map(\.code)).union([.gate])
        let missing = DiagnosticCode.allCases.filter { !covered.contains($0) }
        #expect(missing.isEmpty, "codes without a bad-input test: \(missing.map(\.rawValue))")
    }
}

extension Array where Element == UInt8 {
    /// Replaces the UTF-8 encoding of U+FFFD with one invalid byte (0xFF), to test the encoding check.
    func replacingInvalid() -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < count {
            if index + 2 < count && self[index] == 0xEF && self[index + 1] == 0xBF && self[index + 2] == 0xBD {
                out.append(0xFF)
                index += 3
            } else {
                out.append(self[index])
                index += 1
            }
        }
        return out
    }
}

/// The coverage-guided fuzzer (Fuzz/run.sh) starts from the bundled scenarios and from these bad inputs,
/// kept as files in Fuzz/seeds/ (one per case, markers removed). This test keeps the folder in step with the
/// list; `RECORD_GOLDEN=1` rewrites it.
@Suite struct FuzzSeedTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/seeds")

    static func seeds() -> [String: [UInt8]] {
        var seeds: [String: [UInt8]] = [:]
        for input in badInputs {
            let name = input.name.map { $0.isLetter || $0.isNumber ? String($0).lowercased() : "-" }.joined() + ".yaml"
            seeds[name] = Array(MarkedText(input.yaml).text.utf8).replacingInvalid()
        }
        return seeds
    }

    @Test func theFuzzSeedsAreTheBadInputs() throws {
        let expected = FuzzSeedTests.seeds()
        #expect(expected.count == badInputs.count, "two bad inputs share a file name")
        let manager = FileManager.default
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try? manager.removeItem(at: FuzzSeedTests.folder)
            try manager.createDirectory(at: FuzzSeedTests.folder, withIntermediateDirectories: true)
            for (name, bytes) in expected { try Data(bytes).write(to: FuzzSeedTests.folder.appendingPathComponent(name)) }
        }
        let present = Set((try? manager.contentsOfDirectory(atPath: FuzzSeedTests.folder.path)) ?? [])
        #expect(present == Set(expected.keys), "Fuzz/seeds/ differs from badInputs; re-record with RECORD_GOLDEN=1")
        for (name, bytes) in expected where present.contains(name) {
            let data = try Data(contentsOf: FuzzSeedTests.folder.appendingPathComponent(name))
            #expect([UInt8](data) == bytes, "Fuzz/seeds/\(name) is stale; re-record with RECORD_GOLDEN=1")
        }
    }
}
