/// A header field name. Names compare without regard to case (RFC 3261 §7.3.1), and the compact forms of §7.3.3
/// (`i`, `f`, `t`, `v`, `m`, `l`, `c`, …) mean the same header as their long names.
public struct SIPHeaderName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The spelling written on the wire: the long form of a known header, otherwise the name as it was received.
    public let canonical: String
    private let key: String

    public init(_ name: String) {
        // Most names arrive as we write them (or compact): found without lower-casing.
        if let known = Self.known[name] ?? Self.known[name.lowercased()] {
            canonical = known.canonical
            key = known.key
        } else {
            canonical = name
            key = name.lowercased()
        }
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { canonical }

    public static func == (lhs: SIPHeaderName, rhs: SIPHeaderName) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// Headers whose values may be a comma-separated list (RFC 3261 §7.3.1). The authentication headers are not,
    /// even though their parameters are separated by commas.
    var allowsCommaSeparatedValues: Bool {
        Self.listHeaders.contains(key)
    }

    public static let via: SIPHeaderName = "Via"
    public static let from: SIPHeaderName = "From"
    public static let to: SIPHeaderName = "To"
    public static let callID: SIPHeaderName = "Call-ID"
    public static let cseq: SIPHeaderName = "CSeq"
    public static let contact: SIPHeaderName = "Contact"
    public static let maxForwards: SIPHeaderName = "Max-Forwards"
    public static let contentLength: SIPHeaderName = "Content-Length"
    public static let contentType: SIPHeaderName = "Content-Type"
    public static let route: SIPHeaderName = "Route"
    public static let recordRoute: SIPHeaderName = "Record-Route"
    public static let expires: SIPHeaderName = "Expires"
    public static let wwwAuthenticate: SIPHeaderName = "WWW-Authenticate"
    public static let proxyAuthenticate: SIPHeaderName = "Proxy-Authenticate"
    public static let authorization: SIPHeaderName = "Authorization"
    public static let proxyAuthorization: SIPHeaderName = "Proxy-Authorization"
    public static let userAgent: SIPHeaderName = "User-Agent"
    public static let allow: SIPHeaderName = "Allow"
    public static let supported: SIPHeaderName = "Supported"
    public static let warning: SIPHeaderName = "Warning"
    public static let reason: SIPHeaderName = "Reason"

    /// Lower-cased name, long form or compact form → the long form we write and its key.
    private static let known: [String: (canonical: String, key: String)] = {
        var table: [String: (canonical: String, key: String)] = [:]
        let longNames = [
            "Accept", "Accept-Encoding", "Accept-Language", "Alert-Info", "Allow", "Allow-Events",
            "Authentication-Info", "Authorization", "Call-ID", "Call-Info", "Contact", "Content-Disposition",
            "Content-Encoding", "Content-Language", "Content-Length", "Content-Type", "CSeq", "Date", "Error-Info",
            "Event", "Expires", "From", "In-Reply-To", "Max-Forwards", "Min-Expires", "MIME-Version",
            "Organization", "P-Asserted-Identity", "Priority", "Proxy-Authenticate", "Proxy-Authorization",
            "Proxy-Require", "Reason", "Record-Route", "Refer-To", "Referred-By", "Reply-To", "Require",
            "Retry-After", "Route", "RSeq", "Server", "Session-Expires", "Subject", "Supported", "Timestamp", "To",
            "Unsupported", "User-Agent", "Via", "Warning", "WWW-Authenticate",
        ]
        for name in longNames {
            table[name.lowercased()] = (name, name.lowercased())
            table[name] = (name, name.lowercased())
        }
        let compact: [String: String] = [
            "i": "Call-ID", "m": "Contact", "e": "Content-Encoding", "l": "Content-Length", "c": "Content-Type",
            "f": "From", "s": "Subject", "k": "Supported", "t": "To", "v": "Via", "r": "Refer-To", "b": "Referred-By",
            "o": "Event", "u": "Allow-Events", "x": "Session-Expires",
        ]
        for (short, long) in compact {
            table[short] = (long, long.lowercased())
            table[short.uppercased()] = (long, long.lowercased())
        }
        return table
    }()

    private static let listHeaders: Set<String> = [
        "via", "contact", "route", "record-route", "allow", "supported", "require", "proxy-require",
        "unsupported", "accept", "accept-encoding", "accept-language", "content-encoding", "content-language",
        "allow-events", "alert-info", "call-info", "error-info", "in-reply-to", "warning", "reply-to",
        "p-asserted-identity", "reason",
    ]
}
