/// A SIP or SIPS URI (RFC 3261 §19.1), or another absolute URI (`tel:`, RFC 3966) kept as it came.
public struct SIPURI: Hashable, Sendable, CustomStringConvertible {
    /// `sip`, `sips`, or another scheme, lower-cased.
    public var scheme: String
    public var user: String?
    public var password: String?
    /// A host name, an IPv4 address, or an IPv6 address without brackets.
    public var host: String
    public var port: Int?
    public var parameters: SIPParameters
    /// The `?name=value&…` part, unparsed.
    public var headers: String?
    /// For schemes other than sip/sips: everything after `scheme:`.
    public var opaque: String?

    public init(
        scheme: String = "sip", user: String? = nil, host: String, port: Int? = nil,
        parameters: SIPParameters = SIPParameters()
    ) {
        self.scheme = scheme
        self.user = user
        self.password = nil
        self.host = host
        self.port = port
        self.parameters = parameters
        self.headers = nil
        self.opaque = nil
    }

    public var isSIP: Bool { scheme == "sip" || scheme == "sips" }

    /// The transport the URI asks for (`;transport=`), if any, lower-cased.
    public var transport: String? { parameters.value("transport")?.lowercased() }

    /// A URI from text the parser has already checked. Should it not parse after all, it is kept whole as an
    /// opaque URI of its scheme, so that it is still written back as it came.
    init(checkedText text: String) {
        if let uri = try? SIPURI(parsing: text) {
            self = uri
            return
        }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        self.init(scheme: parts.count == 2 ? parts[0].lowercased() : "sip", host: "")
        opaque = parts.count == 2 ? String(parts[1]) : text
    }

    public init(parsing text: some StringProtocol) throws(SIPParseError) {
        self = try text.withSIPBytes { bytes throws(SIPParseError) in try SIPURI(bytes, bytes.scanURI(bytes.all)) }
    }

    init(_ bytes: SIPBytes, _ spans: SIPURISpans) throws(SIPParseError) {
        if bytes.equals(spans.scheme, "sip") {
            scheme = "sip"
        } else if bytes.equals(spans.scheme, "sips") {
            scheme = "sips"
        } else {
            scheme = bytes.string(spans.scheme).lowercased()
        }
        user = spans.user.map(bytes.string)
        password = spans.password.map(bytes.string)
        host = spans.isSIP ? bytes.string(spans.host) : ""
        port = spans.port
        parameters =
            try spans.parameters.map { range throws(SIPParseError) in try SIPParameters(bytes, range) }
            ?? SIPParameters()
        headers = spans.headers.map(bytes.string)
        opaque = spans.opaque.map(bytes.string)
    }

    /// `host` or `[v6]`, with `:port` when set.
    public var hostPort: String {
        var result = ""
        result.appendHostPort(host, port: port)
        return result
    }

    public var description: String {
        var result = ""
        result.reserveCapacity(64)
        write(to: &result)
        return result
    }
}
