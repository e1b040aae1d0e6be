import ArgumentParser
import Foundation
import TenderPlanReports

/// `tenderplan init [DIR]`
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new scenario: a documented starter file that validates and plans as it is.",
        discussion: """
        Writes scenario.yaml (every section of the format, each key explained in a comment) and tenderplan.schema.json (for completion in your editor) into DIR, which is created when missing. Existing files are never overwritten.

        Example:
          tenderplan init my-programme && tenderplan plan my-programme/scenario.yaml
        """
    )

    enum ReportLanguage: String, ExpressibleByArgument, CaseIterable {
        case en, nl
    }

    @Argument(help: ArgumentHelp("Folder to write into (default: the current folder).", valueName: "dir"))
    var directory: String = "."

    @Option(help: "Language of the reports (scenario.language): en or nl.")
    var language: ReportLanguage = .en

    func run() throws {
        let folder = URL(fileURLWithPath: directory)
        let files = [("scenario.yaml", StarterScenario.text(language: language.rawValue)), ("tenderplan.schema.json", ScenarioSchema.render())]
        for (name, _) in files where FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
            writeStandardError("\(directory)/\(name): error: the file exists; init never overwrites (choose another folder)\n")
            throw ExitCode(ExitStatus.scenarioErrors)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in files {
                try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        } catch {
            writeStandardError("\(directory): error: cannot write the starter files: \(error.localizedDescription)\n")
            throw ExitCode(ExitStatus.cannotOpen)
        }
        let path = directory == "." ? "scenario.yaml" : "\(directory)/scenario.yaml"
        writeStandardOutput("""
        Wrote \(path) and the editor schema next to it. Next:
          tenderplan validate \(path)
          tenderplan fitgap \(path)
          tenderplan plan \(path)
          tenderplan costs \(path)

        """)
    }
}
