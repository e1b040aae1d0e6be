/// Diagnostics collected while loading and validating; everything is gathered, then reported once.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        items.append(contentsOf: other)
    }

    public mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        items.append(.error(code, message, at: location, notes: notes))
    }

    public mutating func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [Diagnostic.Note] = []) {
        items.append(.warning(code, message, at: location, notes: notes))
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// The diagnostics in location order, without exact repeats.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return items.sorted().filter { seen.insert($0).inserted }
    }
}
