import Foundation
import TenderPlanCore

/// Locale-independent number and money formatting for reports.
public enum NumberFormat {
    /// A fraction as written in reports: rounded half-even to 3 decimals (`0.812`).
    public static func fit(_ value: Decimal) -> String { DecimalFormat.plain(value, places: 3) }

    /// A fraction as a percentage with up to 3 decimals (`45.123 %`).
    public static func percent(_ value: Decimal) -> String {
        var text = DecimalFormat.plain(value * 100, places: 3)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + " %"
    }

    /// Money with thousands separators and cents: `€ 1,234,567.89` (currency symbol for EUR, else the code).
    public static func money(_ value: Decimal, currency: String) -> String {
        let plain = DecimalFormat.plain(value, places: 2)
        let negative = plain.hasPrefix("-")
        let digits = negative ? String(plain.dropFirst()) : plain
        let parts = digits.split(separator: ".")
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        let symbol = currency == "EUR" ? "€" : currency
        return (negative ? "-" : "") + symbol + " " + integer + grouped + "." + parts[1]
    }
}
