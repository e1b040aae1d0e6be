/// An identifier from the scenario's one namespace (`[a-z0-9][a-z0-9_-]*`).
public struct Identifier: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var raw: String

    public init(_ raw: String) { self.raw = raw }
    public init(stringLiteral value: String) { self.raw = value }

    public static func < (a: Identifier, b: Identifier) -> Bool {
        // Code-point order, as the format's tie-breaks require.
        a.raw.unicodeScalars.lexicographicallyPrecedes(b.raw.unicodeScalars)
    }

    public var description: String { raw }

    /// True when the text is a well-formed identifier.
    public static func isValid(_ text: String) -> Bool {
        var text = text
        // On the UTF-8 buffer itself: every coverage cell's key passes here.
        return text.withUTF8 { bytes in
            guard let first = bytes.first, isStart(first), bytes.count <= 200 else { return false }
            for byte in bytes.dropFirst() where !isStart(byte) && byte != UInt8(ascii: "_") && byte != UInt8(ascii: "-") {
                return false
            }
            return true
        }
    }

    private static func isStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// True for a word that names an event and may not be an id; a switch, so the many ids
    /// of a large scenario are not hashed.
    public static func isReserved(_ text: String) -> Bool {
        switch text {
        case "contract", "go_live", "last_go_live", "planned_retirement", "retirement": return true
        default: return false
        }
    }
}

/// A value together with where it was written.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
