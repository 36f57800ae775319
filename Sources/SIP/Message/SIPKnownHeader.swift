/// The header names we know: their long forms as we write them, and the compact forms of RFC 3261 §7.3.3 and
/// later RFCs. Looking a received name up is a switch on its length and first letter, with no table to load.
enum SIPKnownHeader: UInt8, CaseIterable, Sendable {
    case accept
    case acceptEncoding
    case acceptLanguage
    case alertInfo
    case allow
    case allowEvents
    case authenticationInfo
    case authorization
    case callID
    case callInfo
    case contact
    case contentDisposition
    case contentEncoding
    case contentLanguage
    case contentLength
    case contentType
    case cseq
    case date
    case errorInfo
    case event
    case expires
    case from
    case inReplyTo
    case maxForwards
    case minExpires
    case mimeVersion
    case organization
    case pAssertedIdentity
    case priority
    case proxyAuthenticate
    case proxyAuthorization
    case proxyRequire
    case reason
    case recordRoute
    case referTo
    case referredBy
    case replyTo
    case require
    case retryAfter
    case route
    case rseq
    case server
    case sessionExpires
    case subject
    case supported
    case timestamp
    case to
    case unsupported
    case userAgent
    case via
    case warning
    case wwwAuthenticate

    var canonical: String {
        switch self {
        case .accept: "Accept"
        case .acceptEncoding: "Accept-Encoding"
        case .acceptLanguage: "Accept-Language"
        case .alertInfo: "Alert-Info"
        case .allow: "Allow"
        case .allowEvents: "Allow-Events"
        case .authenticationInfo: "Authentication-Info"
        case .authorization: "Authorization"
        case .callID: "Call-ID"
        case .callInfo: "Call-Info"
        case .contact: "Contact"
        case .contentDisposition: "Content-Disposition"
        case .contentEncoding: "Content-Encoding"
        case .contentLanguage: "Content-Language"
        case .contentLength: "Content-Length"
        case .contentType: "Content-Type"
        case .cseq: "CSeq"
        case .date: "Date"
        case .errorInfo: "Error-Info"
        case .event: "Event"
        case .expires: "Expires"
        case .from: "From"
        case .inReplyTo: "In-Reply-To"
        case .maxForwards: "Max-Forwards"
        case .minExpires: "Min-Expires"
        case .mimeVersion: "MIME-Version"
        case .organization: "Organization"
        case .pAssertedIdentity: "P-Asserted-Identity"
        case .priority: "Priority"
        case .proxyAuthenticate: "Proxy-Authenticate"
        case .proxyAuthorization: "Proxy-Authorization"
        case .proxyRequire: "Proxy-Require"
        case .reason: "Reason"
        case .recordRoute: "Record-Route"
        case .referTo: "Refer-To"
        case .referredBy: "Referred-By"
        case .replyTo: "Reply-To"
        case .require: "Require"
        case .retryAfter: "Retry-After"
        case .route: "Route"
        case .rseq: "RSeq"
        case .server: "Server"
        case .sessionExpires: "Session-Expires"
        case .subject: "Subject"
        case .supported: "Supported"
        case .timestamp: "Timestamp"
        case .to: "To"
        case .unsupported: "Unsupported"
        case .userAgent: "User-Agent"
        case .via: "Via"
        case .warning: "Warning"
        case .wwwAuthenticate: "WWW-Authenticate"
        }
    }

    /// Whether values may be a comma-separated list (RFC 3261 §7.3.1). The authentication headers are not, even
    /// though their parameters are separated by commas.
    var allowsCommaSeparatedValues: Bool {
        switch self {
        case .via, .contact, .route, .recordRoute, .allow, .supported, .require, .proxyRequire, .unsupported, .accept,
            .acceptEncoding, .acceptLanguage, .contentEncoding, .contentLanguage, .allowEvents, .alertInfo, .callInfo,
            .errorInfo, .inReplyTo, .warning, .replyTo, .pAssertedIdentity, .reason:
            true
        default: false
        }
    }

    init?(_ bytes: SIPBytes, _ range: Range<Int>) {
        guard let first = range.first else { return nil }
        let letter = bytes[first] &- 0x41 < 26 ? bytes[first] | 0x20 : bytes[first]
        let known: SIPKnownHeader? =
            switch range.count {
            case 1:
                switch letter {
                case UInt8(ascii: "i"): .callID
                case UInt8(ascii: "m"): .contact
                case UInt8(ascii: "e"): .contentEncoding
                case UInt8(ascii: "l"): .contentLength
                case UInt8(ascii: "c"): .contentType
                case UInt8(ascii: "f"): .from
                case UInt8(ascii: "s"): .subject
                case UInt8(ascii: "k"): .supported
                case UInt8(ascii: "t"): .to
                case UInt8(ascii: "v"): .via
                case UInt8(ascii: "r"): .referTo
                case UInt8(ascii: "b"): .referredBy
                case UInt8(ascii: "o"): .event
                case UInt8(ascii: "u"): .allowEvents
                case UInt8(ascii: "x"): .sessionExpires
                default: nil
                }
            case 2:
                switch letter {
                case UInt8(ascii: "t"): bytes.equalsIgnoringCase(range, "to") ? .to : nil
                default: nil
                }
            case 3:
                switch letter {
                case UInt8(ascii: "v"): bytes.equalsIgnoringCase(range, "via") ? .via : nil
                default: nil
                }
            case 4:
                switch letter {
                case UInt8(ascii: "c"): bytes.equalsIgnoringCase(range, "cseq") ? .cseq : nil
                case UInt8(ascii: "d"): bytes.equalsIgnoringCase(range, "date") ? .date : nil
                case UInt8(ascii: "f"): bytes.equalsIgnoringCase(range, "from") ? .from : nil
                case UInt8(ascii: "r"): bytes.equalsIgnoringCase(range, "rseq") ? .rseq : nil
                default: nil
                }
            case 5:
                switch letter {
                case UInt8(ascii: "a"): bytes.equalsIgnoringCase(range, "allow") ? .allow : nil
                case UInt8(ascii: "e"): bytes.equalsIgnoringCase(range, "event") ? .event : nil
                case UInt8(ascii: "r"): bytes.equalsIgnoringCase(range, "route") ? .route : nil
                default: nil
                }
            case 6:
                switch letter {
                case UInt8(ascii: "a"): bytes.equalsIgnoringCase(range, "accept") ? .accept : nil
                case UInt8(ascii: "r"): bytes.equalsIgnoringCase(range, "reason") ? .reason : nil
                case UInt8(ascii: "s"): bytes.equalsIgnoringCase(range, "server") ? .server : nil
                default: nil
                }
            case 7:
                switch letter {
                case UInt8(ascii: "c"):
                    bytes.equalsIgnoringCase(range, "call-id")
                        ? .callID : bytes.equalsIgnoringCase(range, "contact") ? .contact : nil
                case UInt8(ascii: "e"): bytes.equalsIgnoringCase(range, "expires") ? .expires : nil
                case UInt8(ascii: "r"): bytes.equalsIgnoringCase(range, "require") ? .require : nil
                case UInt8(ascii: "s"): bytes.equalsIgnoringCase(range, "subject") ? .subject : nil
                case UInt8(ascii: "w"): bytes.equalsIgnoringCase(range, "warning") ? .warning : nil
                default: nil
                }
            case 8:
                switch letter {
                case UInt8(ascii: "p"): bytes.equalsIgnoringCase(range, "priority") ? .priority : nil
                case UInt8(ascii: "r"):
                    bytes.equalsIgnoringCase(range, "refer-to")
                        ? .referTo : bytes.equalsIgnoringCase(range, "reply-to") ? .replyTo : nil
                default: nil
                }
            case 9:
                switch letter {
                case UInt8(ascii: "c"): bytes.equalsIgnoringCase(range, "call-info") ? .callInfo : nil
                case UInt8(ascii: "s"): bytes.equalsIgnoringCase(range, "supported") ? .supported : nil
                case UInt8(ascii: "t"): bytes.equalsIgnoringCase(range, "timestamp") ? .timestamp : nil
                default: nil
                }
            case 10:
                switch letter {
                case UInt8(ascii: "a"): bytes.equalsIgnoringCase(range, "alert-info") ? .alertInfo : nil
                case UInt8(ascii: "e"): bytes.equalsIgnoringCase(range, "error-info") ? .errorInfo : nil
                case UInt8(ascii: "u"): bytes.equalsIgnoringCase(range, "user-agent") ? .userAgent : nil
                default: nil
                }
            case 11:
                switch letter {
                case UInt8(ascii: "i"): bytes.equalsIgnoringCase(range, "in-reply-to") ? .inReplyTo : nil
                case UInt8(ascii: "m"): bytes.equalsIgnoringCase(range, "min-expires") ? .minExpires : nil
                case UInt8(ascii: "r"):
                    bytes.equalsIgnoringCase(range, "referred-by")
                        ? .referredBy : bytes.equalsIgnoringCase(range, "retry-after") ? .retryAfter : nil
                case UInt8(ascii: "u"): bytes.equalsIgnoringCase(range, "unsupported") ? .unsupported : nil
                default: nil
                }
            case 12:
                switch letter {
                case UInt8(ascii: "a"): bytes.equalsIgnoringCase(range, "allow-events") ? .allowEvents : nil
                case UInt8(ascii: "c"): bytes.equalsIgnoringCase(range, "content-type") ? .contentType : nil
                case UInt8(ascii: "m"):
                    bytes.equalsIgnoringCase(range, "max-forwards")
                        ? .maxForwards : bytes.equalsIgnoringCase(range, "mime-version") ? .mimeVersion : nil
                case UInt8(ascii: "o"): bytes.equalsIgnoringCase(range, "organization") ? .organization : nil
                case UInt8(ascii: "r"): bytes.equalsIgnoringCase(range, "record-route") ? .recordRoute : nil
                default: nil
                }
            case 13:
                switch letter {
                case UInt8(ascii: "a"): bytes.equalsIgnoringCase(range, "authorization") ? .authorization : nil
                case UInt8(ascii: "p"): bytes.equalsIgnoringCase(range, "proxy-require") ? .proxyRequire : nil
                default: nil
                }
            case 14:
                switch letter {
                case UInt8(ascii: "c"): bytes.equalsIgnoringCase(range, "content-length") ? .contentLength : nil
                default: nil
                }
            case 15:
                switch letter {
                case UInt8(ascii: "a"):
                    bytes.equalsIgnoringCase(range, "accept-encoding")
                        ? .acceptEncoding : bytes.equalsIgnoringCase(range, "accept-language") ? .acceptLanguage : nil
                case UInt8(ascii: "s"): bytes.equalsIgnoringCase(range, "session-expires") ? .sessionExpires : nil
                default: nil
                }
            case 16:
                switch letter {
                case UInt8(ascii: "c"):
                    bytes.equalsIgnoringCase(range, "content-encoding")
                        ? .contentEncoding
                        : bytes.equalsIgnoringCase(range, "content-language") ? .contentLanguage : nil
                case UInt8(ascii: "w"): bytes.equalsIgnoringCase(range, "www-authenticate") ? .wwwAuthenticate : nil
                default: nil
                }
            case 18:
                switch letter {
                case UInt8(ascii: "p"): bytes.equalsIgnoringCase(range, "proxy-authenticate") ? .proxyAuthenticate : nil
                default: nil
                }
            case 19:
                switch letter {
                case UInt8(ascii: "a"):
                    bytes.equalsIgnoringCase(range, "authentication-info") ? .authenticationInfo : nil
                case UInt8(ascii: "c"):
                    bytes.equalsIgnoringCase(range, "content-disposition") ? .contentDisposition : nil
                case UInt8(ascii: "p"):
                    bytes.equalsIgnoringCase(range, "p-asserted-identity")
                        ? .pAssertedIdentity
                        : bytes.equalsIgnoringCase(range, "proxy-authorization") ? .proxyAuthorization : nil
                default: nil
                }
            default: nil
            }
        guard let known else { return nil }
        self = known
    }
}
