import Foundation
import Testing
import TenderPlanCore
@testable import TenderPlanCLI
@testable import TenderPlanReports
import YAMLSource

// A structure-aware fuzz harness: it parses the bundled scenarios (and the `init` starter) into node
// trees, damages them the way hand edits and broken tools do — deleted keys, swapped types, random
// ids, broken references, extreme numbers, cycles, huge lists, garbage text, deep nesting — writes
// them back as YAML and runs the whole pipeline on each. It asserts: no crash or trap (the test
// process would die), no hang (a time limit per case), the exit class is 0, 1 or 65 (never an
// internal error), and every diagnostic points into a file the run read. Sound mutants also go
// through the risk simulation and the report renderers.
//
// CI runs 10,000 cases with a fixed seed. More locally:
//   TENDERPLAN_FUZZ_CASES=200000 TENDERPLAN_FUZZ_SEED=7 swift test --disable-xctest --filter FuzzTests

/// Writes a node tree back as YAML: block mappings and sequences, flow style inside sequences.
enum YAMLWriter {
    static func write(_ node: YAMLNode) -> String {
        var out = ""
        block(node, indent: 0, into: &out)
        return out
    }

    private static func block(_ node: YAMLNode, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch node.content {
        case .mapping(let pairs) where !pairs.isEmpty:
            for pair in pairs {
                out += pad + flow(pair.key) + ":"
                if case .scalar = pair.value.content { out += " " + flow(pair.value) + "\n" } else if isEmpty(pair.value) {
                    out += " " + flow(pair.value) + "\n"
                } else {
                    out += "\n"
                    block(pair.value, indent: indent + 2, into: &out)
                }
            }
        case .sequence(let items) where !items.isEmpty:
            for item in items { out += pad + "- " + flow(item) + "\n" }
        default:
            out += pad + flow(node) + "\n"
        }
    }

    private static func isEmpty(_ node: YAMLNode) -> Bool {
        switch node.content {
        case .mapping(let pairs): return pairs.isEmpty
        case .sequence(let items): return items.isEmpty
        case .scalar, .converted: return false
        }
    }

    static func flow(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let text, let style): return scalar(text, quoted: style.isQuoted || node.tag == .string)
        case .sequence(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .mapping(let pairs): return "{" + pairs.map { flow($0.key) + ": " + flow($0.value) }.joined(separator: ", ") + "}"
        case .converted: return "{}"  // only with a converter, which the corpus is parsed without
        }
    }

    static func scalar(_ text: String, quoted: Bool) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value >= 0x41 && scalar.value <= 0x5A)
                || (scalar.value >= 0x61 && scalar.value <= 0x7A) || "._-+/%".unicodeScalars.contains(scalar) || scalar == " "
        } && !text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.hasPrefix("-")
        if !quoted && (safe || text == "-1" || (text.hasPrefix("-") && Double(text) != nil)) { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar.value == 0xFEFF {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Structure-aware damage to a node tree, driven by one seed.
struct TreeMutator {
    var random: SplitMix64
    /// Every scalar of the tree, to borrow ids and values from.
    let scalars: [String]

    init(seed: UInt64, tree: YAMLNode) {
        random = SplitMix64(state: seed)
        var found: [String] = []
        func collect(_ node: YAMLNode) {
            switch node.content {
            case .scalar(let text, _): found.append(text)
            case .sequence(let items): items.forEach(collect)
            case .mapping(let pairs): pairs.forEach { collect($0.key); collect($0.value) }
            case .converted: break
            }
        }
        collect(tree)
        scalars = found.isEmpty ? ["x"] : found
    }

    static let extremes = ["0", "-1", "-0", "1e308", "-1e308", "99999999999999999999999999999", "1.2bn", "999999999bn", "9999999999999999999M",
                           "0.000000000000000001", "NaN", ".nan", ".inf", "-.inf", "2147483648d", "99999y", "-5d", "0d", "1000000000cw",
                           "9999-12-31", "0001-01-01", "1970-01-01", "2400-01-01", "2024-02-30", "100%", "1000%", "-5%", "1e-400",
                           "4_5_0_0", "1,5", "~", "null", "true", "on", "", " ", "--", "<script>", "=1+1"]

    mutating func chance(_ n: Int) -> Bool { Int.random(in: 0..<n, using: &random) == 0 }

    mutating func someScalar() -> YAMLNode.Content {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return .scalar(TreeMutator.extremes.randomElement(using: &random)!, .plain)
        case 1: return .scalar(scalars.randomElement(using: &random)!, .plain)
        case 2: return .scalar("id-" + String(UInt32.random(in: 0...UInt32.max, using: &random), radix: 36), .plain)
        case 3:
            let garbage = (0..<Int.random(in: 1...12, using: &random)).map { _ in
                Character(UnicodeScalar([0x01, 0x7F, 0x85, 0xA0, 0x2028, 0xFEFF, 0x1F600, 0x5317, 0x3A, 0x23, 0x26, 0x2A][Int.random(in: 0..<12, using: &random)])!)
            }
            return .scalar(String(garbage), .doubleQuoted)
        default: return .scalar(scalars.randomElement(using: &random)! + scalars.randomElement(using: &random)!, .plain)
        }
    }

    /// A value of the same kind but another size — a date moved, a duration or an amount scaled —
    /// so that many mutants stay sound and exercise the engines with unusual numbers.
    mutating func plausible(_ text: String) -> String? {
        if text.count == 10, let day = Day(iso: text) {
            return day.advanced(by: Int.random(in: -1500...1500, using: &random)).iso
        }
        let digits = text.prefix { $0.isNumber }
        guard let value = Int(digits), digits.count < 12 else { return nil }
        let unit = text.dropFirst(digits.count)
        guard ["", "d", "w", "cd", "cw", "mo", "y", "k", "M", "bn", "%"].contains(String(unit)) else { return nil }
        let scaled = unit == "%" ? Int.random(in: 0...100, using: &random) : Int.random(in: 0...(value * 3 + 5), using: &random)
        return String(scaled) + unit
    }

    /// Changes a few numbers and dates to plausible other values.
    mutating func perturb(_ node: inout YAMLNode) {
        switch node.content {
        case .scalar(let text, let style):
            // About three changes per tree.
            if chance(max(scalars.count / 3, 2)), let other = plausible(text) { node.content = .scalar(other, style) }
        case .sequence(var items):
            for index in items.indices { perturb(&items[index]) }
            node.content = .sequence(items)
        case .mapping(var pairs):
            for index in pairs.indices { perturb(&pairs[index].value) }
            node.content = .mapping(pairs)
        case .converted: break
        }
    }

    /// Applies one mutation somewhere in the tree.
    mutating func mutate(_ node: inout YAMLNode, depth: Int = 0) {
        // Go deeper with a good chance, so mutations land at every level.
        switch node.content {
        case .mapping(var pairs) where !pairs.isEmpty && !chance(4):
            let index = Int.random(in: 0..<pairs.count, using: &random)
            if chance(3) {
                mutateHere(&node)
                return
            }
            mutate(&pairs[index].value, depth: depth + 1)
            node.content = .mapping(pairs)
        case .sequence(var items) where !items.isEmpty && !chance(4):
            let index = Int.random(in: 0..<items.count, using: &random)
            if chance(3) {
                mutateHere(&node)
                return
            }
            mutate(&items[index], depth: depth + 1)
            node.content = .sequence(items)
        default:
            mutateHere(&node)
        }
    }

    private mutating func mutateHere(_ node: inout YAMLNode) {
        switch node.content {
        case .mapping(var pairs):
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !pairs.isEmpty: pairs.remove(at: Int.random(in: 0..<pairs.count, using: &random))  // deleted key
            case 1 where !pairs.isEmpty: pairs.append(pairs.randomElement(using: &random)!)  // duplicate key
            case 2:  // a reference that may close a cycle
                pairs.append(YAMLPair(key: YAMLNode(.scalar("after", .plain), mark: node.mark),
                                      value: YAMLNode(.sequence([YAMLNode(.scalar(scalars.randomElement(using: &random)!, .plain), mark: node.mark)]),
                                                      mark: node.mark)))
            case 3:  // an unknown key
                pairs.append(YAMLPair(key: YAMLNode(someScalar(), mark: node.mark), value: YAMLNode(someScalar(), mark: node.mark)))
            case 4 where !pairs.isEmpty:  // a value of another type
                let index = Int.random(in: 0..<pairs.count, using: &random)
                pairs[index].value.content = swapped(pairs[index].value.content)
            default: node.content = swapped(node.content); return
            }
            node.content = .mapping(pairs)
        case .sequence(var items):
            switch Int.random(in: 0..<5, using: &random) {
            case 0 where !items.isEmpty:  // a huge list
                let copies = Int.random(in: 10...600, using: &random)
                let item = items.randomElement(using: &random)!
                items += Array(repeating: item, count: copies)
            case 1 where !items.isEmpty: items.remove(at: Int.random(in: 0..<items.count, using: &random))
            case 2 where items.count > 1: items.swapAt(0, items.count - 1)
            case 3: items.append(YAMLNode(someScalar(), mark: node.mark))
            default: node.content = swapped(node.content); return
            }
            node.content = .sequence(items)
        case .scalar, .converted:
            if chance(12) {
                // Deep nesting.
                var wrapped = node
                for _ in 0..<Int.random(in: 20...80, using: &random) { wrapped = YAMLNode(.sequence([wrapped]), mark: node.mark) }
                node = wrapped
            } else if chance(4) {
                node.content = swapped(node.content)
            } else {
                node.content = someScalar()
            }
        }
    }

    private mutating func swapped(_ content: YAMLNode.Content) -> YAMLNode.Content {
        let mark = Mark.start
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return someScalar()
        case 1: return .sequence([YAMLNode(someScalar(), mark: mark)])
        default:
            if case .mapping = content { return .sequence([]) }
            return .mapping([YAMLPair(key: YAMLNode(.scalar("id", .plain), mark: mark), value: YAMLNode(someScalar(), mark: mark))])
        }
    }
}

/// Reads includes from the Scenarios folder, as the CLI's reader would for a file there.
struct FuzzIncludeReader: IncludeReader {
    func readInclude(_ name: String, from parentPath: String) -> IncludeReadResult {
        let url = packageRoot.appendingPathComponent("Scenarios").appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else { return .notFound("no such file") }
        return .success(path: name, identity: url.path, bytes: [UInt8](data))
    }
}

/// What one case did, for the summary.
enum FuzzOutcome: Int, Sendable {
    case sound = 0, errors = 1, unreadable = 65
}

@Suite struct FuzzTests {
    static let cases = Int(ProcessInfo.processInfo.environment["TENDERPLAN_FUZZ_CASES"] ?? "") ?? 10_000
    static let seed = UInt64(ProcessInfo.processInfo.environment["TENDERPLAN_FUZZ_SEED"] ?? "") ?? 20_261_123

    static let corpus: [(name: String, tree: YAMLNode)] = {
        var sources: [(String, String)] = []
        let folder = packageRoot.appendingPathComponent("Scenarios")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter({ $0.hasSuffix(".yaml") }).sorted() {
            sources.append((name, (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""))
        }
        sources.append(("starter-en.yaml", StarterScenario.text(language: "en")))
        return sources.compactMap { name, text in (try? YAMLParser.parse(Array(text.utf8))).map { (name, $0) } }
    }()

    /// The writer must be faithful, or the mutations would test the writer: every unmutated scenario
    /// written back must still be sound.
    @Test func theWriterRoundTripsEveryScenario() {
        #expect(FuzzTests.corpus.count >= 5)
        let loader = ScenarioLoader(includeReader: FuzzIncludeReader())
        for (name, tree) in FuzzTests.corpus {
            let text = YAMLWriter.write(tree)
            let result = loader.check(path: name, bytes: Array(text.utf8))
            #expect(!result.hasErrors, "\(name): \(result.diagnostics.filter { $0.severity == .error }.prefix(3).map { "\($0.location) \($0.message)" })")
        }
    }

    @Test func mutatedScenariosNeverCrashHangOrLoseAnErrorsPosition() async throws {
        let total = FuzzTests.cases
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
        let counts = await withTaskGroup(of: [Int: Int].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var counts: [Int: Int] = [:]
                    for index in stride(from: worker, to: total, by: workers) {
                        let outcome = FuzzTests.runCase(index)
                        counts[outcome.rawValue, default: 0] += 1
                    }
                    return counts
                }
            }
            var all: [Int: Int] = [:]
            for await part in group { all.merge(part, uniquingKeysWith: +) }
            return all
        }
        #expect(counts.values.reduce(0, +) == total)
        // The mix must exercise the engines, not only the parser.
        #expect(counts[0, default: 0] > total / 20, "sound: \(counts)")
        #expect(counts[1, default: 0] > total / 4, "with errors: \(counts)")
    }

    /// One case: mutate, write, check, and for a sound mutant simulate and render.
    static func runCase(_ index: Int) -> FuzzOutcome {
        let caseSeed = SplitMix64(seed: seed, iteration: index).state
        var random = SplitMix64(state: caseSeed)
        let (name, original) = corpus[Int.random(in: 0..<corpus.count, using: &random)]
        var tree = original
        var mutator = TreeMutator(seed: caseSeed, tree: original)
        if mutator.chance(3) {
            mutator.perturb(&tree)
        } else {
            for _ in 0..<Int.random(in: 1...3, using: &random) { mutator.mutate(&tree) }
        }
        var bytes = Array(YAMLWriter.write(tree).utf8)
        if mutator.chance(10), !bytes.isEmpty {
            // Garbage bytes as well, now and then.
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
        }
        let label = "case \(index) (from \(name), seed \(caseSeed))"
        let clock = ContinuousClock()
        // The delay test's exact slack (rule 6) reschedules the plan many times; it has its own property
        // tests (DelayTestTests), so here every 500th case runs it and the others the classic backward pass,
        // as `validate` does.
        let loader = ScenarioLoader(includeReader: FuzzIncludeReader(), exactSlack: index % 500 == 0)
        var result: LoadResult!
        let elapsed = clock.measure { result = loader.check(path: "fuzz.yaml", bytes: bytes, identity: "fuzz.yaml") }
        #expect(elapsed < .seconds(loader.exactSlack ? 20 : 5), "\(label) took \(elapsed)")
        for diagnostic in result.diagnostics {
            let location = diagnostic.location
            let known = location.path == "fuzz.yaml" || result.sources[location.path] != nil
            #expect(known && location.line >= 1 && location.column >= 1, "\(label): \(location) \(diagnostic.message)")
            #expect(!diagnostic.message.isEmpty, "\(label): an empty message")
        }
        if result.diagnostics.contains(where: { $0.severity == .error && $0.code.isUnreadable }) { return .unreadable }
        if result.hasErrors { return .errors }
        // Sound: the pipeline must have produced everything the commands print (else the CLI exits 70).
        guard let scenario = result.scenario, let fitGap = result.fitGap, let plan = result.plan, let costs = result.costs else {
            Issue.record("\(label): sound, but a result is missing (exit 70)")
            return .sound
        }
        if index % 50 == 0 {
            let started = clock.now
            // Few iterations: each runs the delay test for risk's criticality, and the point is the code paths.
            // On the calling thread: timed with the task group, a wait for a free thread of the shared pool (other
            // suites block theirs on child processes) counted as work — case 150 "took" 161 s that way in CI.
            let risk = RiskSimulation(scenario: scenario, fitGap: fitGap, plan: plan).run(iterations: 4, seed: caseSeed)
            let results = ScenarioResults(scenario: scenario, fitGap: fitGap, plan: plan, costs: costs, risk: risk)
            let bundle = ReportBundle.Input(results: results, findings: result.diagnostics, source: "fuzz.yaml")
            #expect((try? ReportBundle.files(bundle, language: index % 100 == 0 ? .nl : .en, templates: .builtIn))?.count == 15, "\(label)")
            let simulated = clock.now - started
            // A hang detector, not a benchmark: risk's criticality runs the delay test per iteration, which a debug
            // build on a busy 2-core machine takes seconds for.
            #expect(simulated < .seconds(60), "\(label): simulating and rendering took \(simulated)")
        }
        return .sound
    }
}
