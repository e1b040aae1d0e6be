import Foundation
import Testing
@testable import TenderPlanReports

@Suite(.serialized) struct CompareCommandTests {
    static let pair = ["Scenarios/nms-staged.yaml", "Scenarios/nms-single-tender.yaml"]

    @Test(arguments: ["md", "json", "html"])
    func goldenOutput(_ format: String) throws {
        let result = try run(["compare"] + CompareCommandTests.pair + ["--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        try assertGolden(result.stdout, "compare-nms.\(format)")
    }

    @Test func withARiskRun() throws {
        let result = try run(["compare"] + CompareCommandTests.pair + ["--seed", "1", "--iterations", "200", "--language", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        try assertGolden(result.stdout, "compare-nms-seed1-200-en.md")
        #expect(result.stdout.contains("| Last go-live, P80 |"))
    }

    /// Differences worked out by hand from the two scenarios' own reports.
    @Test func differencesAgainstTheBaseline() throws {
        let result = try run(["compare"] + CompareCommandTests.pair + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let dates = try #require(object["dates"] as? [[String: Any]])
        let last = try #require(dates.first { $0["measure"] as? String == "last_go_live" })
        // 2029-02-07 → 2030-01-08: 365 − 30 days.
        #expect(last["values"] as? [String] == ["2029-02-07", "2030-01-08"])
        #expect(last["difference"] as? [Int] == [0, 335])
        let amounts = try #require(object["amounts"] as? [[String: Any]])
        let total = try #require(amounts.first { $0["measure"] as? String == "total_real" })
        // € 112,142,175.28 − € 109,104,531.60, the figures as shown (the staged plan implements each dispatch centre once,
        // also where police and KMar go live there in two go-lives).
        #expect((total["difference"] as? [NSNumber])?.map(\.decimalValue) == [0, Decimal(string: "3037643.68")!])
    }

    @Test func writesAFolder() throws {
        let folder = try temporaryFolder().appendingPathComponent("compare-nms")
        let result = try run(["compare"] + CompareCommandTests.pair + ["--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == ["compare.md", "compare.html", "compare.json"])
        #expect(try String(contentsOf: folder.appendingPathComponent("compare.md"), encoding: .utf8)
            == run(["compare"] + CompareCommandTests.pair).stdout)
    }

    @Test func needsTwoScenariosThatAreSound() throws {
        #expect(try run(["compare", "Scenarios/tutorial.yaml"]).status == 2)
        let missing = try run(["compare", "Scenarios/tutorial.yaml", "no-such.yaml"])
        #expect(missing.status == 66 && missing.stdout.isEmpty)
    }
}

/// The templates: the embedded copies match Templates/, and every label they use exists in both languages.
struct TemplateTests {
    @Test func embeddedTemplatesMatchTheFolder() throws {
        let folder = packageRoot.appendingPathComponent("Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(Set(files.map { String($0.dropLast(".mustache".count)) }) == Set(BuiltInTemplates.all.keys))
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltInTemplates.all[String(file.dropLast(".mustache".count))] == text,
                    "\(file) changed: run scripts/embed-templates.py")
        }
    }

    @Test func everyLabelExistsInBothLanguages() throws {
        let english = ReportText(.en).labels, dutch = ReportText(.nl).labels
        #expect(Set(english.keys) == Set(dutch.keys))
        for (name, text) in BuiltInTemplates.all {
            var rest = Substring(text)
            while let range = rest.range(of: "{{t.") {
                let tail = rest[range.upperBound...]
                let key = String(tail.prefix { $0 != "}" })
                #expect(english[key] != nil, "\(name) uses {{t.\(key)}}, which has no label")
                rest = tail
            }
        }
    }
}
