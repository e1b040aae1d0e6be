import ArgumentParser
import Foundation
import TenderPlanCore
import TenderPlanReports

/// `tenderplan validate FILE…`
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files and list every problem with its file, line and column.",
        discussion: """
        Reads each scenario (and the files it includes), checks every key, value and reference, and prints all problems at once, in file order. Nothing is written.

        With --check it also evaluates the governance gates of the scenario's `expect:` list (a failed gate is an error at its line); --seed runs the risk simulation for P80 gates.

        Exit status: 0 valid (warnings allowed), 1 the scenario has errors, 2 wrong usage, 65 the file cannot be read as YAML (syntax, encoding, a limit), 66 a file cannot be opened. With several files, the highest.

        Example:
          tenderplan validate Scenarios/nms-staged.yaml
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("Scenario files to check.", valueName: "file"))
    var files: [String]

    @Option(help: "Output format: text (for people) or json (for tools).")
    var format: Format = .text

    @Flag(help: "Also evaluate the scenario's governance gates (expect:); a failed gate is an error.")
    var check = false

    @Option(help: "With --check: run the risk simulation with this seed, to evaluate P80 gates.")
    var seed: UInt64?

    @Option(help: "With --check and --seed: iterations of the risk simulation.")
    var iterations = 10_000

    @OptionGroup var input: InputOptions

    func validate() throws {
        guard (1...1_000_000).contains(iterations) else { throw ValidationError("--iterations must be between 1 and 1,000,000; found \(iterations)") }
    }

    func run() async throws {
        let limits = try input.limits()
        var checked = files.map { ScenarioFile.check(path: $0, limits: limits, exactSlack: false) }
        if check {
            for index in checked.indices { await evaluateGates(&checked[index]) }
        }
        switch format {
        case .text: printText(checked)
        case .json: writeStandardOutput(json(checked).rendered())
        }
        let code = checked.map(\.exitCode).max() ?? 0
        if code != 0 { throw ExitCode(code) }
    }

    /// Adds the gates' verdicts to a file's diagnostics (only when everything before them is sound).
    private func evaluateGates(_ file: inout ScenarioFile) async {
        guard var result = file.result, !result.hasErrors, let scenario = result.scenario, let fitGap = result.fitGap,
              let plan = result.plan, let costs = result.costs, !scenario.gates.isEmpty else { return }
        var risk: RiskResult?
        let needsRisk = scenario.gates.contains { if case .p80 = $0.kind { return true } else { return false } }
        if needsRisk, let seed {
            risk = await RiskSimulation(scenario: scenario, fitGap: fitGap, plan: plan)
                .run(iterations: iterations, seed: seed, threads: ProcessInfo.processInfo.activeProcessorCount)
        }
        result.diagnostics = (result.diagnostics + GateCheck.evaluate(scenario, fitGap: fitGap, plan: plan, costs: costs, risk: risk)).sorted()
        file = ScenarioFile(path: file.path, result: result, openError: file.openError)
    }

    private func printText(_ checked: [ScenarioFile]) {
        var printer = DiagnosticPrinter.forStandardError()
        var errors = 0, warnings = 0
        for file in checked {
            if let why = file.openError {
                writeStandardError("\(file.path): error: cannot open the scenario file: \(why)\n")
                errors += 1
                continue
            }
            guard let result = file.result else { continue }
            var text = ""
            for diagnostic in result.diagnostics {
                text += printer.render(diagnostic, sources: result.sources)
                if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
            }
            writeStandardError(text)
        }
        let summary = "\(plural(checked.count, "file")) checked: \(plural(errors, "error")), \(plural(warnings, "warning"))"
        writeStandardOutput(errors == 0 ? "✓ \(summary)\n" : "✗ \(summary)\n")
    }

    private func json(_ checked: [ScenarioFile]) -> JSONValue {
        var errors = 0, warnings = 0
        let files: [JSONValue] = checked.map { file in
            var diagnostics: [JSONValue] = []
            if let why = file.openError {
                errors += 1
                diagnostics.append(.object([
                    "severity": .string("error"), "code": .string("cannot-open"), "message": .string("cannot open the scenario file: \(why)"),
                    "path": .string(file.path), "line": .null, "column": .null, "notes": .array([]),
                ]))
            }
            for diagnostic in file.result?.diagnostics ?? [] {
                if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
                diagnostics.append(.object([
                    "severity": .string(diagnostic.severity.rawValue), "code": .string(diagnostic.code.rawValue),
                    "message": .string(diagnostic.message), "path": .string(diagnostic.location.path),
                    "line": .int(diagnostic.location.line), "column": .int(diagnostic.location.column),
                    "notes": .array(diagnostic.notes.map { note in
                        .object([
                            "message": .string(note.message), "path": .optional(note.location?.path),
                            "line": note.location.map { .int($0.line) } ?? .null,
                            "column": note.location.map { .int($0.column) } ?? .null,
                        ])
                    }),
                ]))
            }
            return .object(["path": .string(file.path), "diagnostics": .array(diagnostics)])
        }
        return .object(["files": .array(files), "errors": .int(errors), "warnings": .int(warnings)])
    }
}

func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
}
