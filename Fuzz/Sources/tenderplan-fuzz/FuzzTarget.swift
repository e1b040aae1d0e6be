import Foundation
import TenderPlanCore
import TenderPlanReports

// libFuzzer calls this once per input: the bytes are a scenario file. It runs the pipeline a user runs —
// load, validate, fit-gap, plan (with the delay test's exact slack), costs, and for a sound scenario a short
// risk simulation and every file of the report bundle in both languages — and stops the run (a crash
// libFuzzer records with its input) when a diagnostic has no position in a file the run read, when a sound
// scenario lacks a result the commands print, or when the bundle cannot be rendered. Crashes, traps and
// hangs (libFuzzer's -timeout) are caught by libFuzzer itself.
//
// Includes are read from the folder in TENDERPLAN_FUZZ_INCLUDES (Fuzz/run.sh sets it to Scenarios/),
// read once at start-up, so `include: [include/requirements.yaml]` works as it does in the bundled scenarios.

/// The include files, read once.
struct CorpusIncludes: IncludeReader {
    let files: [String: [UInt8]]

    static let shared: CorpusIncludes = {
        var files: [String: [UInt8]] = [:]
        guard let root = ProcessInfo.processInfo.environment["TENDERPLAN_FUZZ_INCLUDES"] else { return CorpusIncludes(files: [:]) }
        let base = URL(fileURLWithPath: root)
        for name in (FileManager.default.subpaths(atPath: root) ?? []).sorted() where name.hasSuffix(".yaml") {
            if let data = FileManager.default.contents(atPath: base.appendingPathComponent(name).path) { files[name] = [UInt8](data) }
        }
        return CorpusIncludes(files: files)
    }()

    func readInclude(_ name: String, from parentPath: String) -> IncludeReadResult {
        guard let bytes = files[name] else { return .notFound("no such file") }
        return .success(path: name, identity: name, bytes: bytes)
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("tenderplan-fuzz: " + message + "\n").utf8))
    abort()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let loader = ScenarioLoader(includeReader: CorpusIncludes.shared, exactSlack: true)
    let result = loader.check(path: "fuzz.yaml", bytes: bytes, identity: "fuzz.yaml")
    for diagnostic in result.diagnostics {
        let location = diagnostic.location
        let known = location.path == "fuzz.yaml" || result.sources[location.path] != nil
        if !known || location.line < 1 || location.column < 1 {
            fail("unlocated diagnostic \(location.path):\(location.line):\(location.column): \(diagnostic.message)")
        }
        if diagnostic.message.isEmpty { fail("empty message at \(location)") }
    }
    if result.hasErrors { return 0 }
    guard let scenario = result.scenario, let fitGap = result.fitGap, let plan = result.plan, let costs = result.costs else {
        fail("a sound scenario without a result (the CLI would exit 70)")
    }
    let risk = RiskSimulation(scenario: scenario, fitGap: fitGap, plan: plan).run(iterations: 3, seed: UInt64(size))
    let results = ScenarioResults(scenario: scenario, fitGap: fitGap, plan: plan, costs: costs, risk: risk)
    let bundle = ReportBundle.Input(results: results, findings: result.diagnostics, source: "fuzz.yaml")
    for language in [Language.en, .nl] {
        do {
            _ = try ReportBundle.files(bundle, language: language, templates: .builtIn)
        } catch {
            fail("the report bundle of a sound scenario failed: \(error)")
        }
    }
    return 0
}
