import ArgumentParser
import Foundation
import TenderPlanCore
import TenderPlanReports

/// `tenderplan fitgap FILE`
struct FitGapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fitgap",
        abstract: "Show how well each candidate product fits each agency, the buying options and the tender awards.",
        discussion: """
        Prints, for a scenario:
          - the fit of every product for every agency (1 = every requirement at standard level), with knock-outs: must-haves a product does not cover at all;
          - three buying options: one product for all, the best product per agency, and the tenders as planned, each with its seat-weighted fit, knock-outs and price;
          - each tender's bids (quality, price, score, rank), the winner, and the quality weight at which the winner would change;
          - the requirement × product matrix, grouped by area, must-haves first.

        --agency and --area narrow what is shown; the fits are always computed over all requirements. CSV prints one table (--table); JSON follows the documented contract.

        Example:
          tenderplan fitgap Scenarios/nms-staged.yaml --agency ambulance
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, csv, json, html
    }

    @Argument(help: ArgumentHelp("The scenario file.", valueName: "file"))
    var file: String

    @Option(help: "Output format: md, csv, json or html.")
    var format: Format = .md

    @Option(help: ArgumentHelp("With --format csv: which table (matrix, fit, options, bids).", valueName: "table"))
    var table: String = "matrix"

    @Option(name: .customLong("agency"), help: ArgumentHelp("Show only this agency (repeatable).", valueName: "id"))
    var agencies: [String] = []

    @Option(name: .customLong("area"), help: ArgumentHelp("Show only requirements of this area (repeatable).", valueName: "name"))
    var areas: [String] = []

    @OptionGroup var input: InputOptions

    func validate() throws {
        guard FitGapTable(rawValue: table) != nil else {
            throw ValidationError("--table must be one of \(FitGapTable.allCases.map(\.rawValue).joined(separator: ", ")); found '\(table)'")
        }
    }

    func run() async throws {
        let result = try loadCheckedScenario(file, input: input, exactSlack: false)
        guard let scenario = result.scenario, let fitGap = result.fitGap else { throw ExitCode(ExitStatus.internalError) }
        let known = Set(scenario.agencies.map(\.id.raw))
        for agency in agencies where !known.contains(agency) {
            let hint = closestMatch(to: agency, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("--agency '\(agency)' is not an agency of the scenario\(hint)")
        }
        let knownAreas = Set(scenario.requirements.map(\.area))
        for area in areas where !knownAreas.contains(area) {
            let hint = closestMatch(to: area, in: knownAreas).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("--area '\(area)' is not an area of the scenario's requirements\(hint)")
        }
        let view = FitGapView(scenario: scenario, result: fitGap,
                              filter: .init(agencies: agencies.map { Identifier($0) }, areas: areas))
        switch format {
        case .md: writeStandardOutput(FitGapMarkdown.render(view))
        case .json: writeStandardOutput(FitGapJSON.render(view))
        case .html: writeStandardOutput(FitGapHTML.render(view))
        case .csv: writeStandardOutput(FitGapTable(rawValue: table)!.csv(view))
        }
    }
}

/// Loads and checks one scenario for a report command: diagnostics go to standard error;
/// errors end the command with the exit code `validate` would give. Commands that show no slack pass
/// `exactSlack: false` (see `ScenarioLoader.exactSlack`).
func loadCheckedScenario(_ path: String, input: InputOptions, exactSlack: Bool = true) throws -> LoadResult {
    let file = ScenarioFile.check(path: path, limits: try input.limits(), exactSlack: exactSlack)
    if let why = file.openError {
        writeStandardError("\(path): error: cannot open the scenario file: \(why)\n")
        throw ExitCode(ExitStatus.cannotOpen)
    }
    guard let result = file.result else { throw ExitCode(ExitStatus.internalError) }
    var printer = DiagnosticPrinter.forStandardError()
    writeStandardError(result.diagnostics.map { printer.render($0, sources: result.sources) }.joined())
    if file.exitCode != 0 { throw ExitCode(file.exitCode) }
    return result
}
