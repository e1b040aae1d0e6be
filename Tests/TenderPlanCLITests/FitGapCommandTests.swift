import Foundation
import Testing

@Suite(.serialized) struct FitGapCommandTests {
    static let cases: [(scenario: String, format: String, extra: [String], golden: String)] = {
        var cases: [(String, String, [String], String)] = []
        for scenario in ["nms-staged", "nms-single-tender"] {
            cases.append((scenario, "md", [], "fitgap-\(scenario).md"))
            cases.append((scenario, "json", [], "fitgap-\(scenario).json"))
            cases.append((scenario, "html", [], "fitgap-\(scenario).html"))
            for table in ["matrix", "fit", "options", "bids"] {
                cases.append((scenario, "csv", ["--table", table], "fitgap-\(scenario)-\(table).csv"))
            }
        }
        cases.append(("nms-staged", "md", ["--agency", "ambulance", "--area", "triage"], "fitgap-nms-staged-ambulance-triage.md"))
        return cases
    }()

    @Test(arguments: cases.map(\.golden))
    func goldenOutput(_ golden: String) throws {
        let testCase = Self.cases.first { $0.golden == golden }!
        let result = try run(["fitgap", "Scenarios/\(testCase.scenario).yaml", "--format", testCase.format] + testCase.extra)
        #expect(result.status == 0, "\(result.stderr)")
        try assertGolden(result.stdout, golden)
        // Deterministic: the same bytes on a second run.
        #expect(try run(["fitgap", "Scenarios/\(testCase.scenario).yaml", "--format", testCase.format] + testCase.extra).stdout == result.stdout)
    }

    @Test func theAdviceIsVisibleInTheNumbers() throws {
        // The single product for all is knocked out for some agencies; the split into tenders is not, and fits better.
        let json = try run(["fitgap", "Scenarios/nms-staged.yaml", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let options = try #require(object["options"] as? [[String: Any]])
        let single = try #require(options.first { $0["id"] as? String == "one-for-all" })
        let planned = try #require(options.first { $0["id"] as? String == "tenders-as-planned" })
        let singleKnockouts = (single["knockouts"] as? [String: [String]])?.values.map(\.count).reduce(0, +) ?? 0
        let plannedKnockouts = (planned["knockouts"] as? [String: [String]])?.values.map(\.count).reduce(0, +) ?? -1
        #expect(singleKnockouts > 0 && plannedKnockouts == 0)
        #expect((planned["fit"] as? Double ?? 0) > (single["fit"] as? Double ?? 1))
    }

    @Test func hostileNamesAreEscaped() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
        tenderplan: 1
        scenario: {id: hostile, start: 2024-01-01, title: "<script>alert(1)</script>"}
        agencies: [{id: a, name: "=HYPERLINK(\\"http://x\\")"}]
        requirements: [{id: r1, title: "-2+3, \\"quoted\\"\\nnew line | pipe", area: "@area"}]
        products: [{id: p, name: "<b>Bold</b> & co", coverage: {r1: standard}}]
        """.write(to: folder.appendingPathComponent("h.yaml"), atomically: true, encoding: .utf8)
        let html = try run(["fitgap", "h.yaml", "--format", "html"], in: folder)
        #expect(html.status == 0, "\(html.stderr)")
        #expect(!html.stdout.contains("<script>") && html.stdout.contains("&lt;script&gt;") && html.stdout.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; co"))
        #expect(html.stdout.contains("Content-Security-Policy"))
        let csv = try run(["fitgap", "h.yaml", "--format", "csv"], in: folder).stdout
        #expect(csv.contains("'@area,r1,\"'-2+3, \"\"quoted\"\"\nnew line | pipe\","), "\(csv)")
        let fit = try run(["fitgap", "h.yaml", "--format", "csv", "--table", "fit"], in: folder).stdout
        #expect(fit.contains("p,<b>Bold</b> & co,1.000,0,"), "\(fit)")
        let md = try run(["fitgap", "h.yaml"], in: folder).stdout
        #expect(md.contains("&lt;script&gt;") && md.contains("\\| pipe") && !md.contains("\nnew line"))
    }

    @Test func filtersAreChecked() throws {
        let bad = try run(["fitgap", "Scenarios/nms-staged.yaml", "--agency", "ambulanse"])
        #expect(bad.status == 2 && bad.stderr.contains("did you mean 'ambulance'?"))
        #expect(try run(["fitgap", "Scenarios/nms-staged.yaml", "--format", "csv", "--table", "nope"]).status == 2)
        #expect(try run(["fitgap", "Scenarios/no-such.yaml"]).status == 66)
    }
}
