/// Writing header text into one growing string: a request's URIs, name-addrs, Vias and parameters are written for
/// every message sent, and building each part as its own string first cost an allocation per part.
extension String {
    /// `host` (IPv6 in brackets) and `:port` when there is one.
    mutating func appendHostPort(_ host: String, port: Int?) {
        if host.utf8.contains(UInt8(ascii: ":")) {
            append("[")
            append(host)
            append("]")
        } else {
            append(host)
        }
        if let port {
            append(":")
            append(String(port))
        }
    }
}

extension SIPParameters {
    /// Appends `;a=b;c`, quoting values that are not tokens.
    func write(to result: inout String) {
        for item in items {
            result.append(";")
            result.append(item.name)
            if let value = item.value {
                result.append("=")
                let isPlain =
                    !value.utf8.isEmpty
                    && value.utf8.allSatisfy { SIPSyntax.isTokenByte($0) || SIPSyntax.isBracketByte($0) }
                result.append(isPlain ? value : SIPSyntax.quoted(value))
            }
        }
    }
}

extension SIPURI {
    func write(to result: inout String) {
        result.append(scheme)
        result.append(":")
        if let opaque {
            result.append(opaque)
            return
        }
        if let user {
            result.append(user)
            if let password {
                result.append(":")
                result.append(password)
            }
            result.append("@")
        }
        result.appendHostPort(host, port: port)
        parameters.write(to: &result)
        if let headers {
            result.append("?")
            result.append(headers)
        }
    }
}
