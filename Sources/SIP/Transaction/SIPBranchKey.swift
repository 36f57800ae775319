/// A transaction's branch as a dictionary key. A branch of the form this agent makes (the magic cookie and 16
/// lower-case hex digits) is kept as the number it carries, so matching a response to its transaction neither builds
/// nor hashes a String; any other branch is kept as its text. Both forms come from the same rule, so two branches
/// give equal keys exactly when their texts are equal (RFC 3261 §17.1.3 compares them as they are).
enum SIPBranchKey: Hashable, Sendable {
    case number(UInt64)
    case text(String)

    init(_ branch: String) {
        var branch = branch
        self = branch.withUTF8 { Self.number(in: $0) } ?? .text(branch)
    }

    init(_ bytes: SIPBytes, _ range: Range<Int>) {
        self =
            Self.number(in: UnsafeBufferPointer(rebasing: bytes.buffer[range]))
            ?? .text(bytes.string(range))
    }

    private static let cookie = Array(SIPVia.magicCookie.utf8)

    private static func number(in utf8: UnsafeBufferPointer<UInt8>) -> SIPBranchKey? {
        guard utf8.count == cookie.count + 16, utf8.starts(with: cookie) else { return nil }
        var value: UInt64 = 0
        for byte in utf8[cookie.count...] {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt64(nibble)
        }
        return .number(value)
    }
}

extension SIPHeaders {
    /// The top Via's branch as a transaction key, without a String for a branch this agent made.
    var topViaBranchKey: SIPBranchKey? {
        topViaBranch(plain: SIPBranchKey.init, quoted: SIPBranchKey.init)
    }
}
