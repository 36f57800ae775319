/// The answer to a Digest challenge: the `Authorization` / `Proxy-Authorization` value (RFC 2617 §3.2.2,
/// RFC 7616 §3.4, RFC 8760).
public struct DigestAuthorization: Hashable, Sendable, CustomStringConvertible {
    public var username: String
    public var realm: String
    public var nonce: String
    public var uri: String
    public var response: String
    public var algorithm: DigestAlgorithm
    public var cnonce: String?
    public var opaque: String?
    public var qop: String?
    public var nonceCount: UInt32?
    /// Whether the challenge named its algorithm; when it did not, neither do we (RFC 2617 servers).
    var echoesAlgorithm: Bool

    public enum Failure: Error, Sendable, Equatable {
        case unsupportedAlgorithm(String)
        case unsupportedQop([String])
    }

    /// - Parameters:
    ///   - uri: the digest-uri, which for SIP is the Request-URI (RFC 3261 §22.4).
    ///   - body: the message body, used only with `qop=auth-int`.
    ///   - cnonce: a fresh client nonce; `nonceCount` counts the requests sent with this server nonce, from 1.
    public init(
        answering challenge: DigestChallenge, method: SIPMethod, uri: String, username: String, password: String,
        body: [UInt8] = [], cnonce: String, nonceCount: UInt32 = 1
    ) throws(Failure) {
        guard let algorithm = challenge.algorithm else {
            throw .unsupportedAlgorithm(challenge.algorithmName ?? "")
        }
        let qop: String?
        if challenge.qopOptions.isEmpty {
            qop = nil
        } else if challenge.qopOptions.contains("auth") {
            qop = "auth"
        } else if challenge.qopOptions.contains("auth-int") {
            qop = "auth-int"
        } else {
            throw .unsupportedQop(challenge.qopOptions)
        }
        var ha1 = algorithm.hash("\(username):\(challenge.realm):\(password)")
        if algorithm.isSession { ha1 = algorithm.hash("\(ha1):\(challenge.nonce):\(cnonce)") }
        let a2 = qop == "auth-int" ? "\(method):\(uri):\(algorithm.hash(body))" : "\(method):\(uri)"
        let ha2 = algorithm.hash(a2)
        let count = Self.hex8(nonceCount)
        let response: String
        if let qop {
            response = algorithm.hash("\(ha1):\(challenge.nonce):\(count):\(cnonce):\(qop):\(ha2)")
        } else {
            response = algorithm.hash("\(ha1):\(challenge.nonce):\(ha2)")
        }
        self.username = username
        self.realm = challenge.realm
        self.nonce = challenge.nonce
        self.uri = uri
        self.response = response
        self.algorithm = algorithm
        self.cnonce = qop == nil && !algorithm.isSession ? nil : cnonce
        self.opaque = challenge.opaque
        self.qop = qop
        self.nonceCount = qop == nil ? nil : nonceCount
        self.echoesAlgorithm = challenge.algorithmName != nil
    }

    public var description: String {
        var parts = [
            "username=\(SIPSyntax.quoted(username))", "realm=\(SIPSyntax.quoted(realm))",
            "nonce=\(SIPSyntax.quoted(nonce))", "uri=\(SIPSyntax.quoted(uri))",
            "response=\(SIPSyntax.quoted(response))",
        ]
        if echoesAlgorithm || algorithm != .md5 { parts.append("algorithm=\(algorithm.rawValue)") }
        if let cnonce { parts.append("cnonce=\(SIPSyntax.quoted(cnonce))") }
        if let opaque { parts.append("opaque=\(SIPSyntax.quoted(opaque))") }
        if let qop, let nonceCount { parts.append("qop=\(qop), nc=\(Self.hex8(nonceCount))") }
        return "Digest " + parts.joined(separator: ", ")
    }

    private static func hex8(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
