import Foundation
import Testing

@Suite(.serialized) struct PlanCommandTests {
    static let goldens: [String] = ["nms-staged", "nms-single-tender"].flatMap { scenario in
        ["md", "csv", "json", "mermaid", "ics", "tjp"].map { "plan-\(scenario).\($0)" }
    }

    @Test(arguments: goldens)
    func goldenOutput(_ golden: String) throws {
        let parts = golden.dropFirst("plan-".count).split(separator: ".")
        let arguments = ["plan", "Scenarios/\(parts[0]).yaml", "--format", String(parts[1])]
        let result = try run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        try assertGolden(result.stdout, golden)
        #expect(try run(arguments).stdout == result.stdout)
    }

    @Test func explainWorksOnEveryItem() throws {
        let json = try run(["plan", "Scenarios/nms-staged.yaml", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let ids = try #require(object["items"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count > 50)
        for id in ids {
            let result = try run(["plan", "Scenarios/nms-staged.yaml", "--explain", id])
            #expect(result.status == 0, "\(id): \(result.stderr)")
            #expect(result.stdout.hasPrefix("\(id) ("))
            let last = result.stdout.split(separator: "\n").last ?? ""
            #expect(last.contains("programme start") || last.contains("not_before") || last.contains("pinned"), "\(id): \(last)")
        }
        let bad = try run(["plan", "Scenarios/nms-staged.yaml", "--explain", "gms.retir"])
        #expect(bad.status == 2 && bad.stderr.contains("did you mean 'gms.retire'?"))
    }

    @Test func cutoversAreOutsideFreezesAndGMSRetiresAfterTheLastGoLive() throws {
        let json = try run(["plan", "Scenarios/nms-staged.yaml", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        let cutovers = items.filter { $0["kind"] as? String == "cutover" }.compactMap { $0["start"] as? String }
        #expect(cutovers.count >= 20)
        for day in cutovers {
            let monthDay = String(day.dropFirst(5))
            #expect(!(monthDay >= "07-01" && monthDay <= "08-31"), "cutover \(day) in the summer freeze")
            #expect(!(monthDay >= "12-01" || monthDay <= "01-07"), "cutover \(day) in the turn-of-the-year freeze")
        }
        let last = try #require(object["last_go_live"] as? String)
        let retire = try #require(items.first { $0["id"] as? String == "gms.retire" }?["start"] as? String)
        #expect(retire > last && cutovers.max() == last)
        #expect(items.contains { $0["critical"] as? Bool == true })
    }

    /// The go-lives that wait for each other through min_gap are what drives nms-staged's finish: the Markdown
    /// critical path names their cutovers (checked by hand: gl-pol-lb on 8 January 2029, gl-bw-rdam 11 working
    /// days later on the 23rd, gl-kmar-nh on 7 February, then GMS retires three months after).
    @Test func theCriticalPathNamesTheCutoversThatWaitForEachOther() throws {
        let markdown = try run(["plan", "Scenarios/nms-staged.yaml"]).stdout
        let line = try #require(markdown.components(separatedBy: "## Critical path\n\n").dropFirst().first?.prefix { $0 != "\n" })
        #expect(line == "`gl-pol-lb.cutover` (2029-01-08) → `gl-bw-rdam.cutover` (2029-01-23) → `gl-kmar-nh.cutover` (2029-02-07) → "
            + "`last_go_live` (2029-02-07) → `gms.retire` (2029-05-07) → `archivering-gms` (2029-07-03)")
    }

    @Test func icsIsWellFormed() throws {
        let ics = try run(["plan", "Scenarios/nms-staged.yaml", "--format", "ics"]).stdout
        let lines = ics.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.dropLast().last == "END:VCALENDAR")
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == lines.filter { $0 == "END:VEVENT" }.count)
        let uids = lines.filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == uids.count && !uids.isEmpty)
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the tasks of an MSPDI file: name, start and finish day.
final class MSPDITasks: NSObject, XMLParserDelegate {
    var tasks: [[String: String]] = []
    private var current: [String: String]?
    private var text = ""
    private var depth: [String] = []

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        depth.append(element)
        if element == "Task" { current = [:] }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        depth.removeLast()
        if element == "Task", let task = current { tasks.append(task); current = nil }
        else if current != nil, depth.last == "Task", ["Name", "Start", "Finish", "Milestone"].contains(element) { current?[element] = text }
    }
}

@Suite(.serialized) struct MSPDIExportTests {
    @Test(arguments: ["nms-staged", "nms-single-tender", "tutorial"])
    func wellFormedWithTheSameDates(_ scenario: String) throws {
        let xml = try run(["plan", "Scenarios/\(scenario).yaml", "--format", "mspdi"])
        #expect(xml.status == 0)
        let parser = XMLParser(data: Data(xml.stdout.utf8))
        let reader = MSPDITasks()
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        let json = try run(["plan", "Scenarios/\(scenario).yaml", "--format", "json"]).stdout
        let items = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["items"] as? [[String: Any]])
        let planned = items.map { "\($0["title"]!)|\($0["start"]!)|\($0["finish"]!)" }.sorted()
        let exported = reader.tasks.map { "\($0["Name"] ?? "")|\(($0["Start"] ?? "").prefix(10))|\(($0["Finish"] ?? "").prefix(10))" }.sorted()
        #expect(exported == planned)
        // Milestones are flagged: last_go_live is one, a preparation is not.
        #expect(reader.tasks.contains { $0["Name"] == "Last go-live" && $0["Milestone"] == "1" })
        #expect(reader.tasks.filter { ($0["Name"] ?? "").hasSuffix(": preparation") }.allSatisfy { $0["Milestone"] == "0" })
    }
}
