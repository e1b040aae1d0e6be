/// One problem found in a scenario, with where it is and what to do about it.
public struct Diagnostic: Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    /// A further remark, usually pointing at a related place (the first definition, a link of a cycle).
    public struct Note: Sendable, Hashable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    public var notes: [Note]

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [Note] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, notes: notes)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, notes: notes)
    }

    /// Sorted by location, then errors before warnings, then code and message, so output is stable.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity == .error }
        if a.code != b.code { return a.code.rawValue < b.code.rawValue }
        return a.message < b.message
    }
}

/// The stable codes of diagnostics; shown as `[code]` and in JSON.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
    // The bytes cannot become one YAML node tree (exit 65).
    case yamlSyntax = "yaml-syntax"
    case encoding
    case limit
    case undefinedAlias = "undefined-alias"
    // The document's shape (exit 1).
    case emptyFile = "empty-file"
    case multipleDocuments = "multiple-documents"
    case unsupportedVersion = "unsupported-version"
    case unknownKey = "unknown-key"
    case duplicateKey = "duplicate-key"
    case missingKey = "missing-key"
    case wrongType = "wrong-type"
    case invalidValue = "invalid-value"
    case invalidId = "invalid-id"
    case invalidDate = "invalid-date"
    case invalidMoney = "invalid-money"
    case invalidPercentage = "invalid-percentage"
    case invalidDuration = "invalid-duration"
    case invalidReference = "invalid-reference"
    // Includes.
    case includeNotFound = "include-not-found"
    case includeEscape = "include-escape"
    case includeCycle = "include-cycle"
    case includeRepeated = "include-repeated"
    // Cross references and rules.
    case duplicateId = "duplicate-id"
    case reservedId = "reserved-id"
    case unknownReference = "unknown-reference"
    case unknownPhase = "unknown-phase"
    case cycle
    case conflictingKeys = "conflicting-keys"
    case legalMinimum = "legal-minimum"
    case weights
    case rule
    case unitMismatch = "unit-mismatch"
    case beforeBaseYear = "before-base-year"
    case estimateOrder = "estimate-order"
    // Found by the engines.
    case noAdmissibleBid = "no-admissible-bid"
    case planLimit = "plan-limit"
    case roadmap
    case horizon
    /// A legal value that is almost certainly a slip (warned with the likely intended value).
    case implausible
    case gate
}

extension DiagnosticCode {
    /// True for codes whose cause is the bytes themselves: the whole run then exits 65.
    public var isUnreadable: Bool {
        switch self {
        case .yamlSyntax, .encoding, .limit, .undefinedAlias: return true
        default: return false
        }
    }
}
