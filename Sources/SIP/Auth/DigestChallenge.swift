/// A `WWW-Authenticate` or `Proxy-Authenticate` Digest challenge (RFC 3261 §22, RFC 2617 §3.2.1, RFC 8760).
public struct DigestChallenge: Hashable, Sendable {
    public var realm: String
    public var nonce: String
    public var opaque: String?
    /// nil when the server named an algorithm we do not support.
    public var algorithm: DigestAlgorithm?
    public var algorithmName: String?
    /// `auth`, `auth-int`, as offered; empty for an RFC 2069 challenge without qop.
    public var qopOptions: [String]
    /// The nonce was stale: retry with the new one even though the password was right (RFC 2617 §3.2.1).
    public var stale: Bool

    public init(parsing value: String) throws(SIPParseError) {
        let text = SIPSyntax.trim(Substring(value))
        guard let space = text.firstIndex(where: SIPSyntax.isWhitespace),
            text[..<space].lowercased() == "digest"
        else { throw .malformedHeader("not a Digest challenge") }
        let parameters = try Self.parseAuthParameters(text[space...])
        guard let realm = parameters["realm"], let nonce = parameters["nonce"] else {
            throw .malformedHeader("Digest challenge without realm or nonce")
        }
        self.realm = realm
        self.nonce = nonce
        self.opaque = parameters["opaque"]
        self.algorithmName = parameters["algorithm"]
        self.algorithm = DigestAlgorithm(name: parameters["algorithm"])
        self.qopOptions =
            parameters["qop"].map { qop in
                qop.split(separator: ",").map { SIPSyntax.trim($0).lowercased() }.filter { !$0.isEmpty }
            } ?? []
        self.stale = parameters["stale"]?.lowercased() == "true"
    }

    /// The challenge to answer among several of one response: the strongest supported algorithm (RFC 8760 §2.4).
    public static func preferred(among values: [String]) -> DigestChallenge? {
        values.compactMap { try? DigestChallenge(parsing: $0) }
            .filter { $0.algorithm != nil }
            .max { $0.algorithm!.strength < $1.algorithm!.strength }
    }

    /// `name=value, name="quoted, value"` → lower-cased names to values.
    static func parseAuthParameters(_ text: Substring) throws(SIPParseError) -> [String: String] {
        var result: [String: String] = [:]
        var rest = SIPSyntax.trim(text)
        while !rest.isEmpty {
            if rest.first == "," {
                rest = SIPSyntax.trim(rest.dropFirst())
                continue
            }
            guard let equals = rest.firstIndex(of: "=") else { throw .malformedHeader("auth parameter") }
            let name = SIPSyntax.trim(rest[..<equals])
            guard SIPSyntax.isToken(name) else { throw .malformedHeader("auth parameter name") }
            rest = SIPSyntax.trim(rest[rest.index(after: equals)...])
            if rest.first == "\"" {
                guard let (content, after) = SIPSyntax.readQuotedString(rest) else {
                    throw .malformedHeader("unterminated auth parameter")
                }
                result[name.lowercased()] = content
                rest = SIPSyntax.trim(after)
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                result[name.lowercased()] = String(SIPSyntax.trim(rest[..<end]))
                rest = rest[end...]
            }
        }
        return result
    }
}
