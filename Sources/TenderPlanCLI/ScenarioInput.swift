import ArgumentParser
import Foundation
import TenderPlanCore
import YAMLSource

/// Options shared by every command that reads scenarios.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("max-input-size"), help: ArgumentHelp(
        "Largest scenario file accepted, in bytes (default 64 MiB). Suffixes k, M and G are allowed.",
        valueName: "bytes"))
    var maxInputSize: String?

    func limits() throws -> YAMLLimits {
        var limits = YAMLLimits.standard
        if let text = maxInputSize {
            guard let bytes = parseByteSize(text), bytes > 0 else {
                throw ValidationError("--max-input-size must be a positive number of bytes, such as 1048576, 512k or 64M; found '\(text)'")
            }
            limits.maxInputBytes = bytes
        }
        return limits
    }
}

func parseByteSize(_ text: String) -> Int? {
    let units: [(String, Int)] = [("G", 1 << 30), ("M", 1 << 20), ("k", 1 << 10), ("K", 1 << 10)]
    for (suffix, factor) in units where text.hasSuffix(suffix) {
        guard let value = Int(text.dropLast()), value <= Int.max / factor else { return nil }
        return value * factor
    }
    return Int(text)
}

/// One scenario file as read from disk: its bytes, or why it could not be opened.
struct ScenarioFile {
    let path: String
    let result: LoadResult?
    let openError: String?

    /// 0, 1 (scenario errors), 65 (unreadable bytes) or 66 (cannot open).
    var exitCode: Int32 {
        if openError != nil { return ExitStatus.cannotOpen }
        guard let result else { return ExitStatus.internalError }
        if result.diagnostics.contains(where: { $0.severity == .error && $0.code.isUnreadable }) { return ExitStatus.unreadable }
        return result.hasErrors ? ExitStatus.scenarioErrors : ExitStatus.ok
    }

    /// Reads and checks a scenario file (load + validation).
    /// `exactSlack`: see `ScenarioLoader.exactSlack` (commands that show no slack leave it off).
    static func check(path: String, limits: YAMLLimits, exactSlack: Bool = true) -> ScenarioFile {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return ScenarioFile(path: path, result: nil, openError: "no such file")
        }
        guard !isDirectory.boolValue else {
            return ScenarioFile(path: path, result: nil, openError: "it is a folder, not a scenario file")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limits.maxInputBytes {
            let diagnostic = Diagnostic.error(
                .limit, "the file is \(size) bytes, over the input size limit of \(describeByteCount(limits.maxInputBytes)) (raise it with --max-input-size)",
                at: SourceLocation(path: path, line: 1, column: 1))
            return ScenarioFile(path: path, result: LoadResult(scenario: nil, diagnostics: [diagnostic], sources: [:]), openError: nil)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return ScenarioFile(path: path, result: nil, openError: "permission denied or unreadable")
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit, so a file that grows or lies about its size stays bounded.
        // The bytes are copied out of the `Data` in a function of their own, so only one copy lives on.
        func read() -> [UInt8] { [UInt8]((try? handle.read(upToCount: limits.maxInputBytes + 1)) ?? Data()) }
        let bytes = read()
        let identity = url.resolvingSymlinksInPath().standardizedFileURL.path
        let reader = FileIncludeReader(root: url.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL,
                                       displayBase: (path as NSString).deletingLastPathComponent, limits: limits)
        let loader = ScenarioLoader(limits: limits, includeReader: reader, exactSlack: exactSlack)
        return ScenarioFile(path: path, result: loader.check(path: path, bytes: bytes, identity: identity), openError: nil)
    }
}

/// Reads includes from the scenario's folder, refusing anything that resolves outside it.
struct FileIncludeReader: IncludeReader {
    /// The main scenario's folder, with symlinks resolved.
    let root: URL
    /// The folder as the user wrote it, for paths in messages.
    let displayBase: String
    let limits: YAMLLimits

    func readInclude(_ name: String, from parentPath: String) -> IncludeReadResult {
        let parentFolder = (parentPath as NSString).deletingLastPathComponent
        let displayPath = parentFolder.isEmpty ? name : parentFolder + "/" + name
        let resolved = URL(fileURLWithPath: displayPath).resolvingSymlinksInPath().standardizedFileURL
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard resolved.path.hasPrefix(rootPath) else {
            return .escapes("it resolves to a file outside the scenario's folder (through a symbolic link?)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory) else {
            return .notFound("no such file next to the scenario (looked for \(displayPath))", suggestion: closestFile(to: name, near: displayPath))
        }
        guard !isDirectory.boolValue else { return .notFound("it is a folder") }
        // A named pipe or a device would block the read or never end.
        guard (try? FileManager.default.attributesOfItem(atPath: resolved.path)[.type] as? FileAttributeType) == .typeRegular else {
            return .notFound("it is not a regular file (a named pipe or a device?)")
        }
        guard let handle = FileHandle(forReadingAtPath: resolved.path) else { return .notFound("permission denied") }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limits.maxInputBytes + 1)) ?? Data()
        return .success(path: displayPath, identity: resolved.path, bytes: [UInt8](data))
    }

    /// The YAML file in the same folder whose name is closest to a missing include's, written the way the
    /// include names it (`include/requirments.yaml` → `include/requirements.yaml`).
    private func closestFile(to name: String, near displayPath: String) -> String? {
        let folder = (displayPath as NSString).deletingLastPathComponent
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        let base = (name as NSString).lastPathComponent
        guard let match = closestMatch(to: base, in: files.sorted()), match != base else { return nil }
        let prefix = (name as NSString).deletingLastPathComponent
        return prefix.isEmpty ? match : prefix + "/" + match
    }
}
