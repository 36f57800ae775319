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

    public init(parsing text: some StringProtocol) throws(SIPParseError) {
        let text = SIPSyntax.trim(Substring(text))
        guard let colon = SIPSyntax.find(UInt8(ascii: ":"), in: text) else { throw .malformedURI(String(text)) }
        let schemeText = text[..<colon]
        guard let first = schemeText.utf8.first, Self.isLetter(first),
            schemeText.utf8.allSatisfy({ Self.isLetter($0) || Self.isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
        else { throw .malformedURI(String(text)) }
        let scheme = schemeText.utf8.elementsEqual("sip".utf8) ? "sip" : schemeText.lowercased()
        var rest = SIPSyntax.after(colon, in: text)
        self.scheme = scheme
        self.user = nil
        self.password = nil
        self.port = nil
        self.parameters = SIPParameters()
        self.headers = nil
        self.opaque = nil
        guard scheme == "sip" || scheme == "sips" else {
            guard !rest.utf8.isEmpty, !rest.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 }) else {
                throw .malformedURI(String(text))
            }
            host = ""
            opaque = String(rest)
            return
        }
        if let at = SIPSyntax.find(UInt8(ascii: "@"), in: rest) {
            let userInfo = rest[..<at]
            if let passwordColon = SIPSyntax.find(UInt8(ascii: ":"), in: userInfo) {
                user = String(userInfo[..<passwordColon])
                password = String(SIPSyntax.after(passwordColon, in: userInfo))
            } else {
                user = String(userInfo)
            }
            guard user?.isEmpty == false else { throw .malformedURI(String(text)) }
            rest = SIPSyntax.after(at, in: rest)
        }
        if let question = SIPSyntax.find(UInt8(ascii: "?"), in: rest) {
            headers = String(SIPSyntax.after(question, in: rest))
            rest = rest[..<question]
        }
        var hostPort = rest
        if let semicolon = SIPSyntax.find(UInt8(ascii: ";"), in: rest) {
            hostPort = rest[..<semicolon]
            parameters = try SIPParameters.parse(rest[semicolon...])
        }
        (host, port) = try Self.parseHostPort(hostPort, whole: text)
    }

    static func parseHostPort(_ text: Substring, whole: Substring) throws(SIPParseError) -> (String, Int?) {
        var host: Substring
        var portText: Substring?
        if text.utf8.first == UInt8(ascii: "[") {
            guard let close = SIPSyntax.find(UInt8(ascii: "]"), in: text) else { throw .malformedURI(String(whole)) }
            host = SIPSyntax.after(text.startIndex, in: text)[..<close]
            let after = SIPSyntax.after(close, in: text)
            if let first = after.utf8.first {
                guard first == UInt8(ascii: ":") else { throw .malformedURI(String(whole)) }
                portText = SIPSyntax.after(after.startIndex, in: after)
            }
            guard !host.utf8.isEmpty, host.utf8.allSatisfy({ Self.isHexDigit($0) || $0 == 0x3A || $0 == 0x2E }) else {
                throw .malformedURI(String(whole))
            }
        } else {
            if let colon = SIPSyntax.find(UInt8(ascii: ":"), in: text) {
                host = text[..<colon]
                portText = SIPSyntax.after(colon, in: text)
            } else {
                host = text
            }
            guard !host.utf8.isEmpty,
                host.utf8.allSatisfy({ Self.isLetter($0) || Self.isDigit($0) || $0 == 0x2D || $0 == 0x2E })
            else { throw .malformedURI(String(whole)) }
        }
        var port: Int?
        if let portText {
            guard portText.utf8.count <= 5, portText.utf8.allSatisfy(Self.isDigit), let value = Int(portText),
                (1...65535).contains(value)
            else { throw .malformedURI(String(whole)) }
            port = value
        }
        return (String(host), port)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66)
    }

    /// `host` or `[v6]`, with `:port` when set.
    public var hostPort: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return port.map { "\(bracketed):\($0)" } ?? bracketed
    }

    public var description: String {
        if let opaque { return "\(scheme):\(opaque)" }
        var result = scheme + ":"
        if let user {
            result += user
            if let password { result += ":" + password }
            result += "@"
        }
        result += hostPort + parameters.serialized
        if let headers { result += "?" + headers }
        return result
    }
}
