import Foundation
import Testing

/// The package's root folder (two levels above this file's folder).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `tenderplan` binary, next to the test bundle (or `TENDERPLAN_BIN`).
let binary: URL = {
    if let path = ProcessInfo.processInfo.environment["TENDERPLAN_BIN"] { return URL(fileURLWithPath: path) }
    let folder = Bundle.main.bundleURL.deletingLastPathComponent()
    let candidates = [Bundle.main.bundleURL.appendingPathComponent("tenderplan"), folder.appendingPathComponent("tenderplan")]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
}()

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var seconds: Double
}

/// Runs the binary the way a user does, from the package root, with a clean environment (or, with `shell`,
/// `/bin/sh` with these arguments, for redirections and limits).
func run(_ arguments: [String], shell: Bool = false, environment: [String: String] = [:], in folder: URL = packageRoot) throws -> RunResult {
    let process = Process()
    process.executableURL = shell ? URL(fileURLWithPath: "/bin/sh") : binary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C"].merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let start = Date()
    try process.run()
    // Drain both pipes while the process runs, so a large output cannot block it.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data(), errData = Data()
    group.enter()
    DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    process.waitUntilExit()
    group.wait()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self), seconds: Date().timeIntervalSince(start))
}

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tenderplan-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Results gathered from several threads.
final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []

    func add(_ value: String) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
