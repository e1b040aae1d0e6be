import ArgumentParser
import Foundation
import TenderPlanCore
import TenderPlanReports

/// `tenderplan compare A B…`
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Put scenarios side by side: key dates, costs per year and in total, the legacy extension, fit per agency and knock-outs.",
        discussion: """
        The first scenario is the baseline: for each other scenario the comparison shows its difference (Δ) against the first, in days or money. With --seed it also runs the risk simulation of each scenario and adds the P50 and P80 last go-live and the P80 legacy extension cost.

        With --output DIR it writes compare.md, compare.html and compare.json into DIR (swapped into place at the end, like report); otherwise it prints the --format to standard output.

        Example:
          tenderplan compare Scenarios/nms-staged.yaml Scenarios/nms-single-tender.yaml --seed 1
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, json, html
    }

    @Argument(help: ArgumentHelp("Two or more scenario files; the first is the baseline.", valueName: "file"))
    var files: [String]

    @Option(help: "Output format: md, json or html.")
    var format: Format = .md

    @Option(help: ArgumentHelp("Write compare.md, compare.html and compare.json into this folder instead.", valueName: "dir"))
    var output: String?

    @Option(help: "Language of md and html: en or nl (default: the first scenario's language).")
    var language: LanguageOption?

    @Option(help: ArgumentHelp("Folder with report templates that replace the built-in ones.", valueName: "dir"))
    var templates: String?

    @Option(help: "Run the risk simulation with this seed and add P50/P80 figures.")
    var seed: UInt64?



    @OptionGroup var simulation: SimulationOptions

    @OptionGroup var input: InputOptions

    func validate() throws {
        guard files.count >= 2 else { throw ValidationError("compare needs at least two scenario files; found \(files.count)") }
    }

    func run() async throws {
        let reportTemplates = try loadTemplates(templates)
        let limits = try input.limits()
        var inputs: [ScenarioResults] = []
        var code: Int32 = 0
        for path in files {
            let file = ScenarioFile.check(path: path, limits: limits)
            guard let checked = await checkForReport(file, seed: seed, iterations: simulation.iterations, threads: simulation.threads) else {
                code = max(code, file.exitCode == 0 ? ExitStatus.internalError : file.exitCode)
                continue
            }
            inputs.append(checked.input.results)
        }
        // Nothing is compared unless every scenario could be computed.
        if code != 0 { throw ExitCode(code) }
        let comparison = ScenarioComparison(inputs)
        let first = inputs[0].scenario
        let chosen = language?.language ?? first.info.language
        func view(_ escape: @escaping (String) -> String) -> CompareView {
            CompareView(comparison, inputs: inputs, language: chosen, currency: first.info.currency, escape: escape)
        }
        let markdown = { reportTemplates.render(view(markdownCell), template: "compare.md") }
        let html = { reportTemplates.render(view { $0 }, template: "compare.html") }
        if let output {
            let files = [("compare.md", markdown()), ("compare.html", html()), ("compare.json", CompareJSON.render(comparison))]
            do {
                try BundleWriter.write(files.map { (name: $0.0, data: Data($0.1.utf8)) }, to: output)
            } catch {
                writeStandardError("\(error)\n")
                throw ExitCode(ExitStatus.cannotWrite)
            }
            writeStandardOutput("wrote \(output)/ (\(files.count) files)\n")
            return
        }
        switch format {
        case .md: writeStandardOutput(markdown())
        case .html: writeStandardOutput(html())
        case .json: writeStandardOutput(CompareJSON.render(comparison))
        }
    }
}
