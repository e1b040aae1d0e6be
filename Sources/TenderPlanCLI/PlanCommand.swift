import ArgumentParser
import Foundation
import TenderPlanCore
import TenderPlanReports

/// `tenderplan plan FILE`
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Compute the milestone plan: tender phases, tasks and go-lives per site, with the critical path.",
        discussion: """
        Schedules every tender phase (with its legal minimum periods), task and go-live (preparation, cutover, hypercare) on working-day calendars with Dutch holidays, keeps cutovers out of freeze periods, spreads go-lives by the rollout limits, and marks the critical path. Deadlines are reported, never moved to.

        --explain ID prints why one item lands on its date: the chain of constraints back to the programme start.

        Formats: md (default), csv, json, mermaid (a Gantt chart for Markdown viewers), ics (milestones for a calendar app), tjp (TaskJuggler), mspdi (Microsoft Project XML, which MS Project and ProjectLibre open).

        Example:
          tenderplan plan Scenarios/nms-staged.yaml --explain gl-mk-rotterdam-politie.cutover
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, csv, json, mermaid, ics, tjp, mspdi
    }

    @Argument(help: ArgumentHelp("The scenario file.", valueName: "file"))
    var file: String

    @Option(help: "Output format: md, csv, json, mermaid, ics, tjp or mspdi (Microsoft Project XML).")
    var format: Format = .md

    @Option(help: ArgumentHelp("Explain the date of one item (a task, tender phase such as t-x.contract, or go-live part such as gl-x.cutover).",
                               valueName: "id"))
    var explain: String?

    @OptionGroup var input: InputOptions

    func run() async throws {
        let result = try loadCheckedScenario(file, input: input)
        guard let scenario = result.scenario, let plan = result.plan else { throw ExitCode(ExitStatus.internalError) }
        if let explain {
            guard let text = PlanExplanation.render(explain, scenario, plan) else {
                let hint = closestMatch(to: explain, in: plan.items.map(\.id)).map { " (did you mean '\($0)'?)" } ?? ""
                throw ValidationError("--explain '\(explain)' is not an item of the plan\(hint)")
            }
            writeStandardOutput(text)
            return
        }
        switch format {
        case .md: writeStandardOutput(PlanMarkdown.render(scenario, plan))
        case .csv: writeStandardOutput(PlanCSV.render(plan))
        case .json: writeStandardOutput(PlanJSON.render(scenario, plan))
        case .mermaid: writeStandardOutput(PlanMermaid.render(scenario, plan))
        case .ics: writeStandardOutput(PlanICS.render(scenario, plan))
        case .tjp: writeStandardOutput(PlanTJP.render(scenario, plan))
        case .mspdi: writeStandardOutput(PlanMSPDI.render(scenario, plan))
        }
    }
}
