import Foundation
import Mustache

/// The Mustache templates of the Markdown and HTML reports: the built-in set, with any template of
/// the same name in a user's folder (`--templates DIR`, files `NAME.mustache`) taking its place.
public struct ReportTemplates: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private let library: MustacheLibrary

    /// The names of the built-in templates, for `--templates` help and checks.
    public static var names: [String] { BuiltInTemplates.all.keys.sorted() }

    public static let builtIn: ReportTemplates = try! ReportTemplates(overrides: [:])

    /// - Parameter overrides: template text by name; names must be built-in ones (a typo would otherwise be ignored).
    public init(overrides: [String: String]) throws {
        var library = MustacheLibrary()
        for name in ReportTemplates.names {
            let (text, origin) = overrides[name].map { ($0, "\(name).mustache") } ?? (BuiltInTemplates.all[name]!, "built-in \(name)")
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch {
                throw Failure(description: "\(origin): error: the template cannot be read: \(error)")
            }
        }
        for name in overrides.keys.sorted() where BuiltInTemplates.all[name] == nil {
            throw Failure(description: "\(name).mustache: error: not a report template; the templates are "
                + ReportTemplates.names.map { "\($0).mustache" }.joined(separator: ", "))
        }
        try ReportTemplates.checkPartials(overrides)
        self.library = library
    }

    /// A template that includes itself, directly or through others (`{{> report.md}}` in report.md), would
    /// recurse until the stack runs out (exit 139): such a chain is refused here with its links, and so is a
    /// partial whose name is computed (`{{>*name}}`), which cannot be checked.
    static func checkPartials(_ overrides: [String: String]) throws {
        var references: [String: [String]] = [:]
        for name in ReportTemplates.names {
            let text = overrides[name] ?? BuiltInTemplates.all[name]!
            let found = partialNames(in: text)
            if found.dynamic {
                throw Failure(description: "\(name).mustache: error: a partial with a computed name ({{>*…}}) is not supported in report templates; name the template")
            }
            references[name] = found.names
        }
        // Depth-first search for a cycle; the chain is reported from the template that starts it.
        var done: Set<String> = []
        func visit(_ name: String, chain: [String]) throws {
            if let start = chain.firstIndex(of: name) {
                let cycle = (chain[start...] + [name]).map { "\($0).mustache" }.joined(separator: " → ")
                throw Failure(description: "\(chain[start]).mustache: error: the template includes itself: \(cycle)")
            }
            guard !done.contains(name) else { return }
            for next in references[name] ?? [] where references[next] != nil { try visit(next, chain: chain + [name]) }
            done.insert(name)
        }
        for name in ReportTemplates.names { try visit(name, chain: []) }
    }

    /// The templates a Mustache text includes (`{{> name}}`) or extends (`{{< name}}`), following changes of
    /// delimiter (`{{=<% %>=}}`).
    static func partialNames(in text: String) -> (names: [String], dynamic: Bool) {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var names: [String] = [], dynamic = false
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
            var index = start
            while index <= bytes.count - needle.count {
                if bytes[index] == needle[0] && Array(bytes[index..<(index + needle.count)]) == needle { return index }
                index += 1
            }
            return nil
        }
        var index = 0
        while let start = find(open, from: index), let end = find(close, from: start + open.count) {
            let tag = String(decoding: bytes[(start + open.count)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            index = end + close.count
            if tag.hasPrefix("=") && tag.hasSuffix("=") && tag.count >= 2 {
                let parts = tag.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if parts.count == 2 { open = Array(parts[0].utf8); close = Array(parts[1].utf8) }
            } else if tag.hasPrefix(">") || tag.hasPrefix("<") {
                let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                if name.hasPrefix("*") { dynamic = true } else { names.append(name) }
            }
        }
        return (names, dynamic)
    }

    /// Reads every `*.mustache` file of a folder as an override.
    public static func load(directory: String) throws -> ReportTemplates {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw Failure(description: "\(directory): error: cannot read the templates folder")
        }
        var overrides: [String: String] = [:]
        for file in files {
            guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(file).path),
                  let text = String(data: data, encoding: .utf8) else {
                throw Failure(description: "\(directory)/\(file): error: cannot read the template as UTF-8 text")
            }
            overrides[String(file.dropLast(".mustache".count))] = text
        }
        return try ReportTemplates(overrides: overrides)
    }

    public func render(_ object: Any, template name: String) -> String {
        // Every name is registered in init, so a nil here is a bug.
        library.render(object, withTemplate: name)!
    }
}
