import ArgumentParser
import Foundation
import TenderPlanCore
import TenderPlanReports

/// `tenderplan costs FILE`
struct CostsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costs",
        abstract: "Project the costs year by year: products, the legacy system, coexistence, benefits and NPV.",
        discussion: """
        Charges every cost line of the products the plan uses and of the legacy systems on the days the plan makes them active (licences per live seat from each cutover, the legacy system until its computed retirement), from base_year to the horizon. Shows real (base-year) money, or nominal money with --nominal; the net present value; what keeping the legacy system past its planned retirement costs, also with the retirement 6, 12 and 24 months later; and the savings gap against the target.

        Example:
          tenderplan costs Scenarios/nms-staged.yaml --nominal
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, csv, json
    }

    @Argument(help: ArgumentHelp("The scenario file.", valueName: "file"))
    var file: String

    @Option(help: "Output format: md, csv or json (json has both real and nominal figures).")
    var format: Format = .md

    @Flag(help: "Show nominal money (indexed by the scenario's price_index) instead of real base-year money.")
    var nominal = false

    @OptionGroup var input: InputOptions

    func run() async throws {
        let result = try loadCheckedScenario(file, input: input, exactSlack: false)
        guard let scenario = result.scenario, let costs = result.costs else { throw ExitCode(ExitStatus.internalError) }
        switch format {
        case .md: writeStandardOutput(CostsMarkdown.render(scenario, costs, nominal: nominal))
        case .csv: writeStandardOutput(CostsCSV.render(costs, nominal: nominal))
        case .json: writeStandardOutput(CostsJSON.render(scenario, costs))
        }
    }
}
