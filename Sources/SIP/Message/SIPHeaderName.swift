/// A header field name. Names compare without regard to case (RFC 3261 §7.3.1), and the compact forms of §7.3.3
/// (`i`, `f`, `t`, `v`, `m`, `l`, `c`, …) mean the same header as their long names.
public struct SIPHeaderName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    private enum Identity: Hashable {
        case known(SIPKnownHeader)
        /// Any other name: as received, and lower-cased for comparing.
        case other(spelling: String, key: String)
    }

    private let identity: Identity

    init(_ known: SIPKnownHeader) { identity = .known(known) }

    public init(_ name: String) {
        var name = name
        identity = name.withUTF8 { bytes in
            if let known = SIPKnownHeader(SIPBytes(bytes), bytes.indices) { return .known(known) }
            let spelling = String(decoding: bytes, as: UTF8.self)
            return .other(spelling: spelling, key: spelling.lowercased())
        }
    }

    /// The name of a header line, looked up without making a `String` when it is a known one; nil when it is not a
    /// token. A known name matched is one already, so only other names are checked.
    init?(headerLine bytes: SIPBytes, _ range: Range<Int>) {
        if let known = SIPKnownHeader(bytes, range) {
            identity = .known(known)
            return
        }
        guard bytes.isToken(range) else { return nil }
        let spelling = bytes.string(range)
        identity = .other(spelling: spelling, key: spelling.lowercased())
    }

    var known: SIPKnownHeader? {
        guard case .known(let known) = identity else { return nil }
        return known
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// The spelling written on the wire: the long form of a known header, otherwise the name as it was received.
    public var canonical: String {
        switch identity {
        case .known(let known): known.canonical
        case .other(let spelling, _): spelling
        }
    }

    public var description: String { canonical }

    public static func == (lhs: SIPHeaderName, rhs: SIPHeaderName) -> Bool {
        switch (lhs.identity, rhs.identity) {
        case (.known(let a), .known(let b)): a == b
        case (.other(_, let a), .other(_, let b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch identity {
        case .known(let known): hasher.combine(known)
        case .other(_, let key): hasher.combine(key)
        }
    }

    /// Headers whose values may be a comma-separated list (RFC 3261 §7.3.1). The authentication headers are not,
    /// even though their parameters are separated by commas.
    var allowsCommaSeparatedValues: Bool {
        known?.allowsCommaSeparatedValues ?? false
    }

    public static var via: SIPHeaderName { SIPHeaderName(.via) }
    public static var from: SIPHeaderName { SIPHeaderName(.from) }
    public static var to: SIPHeaderName { SIPHeaderName(.to) }
    public static var callID: SIPHeaderName { SIPHeaderName(.callID) }
    public static var cseq: SIPHeaderName { SIPHeaderName(.cseq) }
    public static var contact: SIPHeaderName { SIPHeaderName(.contact) }
    public static var maxForwards: SIPHeaderName { SIPHeaderName(.maxForwards) }
    public static var contentLength: SIPHeaderName { SIPHeaderName(.contentLength) }
    public static var contentType: SIPHeaderName { SIPHeaderName(.contentType) }
    public static var route: SIPHeaderName { SIPHeaderName(.route) }
    public static var recordRoute: SIPHeaderName { SIPHeaderName(.recordRoute) }
    public static var expires: SIPHeaderName { SIPHeaderName(.expires) }
    public static var wwwAuthenticate: SIPHeaderName { SIPHeaderName(.wwwAuthenticate) }
    public static var proxyAuthenticate: SIPHeaderName { SIPHeaderName(.proxyAuthenticate) }
    public static var authorization: SIPHeaderName { SIPHeaderName(.authorization) }
    public static var proxyAuthorization: SIPHeaderName { SIPHeaderName(.proxyAuthorization) }
    public static var userAgent: SIPHeaderName { SIPHeaderName(.userAgent) }
    public static var allow: SIPHeaderName { SIPHeaderName(.allow) }
    public static var supported: SIPHeaderName { SIPHeaderName(.supported) }
    public static var warning: SIPHeaderName { SIPHeaderName(.warning) }
    public static var reason: SIPHeaderName { SIPHeaderName(.reason) }
}
