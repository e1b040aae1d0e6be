import Foundation
import TenderPlanCore

/// Numbers, money and dates as a reader of the report's language writes them.
/// English: `€ 1,234,567.89`, `1 January 2025`; Dutch: `€ 1.234.567,89`, `1 januari 2025`.
public struct LocalFormat: Sendable {
    public let language: Language
    public let currency: String

    public init(language: Language, currency: String) {
        self.language = language
        self.currency = currency
    }

    private var separators: (group: String, decimal: String) { language == .nl ? (".", ",") : (",", ".") }

    /// A decimal number rounded half-even to `places`, with thousands separators.
    public func number(_ value: Decimal, places: Int) -> String {
        let plain = DecimalFormat.plain(value, places: places)
        let negative = plain.hasPrefix("-")
        let digits = negative ? String(plain.dropFirst()) : plain
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = separators.group + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        let fraction = parts.count > 1 ? separators.decimal + parts[1] : ""
        return (negative ? "-" : "") + integer + grouped + fraction
    }

    public func integer(_ value: Int) -> String { number(Decimal(value), places: 0) }

    /// Money to the cent with the currency symbol (`€` for EUR, else the ISO code).
    public func money(_ value: Decimal) -> String {
        let symbol = currency == "EUR" ? "€" : currency
        let text = number(value, places: 2)
        return text.hasPrefix("-") ? "-" + symbol + " " + text.dropFirst() : symbol + " " + text
    }

    /// Money in millions with one decimal (`€ 12.3M` / `€ 12,3 mln`), for chart labels.
    public func millions(_ value: Decimal) -> String {
        let symbol = currency == "EUR" ? "€" : currency
        return symbol + " " + number(value / 1_000_000, places: 1) + (language == .nl ? " mln" : "M")
    }

    /// A share 0…1 as a percentage with up to two decimals, trailing zeros dropped (`85.7 %`, `2.25 %`).
    public func percent(_ share: Double) -> String {
        let value = Decimal(string: String(format: "%.6f", share)) ?? 0
        var text = number(value * 100, places: 2)
        while text.hasSuffix("0") && text.contains(separators.decimal) { text.removeLast() }
        if text.hasSuffix(separators.decimal) { text.removeLast() }
        return text + " %"
    }

    /// A fit 0…1 with three decimals (`0.857` / `0,857`).
    public func fit(_ value: Decimal) -> String { number(value, places: 3) }

    /// A correlation −1…1 with two decimals.
    public func correlation(_ value: Double) -> String {
        number(Decimal(string: String(format: "%.6f", value)) ?? 0, places: 2)
    }

    /// A date written out: `1 January 2025` / `1 januari 2025`.
    public func date(_ day: Day) -> String {
        let (year, month, dayOfMonth) = day.civil
        return "\(dayOfMonth) \(LocalFormat.monthNames[language]![month - 1]) \(year)"
    }

    /// A short month label for chart axes: `Jan 2025` / `jan 2025`.
    public func monthLabel(year: Int, month: Int) -> String {
        let name = LocalFormat.monthNames[language]![month - 1]
        return String(name.prefix(3)) + " \(year)"
    }

    static let monthNames: [Language: [String]] = [
        .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"],
        .nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"],
    ]
}
