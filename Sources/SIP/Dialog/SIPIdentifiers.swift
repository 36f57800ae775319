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
        branch: { SIPVia.magicCookie + randomHex(16) },
        tag: { randomHex(16) },
        callID: { randomHex(24) },
        cnonce: { randomHex(16) }
    )

    static func randomHex(_ digits: Int) -> String {
        let alphabet = Array("0123456789abcdef")
        var generator = SystemRandomNumberGenerator()
        return String((0..<digits).map { _ in alphabet[Int(generator.next() % 16)] })
    }
}
