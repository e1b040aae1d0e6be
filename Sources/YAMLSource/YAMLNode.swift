/// A position in a source text: 1-based line and column, columns counted in Unicode scalars.
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
    // 32-bit storage keeps a node small; a file within the size limits never needs more.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static let start = Mark(line: 1, column: 1)

    public static func < (a: Mark, b: Mark) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// How a scalar was written; a quoted `"on"` stays the string "on".
public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    public var isQuoted: Bool { self != .plain }
}

/// One node of a YAML document, with the position where it starts.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(String, ScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    /// What an explicit tag said, as far as the scenario format cares.
    public enum Tag: UInt8, Sendable, Hashable {
        case none
        /// `!!str`: read the scalar as a string.
        case string
        /// Any other explicit tag.
        case other
    }

    public var content: Content
    public var mark: Mark
    public var tag: Tag

    public init(_ content: Content, mark: Mark, tag: Tag = .none) {
        self.content = content
        self.mark = mark
        self.tag = tag
    }

    /// The scalar's text, or nil for a collection.
    public var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// True for a plain `~`, `null`, `Null`, `NULL` or empty scalar.
    public var isNull: Bool {
        guard case .scalar(let text, let style) = content, style == .plain, tag == .none else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// True when the scalar must be read as a string: quoted, a block scalar or tagged `!!str`.
    public var isExplicitString: Bool {
        guard case .scalar(_, let style) = content else { return false }
        return style.isQuoted || tag == .string
    }

    /// A word for the node's kind, for messages ("a list", "a mapping", "a text").
    public var kindDescription: String {
        switch content {
        case .scalar: return isNull ? "an empty value" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// A key and its value in a mapping, in file order.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
