import CAtomicRename
import Foundation

/// Writes a folder of files so that a reader sees the previous folder or the new one, never a mix:
/// the files go into `NAME.tmp-PID` next to the target, which is then swapped into place in one step.
/// A failed run removes its temporary folder; so does Ctrl-C or a TERM signal, at any moment (every change
/// on disk is made under the lock the signal handler takes). Only a hard kill (-9) can leave one; a later
/// run for the same folder removes it once the process that wrote it is gone. Runs into the same folder at
/// the same time each write their own temporary folder; the last to swap wins.
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
        try checkReplaceable(targetURL, shownAs: target)
        removeDebris(of: name, in: parent)
        let temporary = parent.appendingPathComponent("\(name).tmp-\(getpid())")
        let signals = SignalCleanup.shared
        signals.watch(temporary.path)
        defer { signals.watch(nil) }
        do {
            try signals.locked { try manager.createDirectory(at: temporary, withIntermediateDirectories: false) }
            for file in files {
                try signals.locked { try file.data.write(to: temporary.appendingPathComponent(file.name)) }
                TestHooks.pauseAfterWritingAFile()
            }
            try signals.locked { try swap(temporary, into: targetURL, shownAs: target) }
        } catch {
            signals.locked { try? manager.removeItem(at: temporary) }
            if let failure = error as? Failure { throw failure }
            throw Failure(description: "\(target): error: cannot write the report: \(error.localizedDescription)")
        }
        // `temporary` now holds the previous bundle, if there was one.
        do {
            try signals.locked { if manager.fileExists(atPath: temporary.path) { try manager.removeItem(at: temporary) } }
        } catch {
            throw Failure(description: "\(target): error: the new report is in place, but the previous one could not be removed; "
                + "it is left at \(temporary.path): \(error.localizedDescription)")
        }
    }

    /// A target that is a file, or a folder whose files cannot be removed (read-only), is not replaced: the swap
    /// would succeed and leave the old bundle behind as a temporary folder nobody can remove.
    private static func checkReplaceable(_ target: URL, shownAs shown: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw Failure(description: "\(shown): error: exists and is not a folder; not replacing it") }
        if access(target.path, W_OK | X_OK) != 0 {
            throw Failure(description: "\(shown): error: the previous report is read-only, so it cannot be replaced; "
                + "make it writable (chmod -R u+w \(shown)) or write elsewhere with --output")
        }
    }

    /// Removes `NAME.tmp-PID…` folders whose process is gone (a hard kill's debris), never those of a run that
    /// is still writing.
    private static func removeDebris(of name: String, in parent: URL) {
        let prefix = name + ".tmp-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where entry.hasPrefix(prefix) {
            guard let pid = pid_t(entry.dropFirst(prefix.count).prefix(while: \.isNumber)), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
            }
        }
    }

    /// Puts `temporary` at `target` in one step; afterwards `temporary` holds the previous bundle, or nothing.
    /// Another run may create or swap the target at the same moment: then this tries again.
    private static func swap(_ temporary: URL, into target: URL, shownAs shown: String) throws {
        for _ in 0..<100 {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder) {
                guard isFolder.boolValue else { throw Failure(description: "\(shown): error: exists and is not a folder; not replacing it") }
                if tp_exchange_paths(temporary.path, target.path) == 0 { return }
                if errno == ENOENT { continue }  // removed in between
                // A file system without an atomic swap: two renames, a moment apart.
                let previous = URL(fileURLWithPath: temporary.path + "-previous")
                guard rename(target.path, previous.path) == 0 else {
                    if errno == ENOENT { continue }
                    throw Failure(description: "\(shown): error: cannot replace the previous report: \(String(cString: strerror(errno)))")
                }
                guard rename(temporary.path, target.path) == 0 else {
                    if errno == EEXIST || errno == ENOTEMPTY { try? FileManager.default.removeItem(at: previous); continue }
                    throw Failure(description: "\(shown): error: cannot write the report: \(String(cString: strerror(errno)))")
                }
                try? FileManager.default.moveItem(at: previous, to: temporary)
                return
            }
            if rename(temporary.path, target.path) == 0 { return }
            // Another run put its bundle there first: swap with it instead.
            if errno == EEXIST || errno == ENOTEMPTY { continue }
            throw Failure(description: "\(shown): error: cannot write the report: \(String(cString: strerror(errno)))")
        }
        throw Failure(description: "\(shown): error: cannot write the report: other runs kept replacing it")
    }
}

/// Removes the folder being written when the user interrupts (Ctrl-C) or the system asks to stop (TERM).
/// The writer changes the disk only inside `locked`; the handler takes the lock, removes the folder and
/// exits without ever giving the lock back, so no write can follow the removal.
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
        locked { self.path = path }
    }

    func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}

/// Test-only: `TENDERPLAN_TEST_WRITE_PAUSE=SECONDS` pauses after each file of a bundle, so the end-to-end
/// tests can interrupt a run while it writes. Unset (always, for users), it does nothing.
enum TestHooks {
    static let writePause: Double = Double(ProcessInfo.processInfo.environment["TENDERPLAN_TEST_WRITE_PAUSE"] ?? "") ?? 0

    static func pauseAfterWritingAFile() {
        if writePause > 0 { Thread.sleep(forTimeInterval: writePause) }
    }
}
