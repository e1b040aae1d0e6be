import Foundation

/// SplitMix64: a small, fast, seedable generator. Each iteration gets its own stream derived from
/// the seed and the iteration number, so results do not depend on how iterations are spread over threads.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    /// The stream of one iteration of a run.
    public init(seed: UInt64, iteration: Int) {
        var mixer = SplitMix64(state: seed ^ 0x5DEE_CE66_D1CE_4E5B)
        _ = mixer.next()
        state = mixer.next() &+ UInt64(iteration) &* 0x9E37_79B9_7F4A_7C15
        _ = next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

/// Draws from the three-point distributions of the format.
public enum Sampling {
    /// Triangular(low, mode, high) by the inverse distribution function.
    public static func triangular(_ low: Double, _ mode: Double, _ high: Double, _ random: inout SplitMix64) -> Double {
        guard high > low else { return low }
        let u = random.unit()
        let split = (mode - low) / (high - low)
        if u < split { return low + ((high - low) * (mode - low) * u).squareRoot() }
        return high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
    }

    /// PERT: a Beta distribution on [low, high] with α = 1 + 4(mode − low)/(high − low), β = 1 + 4(high − mode)/(high − low).
    public static func pert(_ low: Double, _ mode: Double, _ high: Double, _ random: inout SplitMix64) -> Double {
        guard high > low else { return low }
        let alpha = 1 + 4 * (mode - low) / (high - low)
        let beta = 1 + 4 * (high - mode) / (high - low)
        let x = gamma(alpha, &random), y = gamma(beta, &random)
        return low + (high - low) * x / (x + y)
    }

    /// Gamma(shape, 1) by Marsaglia and Tsang's method (shape ≥ 1 here).
    static func gamma(_ shape: Double, _ random: inout SplitMix64) -> Double {
        let d = shape - 1.0 / 3.0, c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat {
                x = normal(&random)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = random.unit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A standard normal draw (Box–Muller).
    static func normal(_ random: inout SplitMix64) -> Double {
        let u1 = max(random.unit(), 1e-300), u2 = random.unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
