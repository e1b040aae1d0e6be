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
        self.library = library
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
