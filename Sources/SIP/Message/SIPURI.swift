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
        guard let colon = text.firstIndex(of: ":") else { throw .malformedURI(String(text)) }
        let scheme = text[..<colon].lowercased()
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }),
            scheme.first?.isLetter == true
        else { throw .malformedURI(String(text)) }
        var rest = text[text.index(after: colon)...]
        self.scheme = scheme
        self.user = nil
        self.password = nil
        self.port = nil
        self.parameters = SIPParameters()
        self.headers = nil
        self.opaque = nil
        guard scheme == "sip" || scheme == "sips" else {
            guard !rest.isEmpty, !rest.contains(where: { $0 == " " || $0 == "\t" }) else {
                throw .malformedURI(String(text))
            }
            host = ""
            opaque = String(rest)
            return
        }
        if let at = rest.firstIndex(of: "@") {
            let userInfo = rest[..<at]
            if let passwordColon = userInfo.firstIndex(of: ":") {
                user = String(userInfo[..<passwordColon])
                password = String(userInfo[userInfo.index(after: passwordColon)...])
            } else {
                user = String(userInfo)
            }
            guard user?.isEmpty == false else { throw .malformedURI(String(text)) }
            rest = rest[rest.index(after: at)...]
        }
        if let question = rest.firstIndex(of: "?") {
            headers = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        var hostPort = rest
        if let semicolon = rest.firstIndex(of: ";") {
            hostPort = rest[..<semicolon]
            parameters = try SIPParameters.parse(rest[semicolon...])
        }
        (host, port) = try Self.parseHostPort(hostPort, whole: text)
    }

    static func parseHostPort(_ text: Substring, whole: Substring) throws(SIPParseError) -> (String, Int?) {
        var host: Substring
        var portText: Substring?
        if text.first == "[" {
            guard let close = text.firstIndex(of: "]") else { throw .malformedURI(String(whole)) }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { throw .malformedURI(String(whole)) }
                portText = after.dropFirst()
            }
            guard !host.isEmpty, host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw .malformedURI(String(whole))
            }
        } else {
            if let colon = text.firstIndex(of: ":") {
                host = text[..<colon]
                portText = text[text.index(after: colon)...]
            } else {
                host = text
            }
            guard !host.isEmpty,
                host.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "." })
            else { throw .malformedURI(String(whole)) }
        }
        var port: Int?
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else { throw .malformedURI(String(whole)) }
            port = value
        }
        return (String(host), port)
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
