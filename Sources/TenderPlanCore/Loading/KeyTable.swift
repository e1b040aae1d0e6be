/// The type of a key's value, as the format reference and the JSON Schema describe it.
public indirect enum ValueType: Sendable, Hashable {
    case text
    /// An ISO 4217 code: three capital letters.
    case currency
    case identifier
    case date
    case money
    case percentage
    case duration
    case integer(min: Int, max: Int)
    case number(min: Int?, max: Int?)
    case reference
    case event
    case choice([String])
    case list(ValueType)
    /// A mapping from identifiers to values.
    case map(ValueType)
    /// A nested mapping with its own key table.
    case mapping(String)
    case either(ValueType, ValueType)
}

/// One key of a mapping: its type, whether it is required, its default and a one-line description.
public struct KeySpec: Sendable, Hashable {
    public var name: String
    public var type: ValueType
    public var required: Bool
    public var defaultValue: String?
    public var doc: String

    public init(_ name: String, _ type: ValueType, required: Bool = false, default defaultValue: String? = nil, _ doc: String) {
        self.name = name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.doc = doc
    }
}

/// The keys one kind of mapping may have: the single source for the loader, the reference and the schema.
public struct KeyTable: Sendable, Hashable {
    public var name: String
    public var doc: String
    public var keys: [KeySpec]

    public init(_ name: String, _ doc: String, _ keys: [KeySpec]) {
        self.name = name
        self.doc = doc
        self.keys = keys
    }

    public func spec(_ key: String) -> KeySpec? { keys.first { $0.name == key } }
    public var names: [String] { keys.map(\.name) }
}
