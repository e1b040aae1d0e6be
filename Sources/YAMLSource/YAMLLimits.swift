/// Hard limits on what the parser accepts; hostile or runaway input is refused with a message.
public struct YAMLLimits: Sendable, Equatable {
    /// Largest accepted input, in bytes (64 MiB; the CLI's `--max-input-size`).
    public var maxInputBytes: Int
    /// Largest accepted scalar, in bytes (1 MiB).
    public var maxScalarBytes: Int
    /// Deepest accepted nesting of lists and mappings.
    public var maxDepth: Int
    /// Most nodes that aliases may add when expanded (stops "billion laughs" files).
    public var maxAliasNodes: Int

    public init(
        maxInputBytes: Int = 64 * 1024 * 1024,
        maxScalarBytes: Int = 1024 * 1024,
        maxDepth: Int = 64,
        maxAliasNodes: Int = 1_000_000
    ) {
        self.maxInputBytes = maxInputBytes
        self.maxScalarBytes = maxScalarBytes
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
    }

    public static let standard = YAMLLimits()
}

/// A byte count in the units people use: "64 MiB", "1 MiB", "512 KiB", "900 bytes".
public func describeByteCount(_ bytes: Int) -> String {
    let mib = 1024 * 1024
    if bytes >= mib && bytes % mib == 0 { return "\(bytes / mib) MiB" }
    if bytes >= 1024 && bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
    return "\(bytes) bytes"
}
