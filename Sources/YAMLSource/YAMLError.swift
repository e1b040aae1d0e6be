/// Why a text could not become one YAML node tree.
public struct YAMLError: Error, Sendable, Equatable {
    /// `unreadable` errors exit 65 (the bytes cannot become a node tree);
    /// `structure` errors exit 1 (an empty file or a second document).
    public enum Kind: Sendable, Equatable {
        case unreadable
        case structure
    }

    public struct Note: Sendable, Equatable {
        public var message: String
        public var mark: Mark
    }

    public var kind: Kind
    /// A stable code: `yaml-syntax`, `encoding`, `limit`, `undefined-alias`, `empty-file`, `multiple-documents`.
    public var code: String
    public var message: String
    public var mark: Mark
    public var notes: [Note]

    public init(_ kind: Kind, code: String, message: String, mark: Mark, notes: [Note] = []) {
        self.kind = kind
        self.code = code
        self.message = message
        self.mark = mark
        self.notes = notes
    }
}
