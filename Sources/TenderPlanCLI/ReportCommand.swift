import ArgumentParser
import Foundation
import TenderPlanCore
import TenderPlanReports

/// The report language as a command-line option.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case en, nl
    var language: Language { self == .nl ? .nl : .en }
}

/// `tenderplan report FILE… [--output reports]`
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write each scenario's report bundle: the board report (HTML, Markdown), an Excel workbook, every table as CSV and JSON.",
        discussion: """
        For each scenario it runs everything (fit and award, milestone plan, costs, the risk simulation and the governance gates) and writes OUTPUT/<scenario id>/:

          index.html     the board report, one self-contained page with charts
          report.md      the same report in Markdown
          workbook.xlsx  sheets Fit-gap, Fit, Options, Bids, Plan, Costs and Risk
          *.csv, *.json  every table, for other tools
          plan.mmd       the plan as a Mermaid Gantt chart
          plan.ics       the plan's dates for a calendar

        The bundle is written into a temporary folder and swapped into place at the end, so a failed or interrupted run leaves the previous bundle as it was. The same scenario, options and seed give the same bytes.

        The report's language is the scenario's `language:` unless --language says otherwise. --templates DIR takes report templates (Mustache) from DIR instead of the built-in ones; copy Templates/ from the repository to start.

        Exit status: 0 written; 1 a scenario has errors (nothing written for it) or a governance gate is not met (the bundle is written and shows it); 2 wrong usage; 65/66 as for validate; 73 the output folder cannot be written.

        Example:
          tenderplan report Scenarios/nms-staged.yaml
        """
    )

    @Argument(help: ArgumentHelp("Scenario files.", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("Folder to write the bundles into, one subfolder per scenario.", valueName: "dir"))
    var output = "reports"

    @Option(help: "Report language: en or nl (default: the scenario's language).")
    var language: LanguageOption?

    @Option(help: ArgumentHelp("Folder with report templates that replace the built-in ones.", valueName: "dir"))
    var templates: String?

    @Option(help: "Seed of the risk simulation; the same seed gives the same report.")
    var seed: UInt64 = 1



    @OptionGroup var simulation: SimulationOptions

    @OptionGroup var input: InputOptions

    func run() async throws {
        let reportTemplates = try loadTemplates(templates)
        let limits = try input.limits()
        var code: Int32 = 0
        var written: [String: String] = [:]
        for path in files {
            let file = ScenarioFile.check(path: path, limits: limits)
            guard let checked = await checkForReport(file, seed: seed, iterations: simulation.iterations, threads: simulation.threads) else {
                code = max(code, file.exitCode == 0 ? ExitStatus.internalError : file.exitCode)
                continue
            }
            let id = checked.input.results.scenario.info.id.raw
            if let other = written[id] {
                writeStandardError("\(path): error: scenario id '\(id)' was already written from \(other); give each scenario its own id\n")
                code = max(code, ExitStatus.scenarioErrors)
                continue
            }
            let language = language?.language ?? checked.input.results.scenario.info.language
            let bundle = try ReportBundle.files(checked.input, language: language, templates: reportTemplates)
            let target = (output as NSString).appendingPathComponent(id)
            do {
                try BundleWriter.write(bundle, to: target)
            } catch {
                writeStandardError("\(error)\n")
                throw ExitCode(ExitStatus.cannotWrite)
            }
            written[id] = path
            writeStandardOutput("wrote \(target)/ (\(bundle.count) files)\(checked.gatesFailed ? ", governance gates not met" : "")\n")
            if checked.gatesFailed { code = max(code, ExitStatus.scenarioErrors) }
        }
        if code != 0 { throw ExitCode(code) }
    }
}

/// The built-in templates, or those of `--templates DIR` in their place.
func loadTemplates(_ directory: String?) throws -> ReportTemplates {
    guard let directory else { return ReportTemplates.builtIn }
    do {
        return try ReportTemplates.load(directory: directory)
    } catch {
        writeStandardError("\(error)\n")
        throw ExitCode(ExitStatus.scenarioErrors)
    }
}

/// A scenario with everything a report needs: results, risk and the gates' verdicts.
struct CheckedScenario {
    var input: ReportBundle.Input
    var gatesFailed: Bool
}

/// Prints the file's diagnostics; for a sound scenario runs the risk simulation and the gates.
/// Nil when the scenario has errors.
func checkForReport(_ file: ScenarioFile, seed: UInt64?, iterations: Int, threads: Int?) async -> CheckedScenario? {
    if let why = file.openError {
        writeStandardError("\(file.path): error: cannot open the scenario file: \(why)\n")
        return nil
    }
    guard let result = file.result else { return nil }
    var printer = DiagnosticPrinter.forStandardError()
    writeStandardError(result.diagnostics.map { printer.render($0, sources: result.sources) }.joined())
    guard file.exitCode == 0, let scenario = result.scenario, let fitGap = result.fitGap, let plan = result.plan, let costs = result.costs else {
        return nil
    }
    var risk: RiskResult?
    if let seed {
        risk = await simulateRisk(scenario: scenario, fitGap: fitGap, plan: plan, iterations: iterations, seed: seed, threads: threads)
    }
    let gates = GateCheck.evaluate(scenario, fitGap: fitGap, plan: plan, costs: costs, risk: risk)
    writeStandardError(gates.map { printer.render($0, sources: result.sources) }.joined())
    let findings = (result.diagnostics + gates).sorted()
    let results = ScenarioResults(scenario: scenario, fitGap: fitGap, plan: plan, costs: costs, risk: risk)
    return CheckedScenario(input: ReportBundle.Input(results: results, findings: findings, source: file.path),
                           gatesFailed: gates.contains { $0.severity == .error })
}
