import YAMLSource

/// Where something was written: a file and a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var path: String
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }

    public init(path: String, line: Int, column: Int) {
        self.path = path
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public init(path: String, mark: Mark) {
        self.init(path: path, line: mark.line, column: mark.column)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }

    /// The line and column without the path.
    public var mark: Mark { Mark(line: line, column: column) }

    public var description: String { "\(path):\(line):\(column)" }
}
