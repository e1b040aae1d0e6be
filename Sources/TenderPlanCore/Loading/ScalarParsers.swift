import Foundation

/// Why a scalar could not be read as the type a key needs.
public struct ScalarError: Error, Sendable, Equatable {
    public var code: DiagnosticCode
    public var message: String

    public init(_ code: DiagnosticCode, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// Parsers for the format's typed scalars. Each takes the scalar's text and says exactly what is wrong.
public enum ScalarParsers {
    /// Largest money amount accepted (10^15): large enough for any programme, small enough to stay exact.
    public static let maxMoney = Decimal(string: "1000000000000000")!
    /// Dates are accepted from 1900 up to and including 2199.
    public static let dateYears = 1900...2199
    /// Largest amount of a duration per unit.
    public static let maxDurationAmount: [DurationUnit: Int] = [
        .workingDays: 100_000, .workingWeeks: 20_000, .calendarDays: 100_000, .calendarWeeks: 15_000,
        .months: 3_000, .years: 250,
    ]

    public static func identifier(_ text: String) -> Result<Identifier, ScalarError> {
        guard Identifier.isValid(text) else {
            var hint = "ids use lower-case letters, digits, '-' and '_', and start with a letter or digit"
            if text.contains(".") { hint += "; a dot is not allowed (it separates an id from a phase or .start/.finish)" }
            if text != text.lowercased() && Identifier.isValid(text.lowercased()) { hint += "; did you mean '\(text.lowercased())'?" }
            return .failure(ScalarError(.invalidId, "'\(text)' is not a valid id: \(hint)"))
        }
        if Identifier.isReserved(text) {
            return .failure(ScalarError(.reservedId, "'\(text)' is a reserved word (it names an event) and cannot be an id"))
        }
        return .success(Identifier(text))
    }

    public static func date(_ text: String) -> Result<Day, ScalarError> {
        guard let day = Day(iso: text) else {
            let shape = text.utf8.count == 10 && Array(text.utf8)[4] == UInt8(ascii: "-")
            let why = shape ? "that date does not exist" : "write dates as YYYY-MM-DD"
            return .failure(ScalarError(.invalidDate, "'\(text)' is not a valid date: \(why)"))
        }
        guard dateYears.contains(day.year) else {
            return .failure(ScalarError(.invalidDate, "'\(text)' is outside the supported years \(dateYears.lowerBound)–\(dateYears.upperBound)"))
        }
        return .success(day)
    }

    /// `4500000`, `4_500_000`, `4.5M`, `750k`, `1.2bn`.
    public static func money(_ text: String) -> Result<Decimal, ScalarError> {
        let fail = ScalarError(.invalidMoney, "'\(text)' is not an amount: write a number such as 4500000, 4_500_000, 4.5M, 750k or 1.2bn")
        var body = Substring(text)
        var scale = 0
        if body.hasSuffix("bn") { scale = 9; body = body.dropLast(2) }
        else if body.hasSuffix("M") { scale = 6; body = body.dropLast() }
        else if body.hasSuffix("k") || body.hasSuffix("K") { scale = 3; body = body.dropLast() }
        if body.hasPrefix("-") {
            return .failure(ScalarError(.invalidMoney, "'\(text)' is negative; amounts are costs (use benefits: for savings)"))
        }
        guard let value = plainDecimal(body, allowSign: false) else { return .failure(fail) }
        let amount = scale == 0 ? value : Decimal(sign: .plus, exponent: scale, significand: value)
        guard amount <= maxMoney else {
            return .failure(ScalarError(.invalidMoney, "'\(text)' is over the largest amount accepted (1,000,000,000,000,000)"))
        }
        return .success(amount)
    }

    /// `2.25%` or `0.0225` (a fraction); either may be negative.
    public static func percentage(_ text: String) -> Result<Decimal, ScalarError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let isPercent = trimmed.hasSuffix("%")
        let body = isPercent ? trimmed.dropLast().trimmingCharacters(in: .whitespaces)[...] : Substring(trimmed)
        guard let value = plainDecimal(body, allowSign: true) else {
            return .failure(ScalarError(.invalidPercentage, "'\(text)' is not a percentage: write 2.25% or 0.0225"))
        }
        let fraction = isPercent ? value / 100 : value
        guard abs(fraction) <= 1000 else {
            return .failure(ScalarError(.invalidPercentage, "'\(text)' is out of range (at most 100,000%)"))
        }
        return .success(fraction)
    }

    /// An ISO 4217 currency code: three capital letters. It is printed beside every amount in every output,
    /// so anything else (markup, a `|` that breaks a table, a line break) is refused here, once.
    public static func currency(_ text: String) -> Result<String, ScalarError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.utf8.count == 3 && trimmed.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { return .success(trimmed) }
        let symbols = ["€": "EUR", "£": "GBP", "$": "USD", "¥": "JPY", "₣": "CHF"]
        let isThreeLetters = trimmed.unicodeScalars.count == 3 && trimmed.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
        let likely = symbols[trimmed] ?? (isThreeLetters ? trimmed.uppercased() : nil)
        let hint = likely.map { "; did you mean '\($0)'?" } ?? ", like EUR or GBP"
        return .failure(ScalarError(.invalidValue, "'\(text)' is not a currency code: write the ISO 4217 code of three capital letters\(hint)"))
    }

    /// `<integer><unit>` with unit d, w, cd, cw, mo or y.
    public static func duration(_ text: String) -> Result<PlanDuration, ScalarError> {
        // One pass over the bytes, no arrays: a large scenario has a duration in many coverage cells.
        var digits = 0
        var amount = 0
        for byte in text.utf8 {
            guard byte >= 0x30 && byte <= 0x39 else { break }
            digits += 1
            if digits <= 7 { amount = amount * 10 + Int(byte - 0x30) }
        }
        let unitText = String(Substring(text.utf8.dropFirst(digits)))
        guard digits > 0, let unit = DurationUnit(rawValue: unitText) else {
            var hint = "write a whole number and a unit: d (working days), w (working weeks), cd (calendar days), cw (calendar weeks), mo (months) or y (years), e.g. 60d or 6mo"
            if unitText == "m" { hint = "'m' is ambiguous: use mo for months" }
            return .failure(ScalarError(.invalidDuration, "'\(text)' is not a duration: \(hint)"))
        }
        let limit = maxDurationAmount[unit]!
        guard digits <= 7, amount <= limit else {
            return .failure(ScalarError(.invalidDuration, "'\(text)' is too long: at most \(limit)\(unit.rawValue)"))
        }
        return .success(PlanDuration(amount, unit))
    }

    public static func integer(_ text: String, in range: ClosedRange<Int>) -> Result<Int, ScalarError> {
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        guard !cleaned.isEmpty, cleaned.count <= 18, let value = Int(cleaned), !text.hasPrefix("+") else {
            return .failure(ScalarError(.wrongType, "'\(text)' is not a whole number"))
        }
        guard range.contains(value) else {
            return .failure(ScalarError(.invalidValue, "\(value) is out of range: expected \(range.lowerBound)…\(range.upperBound)"))
        }
        return .success(value)
    }

    public static func number(_ text: String, min: Int?, max: Int?) -> Result<Decimal, ScalarError> {
        guard let value = plainDecimal(Substring(text), allowSign: true) else {
            return .failure(ScalarError(.wrongType, "'\(text)' is not a number"))
        }
        if let min, value < Decimal(min) {
            return .failure(ScalarError(.invalidValue, "\(text) is below the minimum \(min)"))
        }
        if let max, value > Decimal(max) {
            return .failure(ScalarError(.invalidValue, "\(text) is above the maximum \(max)"))
        }
        return .success(value)
    }

    /// `ID`, `ID.start`, `ID.finish`, `ID.PART`, each with an optional `+ DURATION` lag.
    /// Scanned as bytes: a large plan has one of these per link.
    public static func reference(_ text: String, location: SourceLocation) -> Result<Reference, ScalarError> {
        let bytes = Array(text.utf8)
        let shape = ScalarError(.invalidReference, "'\(text)' is not a reference: write ID, ID.start, ID.finish or ID.PART, optionally followed by + DURATION")
        let plus = bytes.firstIndex(of: UInt8(ascii: "+"))
        var lag: PlanDuration?
        if let plus {
            let lagText = String(decoding: trimmed(bytes[(plus + 1)...]), as: UTF8.self)
            switch duration(lagText) {
            case .success(let value): lag = value.isZero ? nil : value
            case .failure(let error):
                return .failure(ScalarError(.invalidReference, "in '\(text)': the lag \(error.message)"))
            }
        }
        let head = trimmed(bytes[..<(plus ?? bytes.count)])
        if plus == nil && (text.contains(" - ") || head.last == UInt8(ascii: "-")) {
            return .failure(ScalarError(.invalidReference, "'\(text)': negative lags (leads) are not supported; write what it follows instead"))
        }
        let dot = head.firstIndex(of: UInt8(ascii: "."))
        let idBytes = head[..<(dot ?? head.endIndex)]
        guard !idBytes.isEmpty else { return .failure(shape) }
        let idText = String(decoding: idBytes, as: UTF8.self)
        guard idText == "last_go_live" || Identifier.isValid(idText) else {
            return .failure(ScalarError(.invalidReference, "'\(text)' is not a reference: '\(idText)' is not a valid id"))
        }
        var part: String?
        if let dot {
            let partBytes = head[(dot + 1)...]
            guard !partBytes.isEmpty, partBytes.allSatisfy({ ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "_") }) else {
                if partBytes.contains(UInt8(ascii: ".")) { return .failure(shape) }
                return .failure(ScalarError(.invalidReference, "'\(text)': '.\(String(decoding: partBytes, as: UTF8.self))' is not start, finish or a part name"))
            }
            part = String(decoding: partBytes, as: UTF8.self)
        }
        return .success(Reference(target: Identifier(idText), part: part, lag: lag, location: location))
    }

    /// Bytes without leading and trailing spaces and tabs.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var result = bytes
        while let first = result.first, first == 0x20 || first == 0x09 { result = result.dropFirst() }
        while let last = result.last, last == 0x20 || last == 0x09 { result = result.dropLast() }
        return result
    }

    /// The event words a cost line's `from`/`until` takes besides dates and item references.
    public static let eventWords = ["contract", "go_live", "last_go_live", "retirement", "planned_retirement"]

    /// A cost line's `from`/`until`: a date, an event word (`eventWords`) or an item reference (no lag).
    public static func event(_ text: String, location: SourceLocation) -> Result<CostEvent, ScalarError> {
        switch text {
        case "contract": return .success(.contract)
        case "go_live": return .success(.goLive)
        case "last_go_live": return .success(.lastGoLive)
        case "retirement": return .success(.retirement)
        case "planned_retirement": return .success(.plannedRetirement)
        default: break
        }
        if let first = text.unicodeScalars.first, ("0"..."9").contains(first), text.count == 10, text.contains("-") {
            return date(text).map(CostEvent.date)
        }
        if text.contains("+") {
            return .failure(ScalarError(.invalidReference, "'\(text)': a cost line's from/until takes a date or an event, without a lag"))
        }
        return reference(text, location: location).map(CostEvent.item)
    }

    /// Digits with optional `_` separators and one decimal point; nil for anything else (no exponents).
    static func plainDecimal(_ text: Substring, allowSign: Bool) -> Decimal? {
        var negative = false
        var body = text
        if allowSign, let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        var significand: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        var previousWasDigit = false
        for byte in body.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                significand.append(byte - 0x30)
                if seenPoint { fractionDigits += 1 }
                previousWasDigit = true
            case UInt8(ascii: "_"):
                guard previousWasDigit else { return nil }
                previousWasDigit = false
            case UInt8(ascii: "."):
                guard !seenPoint else { return nil }
                seenPoint = true
                previousWasDigit = false
            default:
                return nil
            }
        }
        guard !significand.isEmpty, previousWasDigit || (seenPoint && body.last == "." && significand.count > 0) else { return nil }
        // Drop leading zeros so long inputs of zeros stay cheap; keep at most 38 significant digits.
        while significand.count > 1 && significand.first == 0 && significand.count > fractionDigits + 1 { significand.removeFirst() }
        guard significand.count <= 38 else { return nil }
        var value = Decimal(0)
        for digit in significand { value = value * 10 + Decimal(Int(digit)) }
        if fractionDigits > 0 { value = Decimal(sign: .plus, exponent: -fractionDigits, significand: value) }
        return negative ? -value : value
    }
}
