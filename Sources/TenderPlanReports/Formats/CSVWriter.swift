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
    public static func escape(_ cell: CSVCell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let text): return text
        case .text(var text):
            if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
                text = "'" + text
            }
            if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") || text.hasSuffix(" ") {
                return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return text
        }
    }
}
