import Foundation

/// Rounding rules of the fit-gap and cost engines, in one place.
public enum ExactDecimal {
    /// Half-even rounding to `places` decimals.
    public static func rounded(_ value: Decimal, _ places: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, places, .bankers)
        return result
    }

    /// The value used when comparing for ties: rounded half-even to 9 decimals.
    public static func tieKey(_ value: Decimal) -> Decimal { rounded(value, 9) }
}
