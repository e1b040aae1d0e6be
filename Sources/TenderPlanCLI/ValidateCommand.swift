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
        Reads each scenario (and the files it includes), checks every key, value and
        reference, and prints all problems at once, in file order. Nothing is written.

        Exit status: 0 valid (warnings allowed), 1 the scenario has errors, 2 wrong usage,
        65 the file cannot be read as YAML (syntax, encoding, a limit), 66 a file cannot
        be opened. With several files, the highest.

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

    @OptionGroup var input: InputOptions

    func run() async throws {
        let limits = try input.limits()
        let checked = files.map { ScenarioFile.check(path: $0, limits: limits) }
        switch format {
        case .text: printText(checked)
        case .json: writeStandardOutput(json(checked).rendered())
        }
        let code = checked.map(\.exitCode).max() ?? 0
        if code != 0 { throw ExitCode(code) }
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
