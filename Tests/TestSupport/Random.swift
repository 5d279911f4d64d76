import Foundation

/// SplitMix64: a tiny seeded generator, so a property test's failing case replays from its
/// seed. The one generator every test target uses.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The seed from `PIPEGEN_SEED` when set (decimal or `0x` hex, to replay a failure), else
/// `fallback`.
public func seed(default fallback: UInt64) -> UInt64 {
    guard let text = ProcessInfo.processInfo.environment["PIPEGEN_SEED"] else { return fallback }
    if text.hasPrefix("0x"), let v = UInt64(text.dropFirst(2), radix: 16) { return v }
    return UInt64(text) ?? fallback
}
