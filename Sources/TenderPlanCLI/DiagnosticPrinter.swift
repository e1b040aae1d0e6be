import CStandardStreams
import Foundation
import TenderPlanCore
import YAMLSource

/// Writes diagnostics as `path:line:col: error: message [code]`, the source line and a caret.
struct DiagnosticPrinter {
    var useColour: Bool
    /// Line offsets per file, built once, so thousands of diagnostics in a big file print in linear time.
    private var lineStarts: [String: [Int]] = [:]

    init(useColour: Bool) {
        self.useColour = useColour
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    static func forStandardError(environment: [String: String] = ProcessInfo.processInfo.environment) -> DiagnosticPrinter {
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        return DiagnosticPrinter(useColour: !noColour && isatty(STDERR_FILENO) == 1)
    }

    mutating func render(_ diagnostic: Diagnostic, sources: [String: SourceText]) -> String {
        var out = ""
        let label: String
        switch diagnostic.severity {
        case .error: label = paint("error:", "1;31")
        case .warning: label = paint("warning:", "1;33")
        }
        out += paint("\(diagnostic.location):", "1") + " \(label) \(diagnostic.message) [\(diagnostic.code.rawValue)]\n"
        out += excerpt(diagnostic.location, sources: sources)
        for note in diagnostic.notes {
            if let location = note.location {
                out += paint("\(location):", "1") + " \(paint("note:", "1;36")) \(note.message)\n"
                out += excerpt(location, sources: sources)
            } else {
                out += "  \(paint("note:", "1;36")) \(note.message)\n"
            }
        }
        return out
    }

    private mutating func excerpt(_ location: SourceLocation, sources: [String: SourceText]) -> String {
        guard let source = sources[location.path] else { return "" }
        if lineStarts[location.path] == nil { lineStarts[location.path] = source.lineStarts() }
        guard let line = source.line(location.line, starts: lineStarts[location.path]!) else { return "" }
        let scalars = Array(line.unicodeScalars)
        // Keep tabs in the caret's indentation so it lines up under the offending character.
        var indent = ""
        for scalar in scalars.prefix(max(0, location.column - 1)) { indent += scalar == "\t" ? "\t" : " " }
        let shown = scalars.count > 200 ? String(String.UnicodeScalarView(scalars.prefix(200))) + "…" : line
        return "  \(shown)\n  \(indent)\(paint("^", "1;32"))\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Whether the command was started with standard output or standard error closed (see `CStandardStreams`).
let closedAtStart: (output: Bool, error: Bool) = {
    let closed = tp_streams_closed_at_start()
    return (closed & 1 != 0, closed & 2 != 0)
}()

/// Diagnostics: if standard error itself cannot be written there is nowhere left to say so.
func writeStandardError(_ text: String) {
    guard !closedAtStart.error else { return }
    _ = writeAll(text, to: STDERR_FILENO)
}

/// The requested output. When it cannot be written (a full disk, a file size limit, a closed descriptor, a
/// reader that went away) the command says so on standard error and exits 74 instead of trapping.
func writeStandardOutput(_ text: String) {
    guard let failure = closedAtStart.output ? EBADF : writeAll(text, to: STDOUT_FILENO) else { return }
    writeStandardError("tenderplan: error: cannot write the output: \(String(cString: strerror(failure)))\n")
    exit(ExitStatus.cannotWriteOutput)
}

/// Writes every byte of `text` to `descriptor`; the errno when a write fails.
private func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
    var text = text
    var written = 0
    return text.withUTF8 { buffer -> Int32? in
        while written < buffer.count {
            let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += count
        }
        return nil
    }
}
