import Foundation
import TenderPlanCore

/// Everything `tenderplan report` writes for one scenario, as named files in memory; the CLI writes them
/// into a temporary folder and renames it into place.
public enum ReportBundle {
    public struct Input: Sendable {
        public var results: ScenarioResults
        /// Warnings and gate verdicts, sorted.
        public var findings: [Diagnostic]
        /// The scenario file as named on the command line; the report shows it, and every file its findings name,
        /// relative to the scenario's folder (`ReportPaths`).
        public var source: String

        public init(results: ScenarioResults, findings: [Diagnostic], source: String) {
            self.results = results
            self.findings = findings
            self.source = source
        }
    }

    /// The files of the bundle, in a fixed order.
    public static func files(_ bundle: Input, language: Language, templates: ReportTemplates) throws -> [(name: String, data: Data)] {
        let input = bundle.results
        let scenario = input.scenario
        func board(_ escape: @escaping (String) -> String) -> BoardReport {
            BoardReport(scenario: scenario, fitGap: input.fitGap, plan: input.plan, costs: input.costs, risk: input.risk,
                        findings: bundle.findings, language: language, source: bundle.source, escape: escape)
        }
        let view = FitGapView(scenario: scenario, result: input.fitGap)
        var files: [(String, String)] = [
            ("index.html", templates.render(board { $0 }, template: "report.html")),
            ("report.md", templates.render(board(markdownCell), template: "report.md")),
            ("fitgap.json", FitGapJSON.render(view)),
        ]
        for table in FitGapTable.allCases { files.append(("fitgap-\(table.rawValue).csv", table.csv(view))) }
        files += [
            ("plan.csv", PlanCSV.render(input.plan)),
            ("plan.json", PlanJSON.render(scenario, input.plan)),
            ("plan.mmd", PlanMermaid.render(scenario, input.plan)),
            ("plan.ics", PlanICS.render(scenario, input.plan)),
            ("costs.csv", CostsCSV.render(input.costs, nominal: false)),
            ("costs.json", CostsJSON.render(scenario, input.costs)),
        ]
        if let risk = input.risk { files.append(("risk.json", RiskJSON.render(scenario, risk, order: input.plan.ordered.map(\.id)))) }
        var result = files.map { (name: $0.0, data: Data($0.1.utf8)) }
        let sheets = ReportWorkbook.sheets(scenario: scenario, fitGap: input.fitGap, plan: input.plan, costs: input.costs, risk: input.risk)
        result.append((name: "workbook.xlsx", data: try XLSXWriter.data(sheets, currency: input.costs.currency)))
        return result
    }
}

/// The report names files relative to the scenario's folder, so the same scenario gives the same bundle from any
/// working directory and no folder of the machine ends up in a report that is passed on.
enum ReportPaths {
    static func shown(_ path: String, scenario: String) -> String {
        let folder = (scenario as NSString).deletingLastPathComponent
        if !folder.isEmpty && path.hasPrefix(folder + "/") { return String(path.dropFirst(folder.count + 1)) }
        return path.hasPrefix("/") ? (path as NSString).lastPathComponent : path
    }
}
