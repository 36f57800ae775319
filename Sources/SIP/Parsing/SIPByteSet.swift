/// A set of ASCII bytes as two 64-bit masks: membership is a shift and a test, with no table to load and no branch
/// per character range, which is what the scanners' per-byte loops spend their time on.
struct SIPByteSet {
    /// Bytes 0–63.
    let low: UInt64
    /// Bytes 64–127.
    let high: UInt64

    /// Arithmetic only: a branch on the byte's half mispredicts on text that mixes letters and digits.
    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        let highHalf = 0 &- UInt64((byte >> 6) & 1)
        let word = low ^ ((low ^ high) & highHalf)
        return (word >> UInt64(byte & 63)) & UInt64(1 &- (byte >> 7)) != 0
    }

    /// RFC 3261 §25.1 token: letters, digits and `-.!%*_+`'~`.
    static var token: SIPByteSet { SIPByteSet(low: 0x03ff_6ca2_0000_0000, high: 0x47ff_ffff_87ff_fffe) }
    /// A parameter name: a token, or `[`, `]` and `:` (RFC 3261 §25.1 param-unreserved).
    static var parameterName: SIPByteSet { SIPByteSet(low: 0x07ff_6ca2_0000_0000, high: 0x47ff_ffff_afff_fffe) }
    /// A host name or IPv4 address: letters, digits, `-` and `.`.
    static var hostName: SIPByteSet { SIPByteSet(low: 0x03ff_6000_0000_0000, high: 0x07ff_fffe_07ff_fffe) }
    /// An IPv6 address inside brackets: hex digits, `:` and `.`.
    static var ipv6: SIPByteSet { SIPByteSet(low: 0x07ff_4000_0000_0000, high: 0x0000_007e_0000_007e) }
    /// A URI scheme after its first letter (RFC 3986 §3.1): letters, digits, `+`, `-` and `.`.
    static var scheme: SIPByteSet { SIPByteSet(low: 0x03ff_6800_0000_0000, high: 0x07ff_fffe_07ff_fffe) }
    /// What a list value must look at to split at its commas: `"`, `,`, `<` and `>`.
    static var listDelimiter: SIPByteSet { SIPByteSet(low: 0x5000_1004_0000_0000, high: 0) }
}
