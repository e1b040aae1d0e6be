import Foundation
import Testing

/// Output that cannot be written is said on standard error with exit 74, never a trap with a backtrace: a full
/// disk, a closed descriptor, a file size limit.
@Suite struct OutputFailureTests {
    @Test(arguments: [
        ("exec \"$TP\" plan Scenarios/nms-staged.yaml > /dev/full", "No space left on device"),
        ("exec \"$TP\" plan Scenarios/nms-staged.yaml >&-", "Bad file descriptor"),
        ("ulimit -f 1; exec \"$TP\" plan Scenarios/nms-staged.yaml > \"$OUT\"", "File too large"),
        ("exec \"$TP\" risk Scenarios/tutorial.yaml --iterations 10 > /dev/full", "No space left on device"),
    ])
    func aFailedWriteIsAnErrorNotATrap(_ script: String, _ reason: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["-c", script], shell: true, environment: ["TP": binary.path, "OUT": folder.appendingPathComponent("out.md").path])
        #expect(result.status == 74, "\(script): exit \(result.status)\n\(result.stderr.suffix(400))")
        #expect(result.stderr.contains("tenderplan: error: cannot write the output: \(reason)"), "\(result.stderr.suffix(400))")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrac"))
    }

    /// The diagnostics still reach standard error when standard output is the one that fails, and a closed
    /// standard error alone does not stop the output.
    @Test func aClosedStandardErrorKeepsTheOutput() throws {
        let result = try run(["-c", "exec \"$TP\" plan Scenarios/tutorial.yaml 2>&-"], shell: true, environment: ["TP": binary.path])
        #expect(result.status == 0 && result.stdout.hasPrefix("# Milestone plan"))
    }
}
