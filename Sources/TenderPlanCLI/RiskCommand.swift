import ArgumentParser
import Foundation
import TenderPlanCore
import TenderPlanReports

/// `tenderplan risk FILE`
struct RiskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Simulate the plan and costs many times to see how likely each date and amount is.",
        discussion: """
        Draws every three-point estimate (PERT, or triangular where the estimate says so), every risk event (its chance, its delay, its cost) and every cost line's uncertainty; reschedules and recosts each draw with the real planner (leveling and freezes included) and reports P10/P50/P80/P90 of the dates and costs, how often each item is critical, which inputs drive the finish and the cost, and the chance of meeting each deadline. The same seed gives the same output for any --threads.

        Example:
          tenderplan risk Scenarios/nms-staged.yaml --seed 1
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, json
    }

    @Argument(help: ArgumentHelp("The scenario file.", valueName: "file"))
    var file: String

    @Option(help: "Output format: md or json (json adds the S-curve data).")
    var format: Format = .md


    @Option(help: "Seed of the random draws; the same seed gives the same result.")
    var seed: UInt64 = 1


    @OptionGroup var simulation: SimulationOptions

    @OptionGroup var input: InputOptions

    func run() async throws {
        let result = try loadCheckedScenario(file, input: input)
        guard let scenario = result.scenario, let plan = result.plan, let fitGap = result.fitGap, let costs = result.costs else {
            throw ExitCode(ExitStatus.internalError)
        }
        let risk = await simulateRisk(scenario: scenario, fitGap: fitGap, plan: plan, iterations: simulation.iterations, seed: seed, threads: simulation.threads)
        switch format {
        case .md: writeStandardOutput(RiskMarkdown.render(scenario, risk, deterministic: plan, currency: costs.currency))
        case .json: writeStandardOutput(RiskJSON.render(scenario, risk, order: plan.ordered.map(\.id)))
        }
    }
}

/// Runs the Monte Carlo simulation with a progress line on stderr when it is a terminal.
func simulateRisk(scenario: Scenario, fitGap: FitGapResult, plan: PlanResult, iterations: Int, seed: UInt64, threads: Int?) async -> RiskResult {
    let simulation = RiskSimulation(scenario: scenario, fitGap: fitGap, plan: plan)
    let onTerminal = isatty(STDERR_FILENO) == 1
    var progress: (@Sendable (Int) -> Void)?
    if onTerminal {
        progress = { @Sendable (done: Int) in writeStandardError("\r  risk: iteration \(done) of \(iterations)…") }
    }
    let risk = await simulation.run(iterations: iterations, seed: seed, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                                    progress: progress)
    if onTerminal { writeStandardError("\r\u{1B}[K") }
    return risk
}

/// The risk simulation's size and parallelism, shared by risk, report and compare.
struct SimulationOptions: ParsableArguments {
    @Option(help: "Iterations of the risk simulation (1 to 1,000,000).")
    var iterations = 10_000

    @Option(help: "Threads to run on (default: the number of cores). Does not change the result.")
    var threads: Int?

    func validate() throws {
        guard (1...1_000_000).contains(iterations) else { throw ValidationError("--iterations must be between 1 and 1,000,000; found \(iterations)") }
        if let threads, !(1...256).contains(threads) { throw ValidationError("--threads must be between 1 and 256; found \(threads)") }
    }
}
