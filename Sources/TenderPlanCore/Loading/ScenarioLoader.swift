import Foundation
import YAMLSource

/// Reads included files for the loader; the CLI gives one that reads the file system.
public protocol IncludeReader: Sendable {
    /// Reads `name`, written in `include:` of the file at `parentPath`.
    func readInclude(_ name: String, from parentPath: String) -> IncludeReadResult
}

/// What reading an include gave.
public enum IncludeReadResult: Sendable {
    /// `path` is shown in messages; `identity` is the resolved file, used to find cycles.
    case success(path: String, identity: String, bytes: [UInt8])
    /// Why it cannot be read, and the closest existing file name, written as an include would name it.
    case notFound(String, suggestion: String? = nil)
    case escapes(String)
}

/// The outcome of loading: the model (when the file was readable), every diagnostic, and the texts read.
public struct LoadResult: Sendable {
    public var scenario: Scenario?
    public var diagnostics: [Diagnostic]
    /// Every file read, by the path used in diagnostics, for printing source lines.
    public var sources: [String: SourceText]
    /// The fit-gap analysis and awards, when the scenario has no errors before it.
    public var fitGap: FitGapResult?
    /// The milestone plan, when the scenario has no errors before it.
    public var plan: PlanResult?
    /// The cost projection, when the scenario has no errors before it.
    public var costs: CostResult?
    /// True when a file named in `include:` could not be read (missing, outside the folder, not YAML):
    /// the model lacks its lists, so references and the engines are not checked until it can be.
    public var isMissingIncludes = false

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public init(scenario: Scenario?, diagnostics: [Diagnostic], sources: [String: SourceText]) {
        self.scenario = scenario
        self.diagnostics = diagnostics
        self.sources = sources
    }
}

/// Turns scenario text (and its includes) into a `Scenario`, collecting every problem it finds.
public struct ScenarioLoader: Sendable {
    public var limits: YAMLLimits
    public var includeReader: (any IncludeReader)?
    /// Whether the plan's slack is the delay test's (rule 6; what every output that shows slack needs), or
    /// only the classic backward pass, which is enough for checking a scenario and far cheaper with leveling.
    public var exactSlack: Bool

    public init(limits: YAMLLimits = .standard, includeReader: (any IncludeReader)? = nil, exactSlack: Bool = true) {
        self.limits = limits
        self.includeReader = includeReader
        self.exactSlack = exactSlack
    }

    /// Loads only: node tree and model, without cross-reference validation.
    /// `identity` is the resolved file (for include cycles); it defaults to `path`.
    public func load(path: String, bytes: [UInt8], identity: String? = nil) -> LoadResult {
        var session = LoadSession(limits: limits, includeReader: includeReader)
        let scenario = session.loadMain(path: path, bytes: bytes, identity: identity ?? path)
        var result = LoadResult(scenario: scenario, diagnostics: session.diagnostics.sorted, sources: session.sources)
        result.isMissingIncludes = session.isMissingIncludes
        return result
    }

    /// Loads, validates and runs the engines, which find errors of their own (no admissible bid):
    /// what `tenderplan validate` checks, and what every report starts from.
    public func check(path: String, bytes: [UInt8], identity: String? = nil) -> LoadResult {
        var result = load(path: path, bytes: bytes, identity: identity)
        // Without an included file's lists every reference into it would be reported as unknown: one
        // misspelt file name would bury its own error. Its error alone is reported until it can be read.
        guard let scenario = result.scenario, !result.isMissingIncludes else { return result }
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: result.diagnostics)
        diagnostics.append(contentsOf: ScenarioValidator.validate(scenario))
        // The engines need a sound model; with errors before them they would only add noise.
        if !diagnostics.hasErrors {
            // The plan does not depend on the awards, so both are worked out at once (a plan with fit-gap
            // errors is dropped unused).
            let ((analysis, fitGap), plan) = bothAtOnce({
                let analysis = FitGapAnalysis(scenario)
                return (analysis, FitGap.run(scenario, analysis: analysis))
            }, { [exactSlack] in Scheduler(scenario).run(exactSlack: exactSlack) })
            diagnostics.append(contentsOf: fitGap.diagnostics)
            result.fitGap = fitGap
            if !diagnostics.hasErrors {
                diagnostics.append(contentsOf: plan.diagnostics)
                result.plan = plan
                // The roadmap check only warns, so the costs (which need a plan without errors) are
                // worked out beside it.
                let costsApply = !diagnostics.hasErrors
                let (roadmap, costs) = bothAtOnce({
                    plan.items.isEmpty ? [] : RoadmapCheck.warnings(scenario, plan: plan, winners: fitGap.winner(of:))
                }, {
                    costsApply ? CostProjection(scenario: scenario, plan: plan, fitGap: fitGap, analysis: analysis).run() : nil
                })
                diagnostics.append(contentsOf: roadmap)
                if let costs {
                    diagnostics.append(contentsOf: costs.diagnostics)
                    result.costs = costs
                }
            }
        }
        result.diagnostics = diagnostics.sorted
        return result
    }
}

/// The list sections, and where each list came from (the including file's first, then each include's).
struct SectionLists {
    var lists: [String: [(path: String, node: YAMLNode)]] = [:]

    mutating func add(_ key: String, path: String, node: YAMLNode) {
        lists[key, default: []].append((path, node))
    }

    /// Removes and returns the lists of one section, so the caller holds the only reference to them.
    mutating func take(_ key: String) -> [(path: String, node: YAMLNode)] {
        lists.removeValue(forKey: key) ?? []
    }
}

/// One load: diagnostics and sources gathered across the main file and its includes.
struct LoadSession {
    let limits: YAMLLimits
    let includeReader: (any IncludeReader)?
    var diagnostics = Diagnostics()
    var sources: [String: SourceText] = [:]
    var sections = SectionLists()
    /// An included file could not be read (see `LoadResult.isMissingIncludes`).
    var isMissingIncludes = false
    /// Every file included so far, by identity, and where it was first included: each is read once, so a
    /// file's work is bounded by the files there are, not by how often they include each other.
    var included: [String: SourceLocation] = [:]

    init(limits: YAMLLimits, includeReader: (any IncludeReader)?) {
        self.limits = limits
        self.includeReader = includeReader
    }

    mutating func loadMain(path: String, bytes: [UInt8], identity: String) -> Scenario? {
        guard let header = readRoot(path: path, bytes: bytes, identity: identity) else { return nil }
        var builder = ModelBuilder(diagnostics: diagnostics)
        var lists = sections
        sections = SectionLists()
        let scenario = builder.build(root: header, sections: &lists)
        diagnostics = builder.diagnostics
        return scenario
    }

    /// Parses the main file, checks its version, collects its lists and its includes' lists, and returns
    /// the root without those lists, so the tree is held only by the sections the builder consumes.
    private mutating func readRoot(path: String, bytes: [UInt8], identity: String) -> Fields? {
        guard let root = parseYAML(path: path, bytes: bytes) else { return nil }
        guard let fields = Fields.read(root, FormatTables.root, path: path, what: "the scenario file", into: &diagnostics) else {
            return nil
        }
        if let version = fields["tenderplan"] {
            if let text = version.scalar, !version.isExplicitString, let number = Int(text) {
                if number != 1 {
                    diagnostics.error(.unsupportedVersion,
                                      "unsupported format version \(number): this tenderplan reads version 1 ('tenderplan: 1')",
                                      at: fields.valueLocation("tenderplan"))
                }
            } else {
                diagnostics.error(.unsupportedVersion, "'tenderplan' must be the format version number 1, found \(describe(version))",
                                  at: fields.valueLocation("tenderplan"))
            }
        }
        collectSections(fields)
        processIncludes(fields, chain: [(identity, path)])
        return fields.removing(FormatTables.includeKeys)
    }

    private mutating func parseYAML(path: String, bytes: [UInt8]) -> YAMLNode? {
        sources[path] = SourceText(bytes: bytes)
        do {
            return try YAMLParser.parse(bytes, limits: limits, converter: CoverageConverter(path: path),
                                        listConverter: SectionConverter(path: path))
        } catch {
            let code = DiagnosticCode(rawValue: error.code) ?? .yamlSyntax
            diagnostics.error(code, error.message, at: SourceLocation(path: path, mark: error.mark),
                              notes: error.notes.map { Diagnostic.Note($0.message, at: SourceLocation(path: path, mark: $0.mark)) })
            return nil
        }
    }

    private mutating func collectSections(_ fields: Fields) {
        for spec in fields.table.keys {
            guard case .list = spec.type, spec.name != "include", let node = fields[spec.name] else { continue }
            sections.add(spec.name, path: fields.path, node: node)
        }
    }

    private mutating func processIncludes(_ fields: Fields, chain: [(identity: String, path: String)]) {
        guard let includeNode = fields["include"] else { return }
        guard case .sequence(let entries) = includeNode.content else {
            diagnostics.error(.wrongType, "'include' must be a list of file names, found \(includeNode.kindDescription)",
                              at: fields.valueLocation("include"))
            isMissingIncludes = true
            return
        }
        for entry in entries where !readInclude(entry, of: fields, chain: chain) {
            isMissingIncludes = true
        }
    }

    /// Reads one entry of `include:`, then that file's own includes. False when the file's lists could not
    /// be read (the reason is reported); a file already in the chain is a cycle, but its lists are read.
    private mutating func readInclude(_ entry: YAMLNode, of fields: Fields, chain: [(identity: String, path: String)]) -> Bool {
        let location = SourceLocation(path: fields.path, mark: entry.mark)
        guard let name = entry.scalar, !entry.isNull else {
            diagnostics.error(.wrongType, "an include must be a file name, found \(entry.kindDescription)", at: location)
            return false
        }
        if name.hasPrefix("/") || name.hasPrefix("~") || name.split(separator: "/").contains("..") || name.contains("\\") {
            diagnostics.error(.includeEscape,
                              "include '\(name)' leaves the scenario's folder; includes must be files in that folder or below it (no '..', no absolute paths)",
                              at: location)
            return false
        }
        guard let includeReader else {
            diagnostics.error(.includeNotFound, "include '\(name)' cannot be read here (no file access)", at: location)
            return false
        }
        switch includeReader.readInclude(name, from: fields.path) {
        case .notFound(let why, let suggestion):
            diagnostics.error(.includeNotFound, "include '\(name)' cannot be read: \(why)", at: location,
                              notes: suggestion.map { [Diagnostic.Note("did you mean '\($0)'?")] } ?? [])
            return false
        case .escapes(let why):
            diagnostics.error(.includeEscape, "include '\(name)' leaves the scenario's folder: \(why)", at: location)
            return false
        case .success(let path, let identity, let bytes):
            if chain.contains(where: { $0.identity == identity }) {
                let message = chain.last?.identity == identity
                    ? "include '\(name)' includes the file itself"
                    : "include '\(name)' makes a cycle: \((chain.map(\.path) + [path]).joined(separator: " → "))"
                diagnostics.error(.includeCycle, message, at: location)
                return true
            }
            if let first = included[identity] {
                diagnostics.error(.includeRepeated, "include '\(name)' is already included; a file is merged once (its items would be defined twice)",
                                  at: location, notes: [Diagnostic.Note("first included here", at: first)])
                return true
            }
            included[identity] = location
            guard let root = parseYAML(path: path, bytes: bytes) else { return false }
            var table = FormatTables.root
            table.keys = table.keys.filter { FormatTables.includeKeys.contains($0.name) }
            guard let included = Fields.read(root, table, path: path, what: "an included file (top-level lists only)", into: &diagnostics) else {
                return false
            }
            collectSections(included)
            processIncludes(included, chain: chain + [(identity, path)])
            return true
        }
    }
}

func describe(_ node: YAMLNode) -> String {
    if let text = node.scalar, !node.isNull { return "'\(text)'" }
    return node.kindDescription
}
