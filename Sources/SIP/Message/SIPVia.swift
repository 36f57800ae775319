/// One Via value (RFC 3261 §20.42): `SIP/2.0/UDP host:port;branch=z9hG4bK…;rport;received=…`.
public struct SIPVia: Hashable, Sendable, CustomStringConvertible {
    /// `UDP`, `TCP`, `TLS`, `WS`, … upper-cased.
    public var transport: String
    public var host: String
    public var port: Int?
    public var parameters: SIPParameters

    /// RFC 3261 §8.1.1.7: branches of compliant elements start with this.
    public static let magicCookie = "z9hG4bK"

    public init(transport: String, host: String, port: Int?, branch: String, rport: Bool = true) {
        self.transport = transport.uppercased()
        self.host = host
        self.port = port
        var parameters = SIPParameters()
        parameters.set("branch", branch)
        if rport { parameters.set("rport", nil) }
        self.parameters = parameters
    }

    public var branch: String? { parameters.value("branch") }
    public var received: String? { parameters.value("received") }
    /// RFC 3581: the port the response was sent from, filled in by the server.
    public var rport: Int? { parameters.value("rport").flatMap(Int.init) }

    public init(parsing value: some StringProtocol) throws(SIPParseError) {
        let text = SIPSyntax.trim(Substring(value))
        // sent-protocol: "SIP" "/" "2.0" "/" transport, with optional whitespace around the slashes.
        var parts: [Substring] = []
        var rest = text
        for _ in 0..<2 {
            guard let slash = SIPSyntax.find(UInt8(ascii: "/"), in: rest) else {
                throw .malformedHeader("Via \"\(text)\"")
            }
            parts.append(SIPSyntax.trim(rest[..<slash]))
            rest = SIPSyntax.trim(SIPSyntax.after(slash, in: rest))
        }
        guard parts[0].utf8.count == 3, parts[0].uppercased() == "SIP", parts[1] == "2.0" else {
            throw .malformedHeader("Via \"\(text)\"")
        }
        guard let space = SIPSyntax.find(rest, where: SIPSyntax.isWhitespaceByte) else {
            throw .malformedHeader("Via \"\(text)\"")
        }
        let transport = rest[..<space]
        guard SIPSyntax.isToken(transport) else { throw .malformedHeader("Via transport \"\(transport)\"") }
        self.transport = Self.knownTransports.first { $0.utf8.elementsEqual(transport.utf8) } ?? transport.uppercased()
        rest = SIPSyntax.trim(rest[space...])
        let semicolon = SIPSyntax.find(UInt8(ascii: ";"), in: rest) ?? rest.endIndex
        let sentBy = SIPSyntax.trim(rest[..<semicolon])
        (host, port) = try SIPURI.parseHostPort(sentBy, whole: text)
        parameters = try SIPParameters.parse(rest[semicolon...])
    }

    private static let knownTransports = ["UDP", "TCP", "TLS", "SCTP", "WS", "WSS"]

    public var description: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        let sentBy = port.map { "\(bracketed):\($0)" } ?? bracketed
        return "SIP/2.0/\(transport) \(sentBy)\(parameters.serialized)"
    }
}
