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
        var rest = SIPSyntax.trim(Substring(value))
        guard !rest.utf8.isEmpty else { throw .malformedHeader("empty address") }
        if rest.utf8.first == UInt8(ascii: "\"") {
            guard let (name, after) = SIPSyntax.readQuotedString(rest) else {
                throw .malformedHeader("unterminated display name")
            }
            displayName = name
            rest = SIPSyntax.trim(after)
            guard rest.utf8.first == UInt8(ascii: "<") else { throw .malformedHeader("display name without <uri>") }
        } else if let open = SIPSyntax.find(UInt8(ascii: "<"), in: rest) {
            let name = SIPSyntax.trim(rest[..<open])
            displayName = name.isEmpty ? nil : String(name)
            rest = rest[open...]
        } else {
            displayName = nil
        }
        if rest.utf8.first == UInt8(ascii: "<") {
            guard let close = SIPSyntax.find(UInt8(ascii: ">"), in: rest) else { throw .malformedHeader("missing >") }
            uri = try SIPURI(parsing: SIPSyntax.after(rest.startIndex, in: rest)[..<close])
            parameters = try SIPParameters.parse(SIPSyntax.after(close, in: rest))
        } else {
            let semicolon = SIPSyntax.find(UInt8(ascii: ";"), in: rest) ?? rest.endIndex
            let uriText = SIPSyntax.trim(rest[..<semicolon])
            guard !uriText.utf8.contains(where: { $0 == 0x20 || $0 == 0x2C || $0 == 0x3F }) else {
                throw .malformedHeader("address \"\(uriText)\"")
            }
            uri = try SIPURI(parsing: uriText)
            parameters = try SIPParameters.parse(rest[semicolon...])
        }
    }

    public var description: String {
        var result = ""
        if let displayName, !displayName.isEmpty {
            let isTokens = displayName.split(separator: " ").allSatisfy { SIPSyntax.isToken($0) }
            result += (isTokens ? displayName : SIPSyntax.quoted(displayName)) + " "
        }
        return result + "<\(uri)>" + parameters.serialized
    }
}
