/// What one outgoing call needs to know about the trunk and about us.
public struct OutboundCallParameters: Sendable, Hashable {
    /// The Request-URI: the number at the trunk (`sip:+81312345678@trunk;user=phone`).
    public var target: SIPURI
    /// From: our caller ID at the trunk; a tag is added.
    public var from: SIPNameAddress
    /// Where the peer reaches us for in-dialog requests.
    public var contact: SIPURI
    /// Our Via sent-by and transport for requests of this call.
    public var via: ViaTemplate
    /// For 401/407 challenges; nil when the trunk trusts our address.
    public var credentials: SIPCredentials?
    /// The SDP offer for the INVITE, if any.
    public var offer: [UInt8]?
    /// Give up ringing after this long (CANCEL).
    public var ringTimeout: Duration
    public var userAgent: String

    public struct ViaTemplate: Sendable, Hashable {
        public var transport: String
        public var host: String
        public var port: Int

        public init(transport: String, host: String, port: Int) {
            self.transport = transport
            self.host = host
            self.port = port
        }

        /// The Via value of a request with this branch, with `rport` (RFC 3581): what `SIPVia(…).description` writes,
        /// written straight into one string.
        func value(branch: String) -> String {
            var text = "SIP/2.0/"
            text.reserveCapacity(32 + transport.utf8.count + host.utf8.count + branch.utf8.count)
            text.append(transport.uppercased())
            text.append(" ")
            text.appendHostPort(host, port: port)
            text.append(";branch=")
            text.append(branch)
            text.append(";rport")
            return text
        }
    }

    public init(
        target: SIPURI, from: SIPNameAddress, contact: SIPURI, via: ViaTemplate, credentials: SIPCredentials?,
        offer: [UInt8]?, ringTimeout: Duration, userAgent: String = "Tsunagu"
    ) {
        self.target = target
        self.from = from
        self.contact = contact
        self.via = via
        self.credentials = credentials
        self.offer = offer
        self.ringTimeout = ringTimeout
        self.userAgent = userAgent
    }
}

public struct SIPCredentials: Sendable, Hashable {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }
}
