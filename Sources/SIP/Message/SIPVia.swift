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
        self = try value.withSIPBytes { bytes throws(SIPParseError) in try SIPVia(bytes, bytes.scanVia(bytes.all)) }
    }

    init(_ bytes: SIPBytes, _ spans: SIPViaSpans) throws(SIPParseError) {
        transport =
            Self.knownTransports.first { known in
                known.utf8.count == spans.transport.count
                    && known.utf8.elementsEqual(UnsafeBufferPointer(rebasing: bytes.buffer[spans.transport]))
            } ?? bytes.string(spans.transport).uppercased()
        host = bytes.string(spans.host)
        port = spans.port
        parameters = try SIPParameters(bytes, spans.parameters)
    }

    private static let knownTransports = ["UDP", "TCP", "TLS", "SCTP", "WS", "WSS"]

    public var description: String {
        var result = "SIP/2.0/"
        result.reserveCapacity(96)
        result.append(transport)
        result.append(" ")
        result.appendHostPort(host, port: port)
        parameters.write(to: &result)
        return result
    }
}
