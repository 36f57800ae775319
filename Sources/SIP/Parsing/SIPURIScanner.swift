/// Where the parts of a URI are (RFC 3261 §19.1.1), as ranges into the scanned bytes.
struct SIPURISpans {
    var scheme: Range<Int>
    /// `sip` or `sips`, in any case.
    var isSIP: Bool
    var user: Range<Int>?
    var password: Range<Int>?
    var host: Range<Int>
    var port: Int?
    /// From the first `;` of the host part on.
    var parameters: Range<Int>?
    /// After the `?`.
    var headers: Range<Int>?
    /// For schemes other than sip/sips: everything after `scheme:`.
    var opaque: Range<Int>?
}

extension SIPBytes {
    func scanURI(_ whole: Range<Int>) throws(SIPParseError) -> SIPURISpans {
        let text = trim(whole)
        guard let colon = find(0x3A, in: text) else { throw .malformedURI(string(text)) }
        let scheme = text.lowerBound..<colon
        guard let first = scheme.first, Self.isLetter(buffer[first]),
            allSatisfy(scheme, SIPByteSet.scheme.contains)
        else { throw .malformedURI(string(text)) }
        var rest = colon + 1..<text.upperBound
        let isSIP = equalsIgnoringCase(scheme, "sip") || equalsIgnoringCase(scheme, "sips")
        var spans = SIPURISpans(scheme: scheme, isSIP: isSIP, host: rest.lowerBound..<rest.lowerBound)
        guard isSIP else {
            guard !rest.isEmpty, find(in: rest, where: { $0 == 0x20 || $0 == 0x09 }) == nil else {
                throw .malformedURI(string(text))
            }
            spans.opaque = rest
            return spans
        }
        if let at = find(0x40, in: rest) {
            let userInfo = rest.lowerBound..<at
            if let passwordColon = find(0x3A, in: userInfo) {
                spans.user = userInfo.lowerBound..<passwordColon
                spans.password = passwordColon + 1..<userInfo.upperBound
            } else {
                spans.user = userInfo
            }
            guard spans.user?.isEmpty == false else { throw .malformedURI(string(text)) }
            rest = at + 1..<rest.upperBound
        }
        if let question = find(0x3F, in: rest) {
            spans.headers = question + 1..<rest.upperBound
            rest = rest.lowerBound..<question
        }
        var hostPort = rest
        if let semicolon = find(0x3B, in: rest) {
            hostPort = rest.lowerBound..<semicolon
            spans.parameters = semicolon..<rest.upperBound
            try scanParameters(semicolon..<rest.upperBound) { _, _ in }
        }
        (spans.host, spans.port) = try scanHostPort(hostPort, whole: text)
        return spans
    }

    /// `host`, `host:port`, `[v6]` or `[v6]:port`; the host range leaves the brackets out.
    func scanHostPort(_ text: Range<Int>, whole: Range<Int>) throws(SIPParseError) -> (host: Range<Int>, port: Int?) {
        let host: Range<Int>
        var portText: Range<Int>?
        if text.first.map({ buffer[$0] }) == 0x5B {
            guard let close = find(0x5D, in: text) else { throw .malformedURI(string(whole)) }
            host = text.lowerBound + 1..<close
            let after = close + 1..<text.upperBound
            if let first = after.first {
                guard buffer[first] == 0x3A else { throw .malformedURI(string(whole)) }
                portText = first + 1..<after.upperBound
            }
            guard !host.isEmpty, allSatisfy(host, SIPByteSet.ipv6.contains) else {
                throw .malformedURI(string(whole))
            }
        } else {
            if let colon = find(0x3A, in: text) {
                host = text.lowerBound..<colon
                portText = colon + 1..<text.upperBound
            } else {
                host = text
            }
            guard !host.isEmpty, allSatisfy(host, SIPByteSet.hostName.contains)
            else { throw .malformedURI(string(whole)) }
        }
        var port: Int?
        if let portText {
            guard let value = decimal(portText, maximumDigits: 5), (1...65535).contains(value) else {
                throw .malformedURI(string(whole))
            }
            port = value
        }
        return (host, port)
    }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
