import ArgumentParser
import Foundation

/// Runs the command line and exits with the documented codes (usage errors are 2, not 64).
public enum TenderPlanMain {
    public static func run(_ arguments: [String]? = nil) async -> Never {
        // Past a file size limit a write fails with EFBIG (reported, exit 74 or 73) instead of killing the process.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try TenderPlanCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(0)
        } catch {
            let code = TenderPlanCommand.exitCode(for: error)
            if code == .validationFailure {
                writeStandardError(TenderPlanCommand.fullMessage(for: error) + "\n")
                exit(ExitStatus.usage)
            }
            TenderPlanCommand.exit(withError: error)
        }
    }
}

/// The exit codes of DESIGN.md.
public enum ExitStatus {
    public static let ok: Int32 = 0
    public static let scenarioErrors: Int32 = 1
    public static let usage: Int32 = 2
    public static let unreadable: Int32 = 65
    public static let cannotOpen: Int32 = 66
    public static let internalError: Int32 = 70
    /// An output folder or file cannot be written (sysexits' EX_CANTCREAT).
    public static let cannotWrite: Int32 = 73
    /// Standard output cannot be written (sysexits' EX_IOERR).
    public static let cannotWriteOutput: Int32 = 74
}

/// `tenderplan`: the root command.
public struct TenderPlanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tenderplan",
        abstract: "Plan the procurement and staged rollout of a shared IT system across agencies.",
        discussion: """
        TenderPlan reads a scenario (a YAML file describing agencies, sites, requirements, candidate products, tenders, go-lives, costs and risks) and checks it, scores the products and awards, plans the tenders and go-lives, projects the costs and simulates the risks. Every number can be traced back: see Docs/ and --explain.

        Start a new scenario:    tenderplan init my-programme
        Check one:               tenderplan validate Scenarios/tutorial.yaml
        The board report:        tenderplan report Scenarios/nms-staged.yaml
        Shell completion:        tenderplan --generate-completion-script bash
        """,
        version: "0.1.0",
        subcommands: [ValidateCommand.self, FitGapCommand.self, PlanCommand.self, CostsCommand.self, RiskCommand.self, ReportCommand.self, CompareCommand.self, SchemaCommand.self, InitCommand.self]
    )

    public init() {}
}
