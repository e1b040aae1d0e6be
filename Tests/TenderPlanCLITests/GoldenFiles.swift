import Foundation
import Testing

/// Compares output with a golden file in `Tests/TenderPlanCLITests/Golden/`; with `RECORD_GOLDEN=1` it writes the file instead.
func assertGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = packageRoot.appendingPathComponent("Tests/TenderPlanCLITests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no golden file \(name); run the tests with RECORD_GOLDEN=1 to write it", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    // Show the first differing line, the way a line diff would.
    let a = expected.components(separatedBy: "\n"), b = actual.components(separatedBy: "\n")
    let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    Issue.record("""
        \(name) differs from its golden file at line \(line + 1):
        - \(line < a.count ? a[line] : "<end>")
        + \(line < b.count ? b[line] : "<end>")
        (RECORD_GOLDEN=1 re-records it after a deliberate change)
        """, sourceLocation: sourceLocation)
}
