import Foundation

/// A JSON value written deterministically: keys sorted by code point, no trailing spaces, a final newline.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number written exactly as given (already rounded by the caller).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A decimal rounded half-even to `places` and written without exponent.
    public static func decimal(_ value: Decimal, places: Int) -> JSONValue {
        .number(DecimalFormat.plain(value, places: places))
    }

    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indentation.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out += "\n"
        return out
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .number(let text): out += text
        case .string(let text): JSONValue.escape(text, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                JSONValue.indent(indent + 2, into: &out)
                item.write(into: &out, indent: indent + 2)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            JSONValue.indent(indent, into: &out)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            // UTF-8 byte order is code-point order, and cheaper to compare.
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                JSONValue.indent(indent + 2, into: &out)
                JSONValue.escape(key, into: &out)
                out += ": "
                members[key]!.write(into: &out, indent: indent + 2)
                out += index == keys.count - 1 ? "\n" : ",\n"
            }
            JSONValue.indent(indent, into: &out)
            out += "}"
        }
    }

    static func indent(_ count: Int, into out: inout String) {
        for _ in 0..<count { out.append(" ") }
    }

    static func escape(_ text: String, into out: inout String) {
        // Most strings need no escaping: append them whole.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 < 0xE2 }) {
            out += "\""
            out += text
            out += "\""
            return
        }
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// Exact decimal formatting, independent of locale.
public enum DecimalFormat {
    /// Rounded half-even to `places` decimals, written like `-1234.50`.
    public static func plain(_ value: Decimal, places: Int) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, places, .bankers)
        let negative = rounded < 0
        var text = (negative ? -rounded : rounded).description  // Decimal.description is locale-free
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < places { text += String(repeating: "0", count: places - decimals) }
        } else if places > 0 {
            text += "." + String(repeating: "0", count: places)
        }
        return (negative && rounded != 0 ? "-" : "") + text
    }
}
