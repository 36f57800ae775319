/// Where header text is written: a String being built (a header value), or the bytes of a message going out (a
/// Request-URI, written straight into the send buffer). URIs, name-addrs, Vias and parameters are written for every
/// message sent, and building each part as its own string first cost an allocation per part.
public protocol SIPTextSink {
    mutating func appendSIPText(_ text: String)
}

extension String: SIPTextSink {
    public mutating func appendSIPText(_ text: String) { append(text) }
}

extension SIPTextSink {
    /// `host` (IPv6 in brackets) and `:port` when there is one.
    mutating func appendHostPort(_ host: String, port: Int?) {
        if host.utf8.contains(UInt8(ascii: ":")) {
            appendSIPText("[")
            appendSIPText(host)
            appendSIPText("]")
        } else {
            appendSIPText(host)
        }
        if let port {
            appendSIPText(":")
            appendSIPText(String(port))
        }
    }
}

extension SIPParameters {
    /// Appends `;a=b;c`, quoting values that are not tokens.
    func write(to result: inout some SIPTextSink) {
        for item in items {
            result.appendSIPText(";")
            result.appendSIPText(item.name)
            if let value = item.value {
                result.appendSIPText("=")
                let isPlain =
                    !value.utf8.isEmpty
                    && value.utf8.allSatisfy { SIPSyntax.isTokenByte($0) || SIPSyntax.isBracketByte($0) }
                result.appendSIPText(isPlain ? value : SIPSyntax.quoted(value))
            }
        }
    }
}

extension SIPURI {
    func write(to result: inout some SIPTextSink) {
        result.appendSIPText(scheme)
        result.appendSIPText(":")
        if let opaque {
            result.appendSIPText(opaque)
            return
        }
        if let user {
            result.appendSIPText(user)
            if let password {
                result.appendSIPText(":")
                result.appendSIPText(password)
            }
            result.appendSIPText("@")
        }
        result.appendHostPort(host, port: port)
        parameters.write(to: &result)
        if let headers {
            result.appendSIPText("?")
            result.appendSIPText(headers)
        }
    }
}
