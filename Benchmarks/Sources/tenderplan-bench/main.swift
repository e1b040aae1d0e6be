import Foundation
import TenderPlanCore
import TenderPlanReports
import YAMLSource

// tenderplan-bench generate MB FILE    write a synthetic scenario of about MB megabytes
// tenderplan-bench load FILE [RUNS]    time: bare libyaml events, node tree, load + validate
// tenderplan-bench peak MODE FILE      one run of MODE (events | tree | load | check), then print peak RSS
// tenderplan-bench fitgap FILE [RUNS]  time the fit-gap analysis and its JSON on a loaded scenario
// tenderplan-bench network N FILE [working] [--estimates]  write a layered N-task network (mixed units and lags;
//                                      `working`: d only; `--estimates`: a three-point estimate on every fifth task)
// tenderplan-bench chain N FILE        write a chain of N one-calendar-day tasks (100,000 end in 2298)
// tenderplan-bench plan FILE [RUNS]    time the scheduler on a loaded scenario
// tenderplan-bench risk FILE N T       time N risk iterations on T threads
// tenderplan-bench risk-isolated FILE N  two separately loaded simulations on two threads (a scaling probe)

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in KiB on Linux
}

func readBytes(_ path: String) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        exit(66)
    }
    return [UInt8](data)
}

func best(of runs: Int, _ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var fastest = Double.infinity
    for _ in 0..<runs {
        let elapsed = clock.measure(body)
        fastest = min(fastest, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    return fastest
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: tenderplan-bench generate MB FILE | load FILE [RUNS] | peak events|tree|load|check FILE")
    exit(2)
}

switch arguments[1] {
case "generate":
    guard arguments.count == 4, let megabytes = Double(arguments[2]) else { exit(2) }
    let text = ScaleScenario(targetBytes: Int(megabytes * 1_000_000)).render()
    do {
        try text.write(toFile: arguments[3], atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write("cannot write \(arguments[3]): \(error.localizedDescription)\n".data(using: .utf8)!)
        exit(1)
    }
    print("wrote \(arguments[3]): \(text.utf8.count) bytes")
case "load":
    let bytes = readBytes(arguments[2])
    let runs = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
    let megabytes = Double(bytes.count) / 1_000_000
    var events = 0
    var diagnostics = 0
    // The three steps take turns, so a slow spell of this shared machine hits all of them alike;
    // each figure is the fastest of its runs.
    var bare = Double.infinity, tree = Double.infinity, checked = Double.infinity
    var ratios: [Double] = []
    for _ in 0..<runs {
        let thisBare = best(of: 1) { events = YAMLParser.countEvents(bytes) ?? -1 }
        tree = min(tree, best(of: 1) { _ = try? YAMLParser.parse(bytes) })
        let thisChecked = best(of: 1) {
            let result = ScenarioLoader(includeReader: FolderIncludeReader(), exactSlack: false).check(path: arguments[2], bytes: bytes)
            diagnostics = result.diagnostics.count
        }
        bare = min(bare, thisBare)
        checked = min(checked, thisChecked)
        ratios.append(thisBare / thisChecked)
    }
    let medianRatio = ratios.sorted()[ratios.count / 2]
    print(String(format: "file %.1f MB, %d events, %d diagnostics (best of %d)", megabytes, events, diagnostics, runs))
    print(String(format: "bare libyaml events   %7.3f s  %6.1f MB/s", bare, megabytes / bare))
    print(String(format: "node tree             %7.3f s  %6.1f MB/s", tree, megabytes / tree))
    print(String(format: "load + validate       %7.3f s  %6.1f MB/s  (%.0f%% of bare libyaml; median of the runs' own ratios %.0f%%)",
                 checked, megabytes / checked, 100 * bare / checked, 100 * medianRatio))
    // Where the time of `check` goes: loading the model, then each step it runs on the loaded model.
    let loader = ScenarioLoader(includeReader: FolderIncludeReader(), exactSlack: false)
    var loaded: LoadResult?
    let load = best(of: runs) { loaded = loader.load(path: arguments[2], bytes: bytes) }
    if let scenario = loaded?.scenario {
        let validation = best(of: runs) { _ = ScenarioValidator.validate(scenario) }
        var fitGap: FitGapResult?
        var shared: FitGapAnalysis?
        let analysis = best(of: runs) {
            shared = FitGapAnalysis(scenario)
            fitGap = FitGap.run(scenario, analysis: shared)
        }
        var plan: PlanResult?
        let scheduling = best(of: runs) { plan = Scheduler(scenario).run() }
        // As `check` does it: with the fit-gap analysis already made.
        let costs = best(of: runs) { _ = CostProjection(scenario: scenario, plan: plan!, fitGap: fitGap!, analysis: shared).run() }
        print(String(format: "  of which: load %.3f s, validation %.3f s, fit-gap %.3f s, plan %.3f s, costs %.3f s",
                     load, validation, analysis, scheduling, costs))
    }
case "fitgap":
    let bytes = readBytes(arguments[2])
    let runs = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
    guard let scenario = ScenarioLoader().load(path: arguments[2], bytes: bytes).scenario else { exit(65) }
    var result: FitGapResult?
    let analysis = best(of: runs) { result = FitGap.run(scenario) }
    var json = ""
    let render = best(of: runs) { json = FitGapJSON.render(FitGapView(scenario: scenario, result: result!)) }
    print("\(scenario.requirements.count) requirements × \(scenario.products.count) products × \(scenario.agencies.count) agencies, \(scenario.tenders.count) tenders (best of \(runs))")
    print(String(format: "fit-gap analysis      %7.3f s", analysis))
    print(String(format: "JSON (%.1f MB)        %7.3f s", Double(json.utf8.count) / 1_000_000, render))
case "network":
    guard arguments.count >= 4, let count = Int(arguments[2]) else { exit(2) }
    let options = arguments.dropFirst(4)
    let text = PlanNetworkGenerator(count: count, workingOnly: options.contains("working"), estimates: options.contains("--estimates")).render()
    do {
        try text.write(toFile: arguments[3], atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write("cannot write \(arguments[3]): \(error.localizedDescription)\n".data(using: .utf8)!)
        exit(1)
    }
    print("wrote \(arguments[3]): \(count) tasks")
case "chain":
    guard arguments.count == 4, let count = Int(arguments[2]) else { exit(2) }
    var text = "tenderplan: 1\nscenario: {id: chain, start: 2025-01-06}\ntasks:\n  - {id: t0, duration: 1cd}\n"
    for index in 1..<count { text += "  - {id: t\(index), duration: 1cd, after: [t\(index - 1)]}\n" }
    do {
        try text.write(toFile: arguments[3], atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write("cannot write \(arguments[3]): \(error.localizedDescription)\n".data(using: .utf8)!)
        exit(1)
    }
    print("wrote \(arguments[3]): a chain of \(count) tasks")
case "plan":
    let bytes = readBytes(arguments[2])
    let runs = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
    guard let scenario = ScenarioLoader().load(path: arguments[2], bytes: bytes).scenario else { exit(65) }
    var plan: PlanResult?
    let network = best(of: runs) { _ = PlanNetwork(scenario) }
    let elapsed = best(of: runs) { plan = Scheduler(scenario).run() }
    var jsonBytes = 0, csvBytes = 0
    let json = best(of: runs) { jsonBytes = PlanJSON.render(scenario, plan!).utf8.count }
    let csv = best(of: runs) { csvBytes = PlanCSV.render(plan!).utf8.count }
    print("\(plan!.items.count) items, finish \(plan!.finish) (best of \(runs))")
    print(String(format: "plan JSON             %7.3f s  (%d bytes)", json, jsonBytes))
    print(String(format: "plan CSV              %7.3f s  (%d bytes)", csv, csvBytes))
    print(String(format: "network + calendars   %7.3f s", network))
    print(String(format: "schedule (all)        %7.3f s", elapsed))
case "costs":
    let bytes = readBytes(arguments[2])
    let runs = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
    let result = ScenarioLoader(includeReader: FolderIncludeReader(), exactSlack: false).check(path: arguments[2], bytes: bytes)
    guard let scenario = result.scenario, let plan = result.plan, let fitGap = result.fitGap else { exit(65) }
    let elapsed = best(of: runs) { _ = CostProjection(scenario: scenario, plan: plan, fitGap: fitGap).run() }
    let analysis = FitGapAnalysis(scenario)
    let summary = best(of: runs) { _ = CostProjection(scenario: scenario, plan: plan, fitGap: fitGap, analysis: analysis).summary() }
    let network = plan.network
    let rescheduling = best(of: runs) { _ = Scheduler(scenario, network: network).run() }
    print(String(format: "cost summary          %7.4f s", summary))
    print(String(format: "reschedule            %7.4f s", rescheduling))
    let scheduling = best(of: runs) { _ = Scheduler(scenario).run() }
    print(String(format: "cost projection       %7.4f s", elapsed))
    print(String(format: "schedule              %7.4f s", scheduling))
case "risk":
    let bytes = readBytes(arguments[2])
    let iterations = arguments.count > 3 ? Int(arguments[3]) ?? 1000 : 1000
    let threads = arguments.count > 4 ? Int(arguments[4]) ?? 1 : 1
    let result = ScenarioLoader(includeReader: FolderIncludeReader(), exactSlack: false).check(path: arguments[2], bytes: bytes)
    guard let scenario = result.scenario, let plan = result.plan, let fitGap = result.fitGap else { exit(65) }
    let simulation = RiskSimulation(scenario: scenario, fitGap: fitGap, plan: plan)
    let clock = ContinuousClock()
    var risk: RiskResult?
    let elapsed = await clock.measure { risk = await simulation.run(iterations: iterations, seed: 1, threads: threads) }
    print("\(iterations) iterations on \(threads) threads: \(elapsed), P80 finish \(risk!.finish.p80)")
case "risk-isolated":
    // Two simulations from two separate loads, one per thread: does sharing state limit scaling?
    let bytes = readBytes(arguments[2])
    let iterations = Int(arguments[3]) ?? 5000
    let sims = (0..<2).map { _ -> RiskSimulation in
        let result = ScenarioLoader(includeReader: FolderIncludeReader(), exactSlack: false).check(path: arguments[2], bytes: bytes)
        return RiskSimulation(scenario: result.scenario!, fitGap: result.fitGap!, plan: result.plan!)
    }
    let clock = ContinuousClock()
    let elapsed = await clock.measure {
        await withTaskGroup(of: Void.self) { group in
            for sim in sims { group.addTask { _ = await sim.run(iterations: iterations, seed: 1, threads: 1) } }
        }
    }
    print("2 × \(iterations) iterations, isolated, in parallel: \(elapsed)")
case "peak":
    guard arguments.count == 4 else { exit(2) }
    let bytes = readBytes(arguments[3])
    switch arguments[2] {
    case "events": _ = YAMLParser.countEvents(bytes)
    case "tree": _ = try? YAMLParser.parse(bytes)
    case "load": _ = ScenarioLoader().load(path: arguments[3], bytes: bytes).diagnostics.count
    default: _ = ScenarioLoader(exactSlack: false).check(path: arguments[3], bytes: bytes).diagnostics.count
    }
    print(String(format: "%@ peak RSS %.1f MB for a %.1f MB file (%.1f×)", arguments[2], peakResidentMegabytes(),
                 Double(bytes.count) / 1_000_000, peakResidentMegabytes() / (Double(bytes.count) / 1_000_000)))
default:
    exit(2)
}
