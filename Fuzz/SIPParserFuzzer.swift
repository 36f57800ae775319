// libFuzzer entry for the SIP parser, built by scripts/fuzz-sip-parser together with the parser's own sources
// (Sources/SIP/Message and Sources/SIP/Parsing need nothing but the standard library).

/// Any bytes: the datagram and stream parsers must return or throw, never crash or hang; a message that parses
/// must serialise to bytes that parse back to the same message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSIPParser(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    if let message = try? SIPMessageParser.parseDatagram(bytes) {
        let again = try? SIPMessageParser.parseDatagram(message.serialized())
        // Content-Length is rewritten to the body's length (and added when a datagram had none); the rest must match.
        precondition(again.map(withoutLength) == withoutLength(message), "a parsed message did not survive serialising")
        let headers = message.headers
        // The parser checked these on the bytes; the accessors read the same grammar from strings and must agree.
        precondition(
            headers.topVia != nil && headers.from != nil && headers.to != nil && headers.cseq != nil,
            "a mandatory header the parser accepted does not read back")
        if case .request(let request) = message {
            // The parser checks the Request-URI's text and builds it only when read: it must build, not fall back.
            precondition(!request.uri.isSIP || request.uri.opaque == nil, "a checked Request-URI does not build")
        }
        _ = (headers.contacts, headers.recordRoutes)
        for field in headers { _ = headers.values(field.name) }
    }
    var stream = SIPMessageParser(framing: .stream)
    // Fed in two pieces, so framing across reads is exercised too.
    let half = count / 2
    stream.append(UnsafeRawBufferPointer(rebasing: bytes[..<half]))
    var messages = 0
    while let _ = try? stream.nextMessage() { messages += 1 }
    stream.append(UnsafeRawBufferPointer(rebasing: bytes[half...]))
    while let _ = try? stream.nextMessage() { messages += 1 }
    precondition(messages <= count / 16 + 1, "more messages than bytes allow")
    return 0
}

private func withoutLength(_ message: SIPMessage) -> SIPMessage {
    switch message {
    case .request(var request):
        request.headers.remove(.contentLength)
        return .request(request)
    case .response(var response):
        response.headers.remove(.contentLength)
        return .response(response)
    }
}
