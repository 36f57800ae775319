/// Where new branches, tags, Call-IDs and client nonces come from. Random by default; tests pass counters.
public struct SIPIdentifiers: Sendable {
    public var branch: @Sendable () -> String
    public var tag: @Sendable () -> String
    public var callID: @Sendable () -> String
    public var cnonce: @Sendable () -> String

    public init(
        branch: @escaping @Sendable () -> String, tag: @escaping @Sendable () -> String,
        callID: @escaping @Sendable () -> String, cnonce: @escaping @Sendable () -> String
    ) {
        self.branch = branch
        self.tag = tag
        self.callID = callID
        self.cnonce = cnonce
    }

    /// RFC 3261 §8.1.1.7 branches (magic cookie + 64 random bits), §19.3 tags and Call-IDs with 64+ random bits.
    public static let random = SIPIdentifiers(
        branch: { randomHex(16, after: SIPVia.magicCookie) },
        tag: { randomHex(16) },
        callID: { randomHex(24) },
        cnonce: { randomHex(16) }
    )

    /// `digits` lower-case hex digits, 64 random bits per 16 digits, after `prefix` (written into the same string).
    static func randomHex(_ digits: Int, after prefix: String = "") -> String {
        String(unsafeUninitializedCapacity: prefix.utf8.count + digits) { text in
            let start = prefix.utf8.count
            for (index, byte) in prefix.utf8.enumerated() { text[index] = byte }
            var word: UInt64 = 0
            for index in 0..<digits {
                if index % 16 == 0 { word = SIPRandomWords.shared.next() }
                let nibble = UInt8(truncatingIfNeeded: word & 0xF)
                word >>= 4
                text[start + index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            }
            return start + digits
        }
    }
}
