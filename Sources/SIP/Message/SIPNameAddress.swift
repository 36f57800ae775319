/// A From, To, Contact, Route or Record-Route value: `"Display" <uri>;params` or a bare `uri;params`
/// (RFC 3261 §20.10, §25.1 name-addr / addr-spec). In the bare form the parameters belong to the header, not the URI.
public struct SIPNameAddress: Hashable, Sendable, CustomStringConvertible {
    public var displayName: String?
    public var uri: SIPURI
    public var parameters: SIPParameters

    public init(displayName: String? = nil, uri: SIPURI, parameters: SIPParameters = SIPParameters()) {
        self.displayName = displayName
        self.uri = uri
        self.parameters = parameters
    }

    public var tag: String? {
        get { parameters.value("tag") }
        set {
            if let newValue { parameters.set("tag", newValue) } else { parameters.remove("tag") }
        }
    }

    public init(parsing value: some StringProtocol) throws(SIPParseError) {
        self = try value.withSIPBytes { bytes throws(SIPParseError) in
            try SIPNameAddress(bytes, bytes.scanNameAddress(bytes.all))
        }
    }

    init(_ bytes: SIPBytes, _ spans: SIPNameAddressSpans) throws(SIPParseError) {
        switch spans.displayName {
        case .quoted(let content): displayName = bytes.unescaped(content)
        case .plain(let name): displayName = bytes.string(name)
        case nil: displayName = nil
        }
        uri = try SIPURI(bytes, spans.uri)
        parameters = try SIPParameters(bytes, spans.parameters)
    }

    public var description: String { text(tag: nil) }

    /// The address as written, with `tag` set to the given one when there is one: a call's From is written so once,
    /// without copying the address to set the tag first.
    func text(tag: String?) -> String {
        if let tag, parameters.contains("tag") {
            var tagged = self
            tagged.tag = tag
            return tagged.description
        }
        var result = ""
        result.reserveCapacity(96)
        if let displayName, !displayName.isEmpty {
            let isTokens = displayName.split(separator: " ").allSatisfy { SIPSyntax.isToken($0) }
            result.append(isTokens ? displayName : SIPSyntax.quoted(displayName))
            result.append(" ")
        }
        result.append("<")
        uri.write(to: &result)
        result.append(">")
        parameters.write(to: &result)
        if let tag {
            result.append(";tag=")
            result.append(tag)
        }
        return result
    }
}
