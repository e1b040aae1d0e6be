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
        /// A mapping or list that a converter turned into its own value while it was parsed.
        case converted(ConvertedCollection)
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
        case .converted(let converted): return converted.isMapping ? "a mapping" : "a list"
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

/// What a converter made of a mapping or a list. A class, so the payload costs a node one reference
/// (an `any Sendable` in the enum would make every node of the tree larger).
public final class ConvertedCollection: Sendable {
    public let value: any Sendable
    public let isMapping: Bool

    public init(_ value: any Sendable, isMapping: Bool) {
        self.value = value
        self.isMapping = isMapping
    }
}

/// Turns chosen mappings into a value of the caller's while they are parsed, so their entries are never
/// kept as nodes: a scenario's coverage maps hold most of its nodes. Mappings with an anchor are not
/// converted (an alias could repeat them anywhere), and mapping conversions do not nest.
public protocol YAMLMappingConverter {
    /// The key whose mapping values may be converted (a cheap first test).
    var key: String { get }
    /// Whether the mapping under `key` is converted; `path` holds the keys of the enclosing collections,
    /// from the root (nil for the root and for list entries).
    func converts(path: [String?]) -> Bool
    /// One entry of the mapping being converted, in file order (keys and values of any kind).
    mutating func entry(key: YAMLNode, value: YAMLNode)
    /// The mapping that started at `mark` is complete: what its node holds instead of its entries.
    mutating func finish(mark: Mark) -> any Sendable
}

/// Turns chosen lists into a value of the caller's item by item while they are parsed, so each entry is
/// converted as soon as it is complete and its nodes are freed. Lists with an anchor are not converted,
/// and list conversions do not nest (a mapping conversion may happen inside one).
public protocol YAMLListConverter {
    /// Asked for each list that is the value of `key`: whether it is converted (the converter then expects
    /// its items). `depth` counts the enclosing collections (1: the list is a value of the root mapping).
    mutating func begins(key: String, depth: Int) -> Bool
    /// One entry of the list being converted, in file order, complete.
    mutating func item(_ node: YAMLNode)
    /// The list that started at `mark` is complete: what its node holds instead of its entries.
    mutating func finish(mark: Mark) -> any Sendable
}
