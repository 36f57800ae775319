/// A SIP request (RFC 3261 §7.1).
///
/// A received request keeps its Request-URI as the text it came with, checked but not built: a user agent answers
/// most requests it receives without reading it, and building it was a sixth of the time to parse an INVITE. It is
/// built when read, and written back as it came (a CANCEL's or an ACK's stays byte for byte its INVITE's).
public struct SIPRequest: Hashable, Sendable {
    private enum StoredURI: Sendable {
        case built(SIPURI)
        /// Checked by the parser to be a URI; building it cannot fail.
        case received(String)
    }

    public var method: SIPMethod
    public var headers: SIPHeaders
    public var body: [UInt8]
    private var storedURI: StoredURI

    public var uri: SIPURI {
        get {
            switch storedURI {
            case .built(let uri): uri
            case .received(let text): SIPURI(checkedText: text)
            }
        }
        set { storedURI = .built(newValue) }
    }

    public init(method: SIPMethod, uri: SIPURI, headers: SIPHeaders = [:], body: [UInt8] = []) {
        self.method = method
        self.headers = headers
        self.body = body
        storedURI = .built(uri)
    }

    /// A request as parsed, its Request-URI the checked text of the start line.
    init(method: SIPMethod, receivedURI: String, headers: SIPHeaders, body: [UInt8] = []) {
        self.method = method
        self.headers = headers
        self.body = body
        storedURI = .received(receivedURI)
    }

    /// Another request to this one's Request-URI, kept in the form it has here.
    func sameTarget(method: SIPMethod, headers: SIPHeaders) -> SIPRequest {
        var request = self
        request.method = method
        request.headers = headers
        request.body = []
        return request
    }

    func writeURI(to sink: inout some SIPByteSink) {
        switch storedURI {
        case .built(let uri): uri.write(to: &sink)
        case .received(let text): sink.writeSIPText(text)
        }
    }

    public static func == (lhs: SIPRequest, rhs: SIPRequest) -> Bool {
        lhs.method == rhs.method && lhs.uri == rhs.uri && lhs.headers == rhs.headers && lhs.body == rhs.body
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(uri)
        hasher.combine(headers)
        hasher.combine(body)
    }
}

/// A SIP response (RFC 3261 §7.2).
public struct SIPResponse: Hashable, Sendable {
    public var statusCode: Int
    public var reasonPhrase: String
    public var headers: SIPHeaders
    public var body: [UInt8]

    public init(statusCode: Int, reasonPhrase: String? = nil, headers: SIPHeaders = [:], body: [UInt8] = []) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase ?? SIPResponse.standardReason(statusCode)
        self.headers = headers
        self.body = body
    }

    public var isProvisional: Bool { statusCode < 200 }
    public var isSuccess: Bool { (200..<300).contains(statusCode) }
}

public enum SIPMessage: Hashable, Sendable {
    case request(SIPRequest)
    case response(SIPResponse)

    public var headers: SIPHeaders {
        switch self {
        case .request(let request): request.headers
        case .response(let response): response.headers
        }
    }

    public var body: [UInt8] {
        switch self {
        case .request(let request): request.body
        case .response(let response): response.body
        }
    }
}
