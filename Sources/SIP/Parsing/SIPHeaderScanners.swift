/// Where the parts of a From, To, Contact or Route value are (RFC 3261 §25.1 name-addr / addr-spec).
struct SIPNameAddressSpans {
    enum DisplayName {
        case quoted(Range<Int>)
        case plain(Range<Int>)
    }

    var displayName: DisplayName?
    var uri: SIPURISpans
    /// The header's own parameters (after `>`, or after the bare URI).
    var parameters: Range<Int>
}

/// Where the parts of one Via value are (RFC 3261 §20.42).
struct SIPViaSpans {
    var transport: Range<Int>
    var host: Range<Int>
    var port: Int?
    var parameters: Range<Int>
}

extension SIPBytes {
    func scanNameAddress(_ range: Range<Int>) throws(SIPParseError) -> SIPNameAddressSpans {
        var rest = trim(range)
        guard let first = rest.first else { throw .malformedHeader("empty address") }
        var displayName: SIPNameAddressSpans.DisplayName?
        if buffer[first] == 0x22 {
            guard let end = quotedStringEnd(from: first, before: rest.upperBound) else {
                throw .malformedHeader("unterminated display name")
            }
            displayName = .quoted(first + 1..<end - 1)
            rest = trim(end..<rest.upperBound)
            guard rest.first.map({ buffer[$0] }) == 0x3C else { throw .malformedHeader("display name without <uri>") }
        } else if let open = find(0x3C, in: rest) {
            let name = trim(rest.lowerBound..<open)
            if !name.isEmpty { displayName = .plain(name) }
            rest = open..<rest.upperBound
        }
        if let open = rest.first, buffer[open] == 0x3C {
            guard let close = find(0x3E, in: rest) else { throw .malformedHeader("missing >") }
            let uri = try scanURI(open + 1..<close)
            let parameters = close + 1..<rest.upperBound
            try scanParameters(parameters) { _, _ in }
            return SIPNameAddressSpans(displayName: displayName, uri: uri, parameters: parameters)
        }
        let semicolon = find(0x3B, in: rest) ?? rest.upperBound
        let uriText = trim(rest.lowerBound..<semicolon)
        guard find(in: uriText, where: { $0 == 0x20 || $0 == 0x2C || $0 == 0x3F }) == nil else {
            throw .malformedHeader("address \"\(string(uriText))\"")
        }
        let uri = try scanURI(uriText)
        let parameters = semicolon..<rest.upperBound
        try scanParameters(parameters) { _, _ in }
        return SIPNameAddressSpans(displayName: displayName, uri: uri, parameters: parameters)
    }

    /// `SIP/2.0/UDP host:port;params`, with optional whitespace around the slashes.
    func scanVia(_ range: Range<Int>) throws(SIPParseError) -> SIPViaSpans {
        let text = trim(range)
        guard let firstSlash = find(0x2F, in: text) else { throw .malformedHeader("Via \"\(string(text))\"") }
        let protocolName = trim(text.lowerBound..<firstSlash)
        var rest = trim(firstSlash + 1..<text.upperBound)
        guard let secondSlash = find(0x2F, in: rest) else { throw .malformedHeader("Via \"\(string(text))\"") }
        let protocolVersion = trim(rest.lowerBound..<secondSlash)
        rest = trim(secondSlash + 1..<rest.upperBound)
        guard equalsIgnoringCase(protocolName, "sip"), equals(protocolVersion, "2.0") else {
            throw .malformedHeader("Via \"\(string(text))\"")
        }
        guard let space = find(in: rest, where: SIPSyntax.isWhitespaceByte) else {
            throw .malformedHeader("Via \"\(string(text))\"")
        }
        let transport = rest.lowerBound..<space
        guard isToken(transport) else { throw .malformedHeader("Via transport \"\(string(transport))\"") }
        rest = trim(space..<rest.upperBound)
        let semicolon = find(0x3B, in: rest) ?? rest.upperBound
        let (host, port) = try scanHostPort(trim(rest.lowerBound..<semicolon), whole: text)
        let parameters = semicolon..<rest.upperBound
        try scanParameters(parameters) { _, _ in }
        return SIPViaSpans(transport: transport, host: host, port: port, parameters: parameters)
    }

    /// `314159 INVITE`: a sequence number below 2³¹ and a method token (RFC 3261 §20.16).
    func scanCSeq(_ range: Range<Int>) throws(SIPParseError) -> (number: UInt32, method: Range<Int>) {
        let text = trim(range)
        let numberEnd = find(in: text, where: SIPSyntax.isWhitespaceByte) ?? text.upperBound
        let method = trim(numberEnd..<text.upperBound)
        guard let number = decimal(text.lowerBound..<numberEnd, maximumDigits: 10), number < 1 << 31,
            isToken(method)
        else { throw .malformedHeader("CSeq \"\(string(text))\"") }
        return (UInt32(number), method)
    }
}
