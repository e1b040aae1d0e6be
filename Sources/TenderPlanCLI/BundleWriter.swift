import CAtomicRename
import Foundation

/// Writes a folder of files so that a reader sees the previous folder or the new one, never a mix:
/// the files go into `NAME.tmp-PID` next to the target, which is then swapped into place in one step.
/// A failed run removes its temporary folder; so does Ctrl-C or a TERM signal. Only a hard kill (-9)
/// can leave one, and the next run for the same folder removes it.
enum BundleWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ files: [(name: String, data: Data)], to target: String) throws {
        let manager = FileManager.default
        let targetURL = URL(fileURLWithPath: target, isDirectory: true).standardizedFileURL
        let parent = targetURL.deletingLastPathComponent()
        let name = targetURL.lastPathComponent
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "\(parent.path): error: cannot create the output folder")
        }
        // Debris of a run that was killed hard.
        for entry in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(name + ".tmp-") {
            try? manager.removeItem(at: parent.appendingPathComponent(entry))
        }
        let temporary = parent.appendingPathComponent("\(name).tmp-\(getpid())")
        SignalCleanup.shared.watch(temporary.path)
        defer { SignalCleanup.shared.watch(nil) }
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
            for file in files { try file.data.write(to: temporary.appendingPathComponent(file.name)) }
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: targetURL.path, isDirectory: &isFolder) {
                guard isFolder.boolValue else { throw Failure(description: "\(target): error: exists and is not a folder; not replacing it") }
                if tp_exchange_paths(temporary.path, targetURL.path) == 0 {
                    try manager.removeItem(at: temporary)  // now the previous bundle
                } else {
                    // A file system without an atomic swap: two renames, a moment apart.
                    let previous = parent.appendingPathComponent("\(name).tmp-\(getpid())-previous")
                    try manager.moveItem(at: targetURL, to: previous)
                    try manager.moveItem(at: temporary, to: targetURL)
                    try manager.removeItem(at: previous)
                }
            } else {
                try manager.moveItem(at: temporary, to: targetURL)
            }
        } catch {
            try? manager.removeItem(at: temporary)
            if let failure = error as? Failure { throw failure }
            throw Failure(description: "\(target): error: cannot write the report: \(error.localizedDescription)")
        }
    }
}

/// Removes the folder being written when the user interrupts (Ctrl-C) or the system asks to stop (TERM).
final class SignalCleanup: @unchecked Sendable {
    static let shared = SignalCleanup()
    private let lock = NSLock()
    private var path: String?
    private var sources: [DispatchSourceSignal] = []

    private init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in
                self.lock.lock()
                if let path = self.path { try? FileManager.default.removeItem(atPath: path) }
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    func watch(_ path: String?) {
        lock.lock()
        self.path = path
        lock.unlock()
    }
}
