import Foundation

/// One CSV cell: text or a number. Numbers are written as they are; text is quoted when needed
/// and neutralised against spreadsheet formula injection.
public enum CSVCell: Sendable, Equatable {
    case text(String)
    /// A number already formatted (plain digits, optional sign and point).
    case number(String)
    case empty
}

/// Writes RFC 4180 CSV (CRLF line ends), escaping in one place.
public enum CSVWriter {
    public static func render(header: [String], rows: [[CSVCell]]) -> String {
        var out = line(header.map(CSVCell.text))
        for row in rows { out += line(row) }
        return out
    }

    static func line(_ cells: [CSVCell]) -> String {
        cells.map(escape).joined(separator: ",") + "\r\n"
    }

    /// A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`.
    /// A cell is quoted when it holds a separator of any common dialect: `,`, and also `;` and tab, which Dutch
    /// and other European spreadsheets split on (unquoted, `x;=1+1` would become a formula cell there). Control
    /// characters other than tab and line ends become U+FFFD: tools stop reading at a NUL.
    public static func escape(_ cell: CSVCell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let text): return text
        case .text(var text):
            if text.unicodeScalars.contains(where: isControl) {
                text = String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
            }
            if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
                text = "'" + text
            }
            if text.contains(where: { $0 == "," || $0 == ";" || $0 == "\t" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                || text.hasPrefix(" ") || text.hasSuffix(" ") {
                return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return text
        }
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }
}
