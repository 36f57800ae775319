import Testing

@testable import SIP

@Suite struct SIPMessageParserTests {
    private enum Fixtures {
        /// RFC 3665 §3.1 style INVITE with an SDP body, as a trunk's peer would send it.
        static let invite = [
            "INVITE sip:+81312345678@trunk.example.jp;user=phone SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport",
            "Max-Forwards: 70",
            "To: <sip:+81312345678@trunk.example.jp;user=phone>",
            "From: \"Tsunagu \\\"demo\\\"\" <sip:0312345678@tsunagu.example.jp>;tag=1928301774",
            "Call-ID: a84b4c76e66710@pc33.example.jp",
            "CSeq: 314159 INVITE",
            "Contact: <sip:tsunagu@192.0.2.10:5060>",
            "Content-Type: application/sdp",
            "Content-Length: 4",
            "",
            "v=0\n",
        ].joined(separator: "\r\n")
    }

    /// A whole INVITE parses with its body and the accessors read each header.
    @Test func parsesAnInviteWithBody() throws {
        let message = try SIPMessageParser.parseDatagram(Array(Fixtures.invite.utf8))
        guard case .request(let request) = message else { Issue.record("not a request"); return }
        #expect(request.method == .invite)
        #expect(request.uri.user == "+81312345678")
        #expect(request.uri.parameters.value("user") == "phone")
        #expect(request.body == Array("v=0\n".utf8))
        #expect(request.headers.cseq == SIPCSeq(314159, .invite))
        #expect(request.headers.from?.displayName == "Tsunagu \"demo\"")
        #expect(request.headers.from?.tag == "1928301774")
        #expect(request.headers.topVia?.branch == "z9hG4bK776asdhds")
        #expect(request.headers.topVia?.port == 5060)
    }

    /// Compact forms, odd case, folded lines and several Vias on one line (RFC 3261 §7.3).
    @Test func readsCompactFoldedAndListHeaders() throws {
        let text = [
            "OPTIONS sip:trunk.example.jp SIP/2.0",
            "v: SIP/2.0/TCP [2001:db8::9]:5061;branch=z9hG4bKa, SIP / 2.0 / UDP 192.0.2.1;branch=z9hG4bKb",
            "VIA: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bKc",
            "f: sip:a@example.jp;tag=x",
            "t: sip:b@example.jp",
            "i: abc@def",
            "cSeQ: 1",
            "  OPTIONS",
            "Subject: first",
            "\tsecond",
            "l: 0",
            "",
            "",
        ].joined(separator: "\r\n")
        let message = try SIPMessageParser.parseDatagram(Array(text.utf8))
        let headers = message.headers
        let vias = headers.values(.via).compactMap { try? SIPVia(parsing: $0) }
        #expect(vias.map(\.branch) == ["z9hG4bKa", "z9hG4bKb", "z9hG4bKc"])
        #expect(vias[0].host == "2001:db8::9")
        #expect(vias[0].port == 5061)
        #expect(vias[0].transport == "TCP")
        #expect(headers.callID == "abc@def")
        #expect(headers.cseq == SIPCSeq(1, .options))
        #expect(headers["subject"] == "first second")
        #expect(headers.from?.uri.user == "a")
        #expect(headers.from?.tag == "x")
    }

    /// On a stream the parser waits for the whole message, byte by byte, then finds the next one behind it.
    @Test func framesByContentLengthOnAStream() throws {
        let one = Array(Fixtures.invite.utf8)
        var parser = SIPMessageParser(framing: .stream)
        var messages: [SIPMessage] = []
        for byte in one + Array("\r\n\r\n".utf8) + one {
            parser.append([byte])
            while let message = try parser.nextMessage() { messages.append(message) }
        }
        #expect(messages.count == 2)
        #expect(messages.allSatisfy { $0.body == Array("v=0\n".utf8) })
    }

    /// A stream message without Content-Length cannot be framed (RFC 3261 §18.3).
    @Test func refusesAStreamMessageWithoutContentLength() {
        let text = Fixtures.invite.replacingOccurrences(of: "Content-Length: 4\r\n", with: "")
        var parser = SIPMessageParser(framing: .stream)
        parser.append(Array(text.utf8))
        #expect(throws: SIPRejectedMessage.self) { try parser.nextMessage() }
    }

    /// A datagram's extra bytes after Content-Length are dropped; a Content-Length beyond the datagram refuses it.
    @Test func datagramContentLengthRules() throws {
        let longer = Fixtures.invite + "garbage"
        let message = try SIPMessageParser.parseDatagram(Array(longer.utf8))
        #expect(message.body == Array("v=0\n".utf8))
        let shorter = Fixtures.invite.replacingOccurrences(of: "Content-Length: 4", with: "Content-Length: 400")
        let error = rejection(shorter)
        #expect(error?.error.code == .invalidContentLength)
        #expect(error?.request?.method == .invite, "a 400 can still be answered")
    }

    /// More than 64 KB is refused, on a stream even before the headers end.
    @Test func refusesOversizedMessages() {
        var parser = SIPMessageParser(framing: .stream)
        parser.append(Array("OPTIONS sip:a@b SIP/2.0\r\nX: ".utf8) + [UInt8](repeating: 0x61, count: 70_000))
        #expect(throws: SIPRejectedMessage.self) { try parser.nextMessage() }
        let big = Array(Fixtures.invite.utf8) + [UInt8](repeating: 0x61, count: 70_000)
        #expect(rejection(big)?.error.code == .tooLarge)
    }

    /// Every broken message is refused with a reason; none crashes.
    @Test(arguments: [
        ("", SIPParseError.Code.truncated),
        ("\r\n\r\n", .truncated),
        ("garbage\r\n\r\n", .malformedStartLine),
        ("INVITE sip:a@b SIP/3.0\r\n\r\n", .unsupportedVersion),
        ("SIP/2.0 abc OK\r\n\r\n", .malformedStartLine),
        ("SIP/2.0 99 Low\r\n\r\n", .malformedStartLine),
        ("INVITE nocolon SIP/2.0\r\n\r\n", .malformedURI),
        ("INVITE sip:a@b:99999 SIP/2.0\r\n\r\n", .malformedURI),
        ("INVITE sip:a@b SIP/2.0\r\nVia SIP/2.0/UDP h\r\n\r\n", .malformedHeader),
        ("INVITE sip:a@b SIP/2.0\r\n continuation\r\n\r\n", .malformedHeader),
    ])
    func refusesBrokenMessages(text: String, code: SIPParseError.Code) {
        #expect(rejection(text)?.error.code == code)
    }

    /// A datagram whose header section never ends was cut short in transit: it is refused as truncated and not
    /// answered, even when one of its lines is broken too; the same broken line with the end present is answerable.
    @Test func datagramsWithoutTheEmptyLineAreTruncated() {
        let cut = Fixtures.invite.components(separatedBy: "\r\n\r\n")[0]
        for text in [
            cut, cut + "\r\n", cut + "\r\nBroken line",
            cut.replacingOccurrences(of: "Max-Forwards:", with: "Max Forwards"),
        ] {
            let error = rejection(text)
            #expect(error?.error.code == .truncated, "\(text.suffix(20))")
            #expect(error?.request == nil)
        }
        let broken = Fixtures.invite.replacingOccurrences(of: "Max-Forwards:", with: "Max Forwards")
        #expect(rejection(broken)?.error.code == .malformedHeader)
        #expect(rejection(broken)?.request?.method == .invite)
    }

    /// A request lacking a mandatory header, or with a CSeq for another method, is refused but can be answered.
    @Test func missingOrMismatchedHeadersAreAnswerable() {
        let noCallID = Fixtures.invite.replacingOccurrences(of: "Call-ID: a84b4c76e66710@pc33.example.jp\r\n", with: "")
        #expect(rejection(noCallID)?.error.code == .missingHeader)
        let mismatch = Fixtures.invite.replacingOccurrences(of: "CSeq: 314159 INVITE", with: "CSeq: 314159 BYE")
        let error = rejection(mismatch)
        #expect(error?.error.code == .malformedHeader)
        #expect(error?.request?.headers.callID == "a84b4c76e66710@pc33.example.jp")
        let badLength = Fixtures.invite.replacingOccurrences(of: "Content-Length: 4", with: "Content-Length: -4")
        #expect(rejection(badLength)?.error.code == .invalidContentLength)
        let notUTF8 = Array(Fixtures.invite.utf8).map { $0 == UInt8(ascii: "T") ? 0xFF : $0 }
        #expect(rejection(notUTF8) != nil)
    }

    /// A CR that does not end a line is not SIP: in a value the request is refused but can be answered, in the
    /// start line it is dropped. UTF-8 text and bare-LF line ends are accepted.
    @Test func lineEndsAndEncoding() throws {
        let crInValue = Fixtures.invite.replacingOccurrences(of: "Contact: <sip:", with: "Contact: \r<sip:")
        #expect(rejection(crInValue)?.error.code == .encoding)
        #expect(rejection(crInValue)?.request?.headers.callID == "a84b4c76e66710@pc33.example.jp")
        let crAtValueEnd = Fixtures.invite.replacingOccurrences(of: "Max-Forwards: 70", with: "Max-Forwards: 70\r")
        #expect(rejection(crAtValueEnd) != nil)
        let crInStartLine = Fixtures.invite.replacingOccurrences(of: "user=phone SIP/2.0", with: "user=phone\rSIP/2.0")
        #expect(rejection(crInStartLine)?.error.code == .encoding)
        #expect(rejection(crInStartLine)?.request == nil)

        let utf8 = Fixtures.invite.replacingOccurrences(of: "Tsunagu \\\"demo\\\"", with: "つなぐ 営業部")
        let message = try SIPMessageParser.parseDatagram(Array(utf8.utf8))
        #expect(message.headers.from?.displayName == "つなぐ 営業部")
        let bareLF = Fixtures.invite.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(
            try SIPMessageParser.parseDatagram(Array(bareLF.utf8)).headers.callID == "a84b4c76e66710@pc33.example.jp")
    }

    /// The mandatory headers are checked on the received bytes to the letter of RFC 3261 §25.1, every Via value of
    /// every Via line included.
    @Test(arguments: [
        ("CSeq: 314159 INVITE", "CSeq: +5 INVITE"),
        ("CSeq: 314159 INVITE", "CSeq: 2147483648 INVITE"),
        ("CSeq: 314159 INVITE", "CSeq: 314159 INVITE X"),
        ("Max-Forwards: 70", "Max-Forwards: +70"),
        ("Max-Forwards: 70", "Max-Forwards: 256"),
        ("Call-ID: a84b4c76e66710@pc33.example.jp", "Call-ID: a84b4c76e66710 @pc33.example.jp"),
        ("Max-Forwards: 70", "Via: SIP/2.0/UDP 192.0.2.11, SIP/2.0/UDP bad host"),
        ("Max-Forwards: 70", "Via: SIP/2.0/UDP 192.0.2.11,\r\n SIP/3.0/UDP 192.0.2.12"),
        ("To: <sip:+81312345678@trunk.example.jp;user=phone>", "To: <sip:+81312345678@trunk.example.jp;user=phone"),
        ("To: <sip:+81312345678@trunk.example.jp;user=phone>", "To: sip:+81312345678@trunk example.jp"),
        ("To: <sip:+81312345678@trunk.example.jp;user=phone>", "To: <sip:a@h>;tag=\"open"),
        ("To: <sip:+81312345678@trunk.example.jp;user=phone>", "To: <sip:a@h:0>"),
    ])
    func refusesMalformedMandatoryHeaders(original: String, replacement: String) {
        let text = Fixtures.invite.replacingOccurrences(
            of: original, with: replacement.replacingOccurrences(of: "\\r\\n", with: "\r\n"))
        #expect(text != Fixtures.invite)
        let error = rejection(text)
        #expect(error?.error.code == .malformedHeader || error?.error.code == .malformedURI, "\(replacement)")
        #expect(error?.request?.method == .invite, "a 400 can still be answered")
    }

    /// A header name must be a token (RFC 3261 §25.1): known names in any case pass, any other name is checked
    /// byte by byte, and a request with a bad name can still be answered with 400.
    @Test(arguments: ["Bad Name: x", "X@Y: z", "Sub\u{00E9}ject: x", ": no name", "Vi a: SIP/2.0/UDP h"])
    func refusesHeaderNamesThatAreNotTokens(line: String) throws {
        let text = Fixtures.invite.replacingOccurrences(of: "Max-Forwards: 70", with: "Max-Forwards: 70\r\n\(line)")
        let error = rejection(text)
        #expect(error?.error.code == .malformedHeader, "\(line)")
        #expect(error?.request?.method == .invite, "a 400 can still be answered")
        let known = Fixtures.invite.replacingOccurrences(
            of: "Max-Forwards: 70", with: "MAX-forwards: 70\r\nX-Tsunagu.Agent~1: ok")
        #expect(try SIPMessageParser.parseDatagram(Array(known.utf8)).headers["x-tsunagu.agent~1"] == "ok")
    }

    /// Names are matched on the bytes: any case, compact forms, and unknown names kept as they came.
    @Test func headerNamesAreReadWithoutRegardToCase() throws {
        #expect(SIPHeaderName("CONTENT-length") == .contentLength)
        #expect(SIPHeaderName("l") == .contentLength)
        #expect(SIPHeaderName("L").canonical == "Content-Length")
        #expect(SIPHeaderName("Content_Length") != .contentLength)
        #expect(SIPHeaderName("X-Trunk-Id") == SIPHeaderName("x-trunk-ID"))
        #expect(SIPHeaderName("X-Trunk-Id").canonical == "X-Trunk-Id")
        #expect(SIPHeaderName("X-Trunk-Id") != SIPHeaderName("X-Trunk-I"))
        let text = Fixtures.invite.replacingOccurrences(of: "Via:", with: "vIA:")
            .replacingOccurrences(of: "Call-ID:", with: "i:")
            .replacingOccurrences(of: "Max-Forwards: 70", with: "Max-Forwards: 70\r\nX-Trunk-Id: 東京-1")
        let message = try SIPMessageParser.parseDatagram(Array(text.utf8))
        #expect(message.headers.topVia?.branch == "z9hG4bK776asdhds")
        #expect(message.headers.callID == "a84b4c76e66710@pc33.example.jp")
        #expect(message.headers["x-trunk-id"] == "東京-1")
        let written = String(decoding: message.serialized(), as: UTF8.self)
        #expect(written.contains("\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r\n"))
        #expect(written.contains("\r\nCall-ID: a84b4c76e66710@pc33.example.jp\r\n"))
        #expect(written.contains("\r\nX-Trunk-Id: 東京-1\r\n"))
    }

    /// A parsed message changed in code keeps the received values it did not change, in their places.
    @Test func changedHeadersKeepTheOthers() throws {
        guard case .request(var request) = try SIPMessageParser.parseDatagram(Array(Fixtures.invite.utf8)) else {
            Issue.record("not a request")
            return
        }
        request.headers.set(.maxForwards, "69")
        request.headers.prepend(.via, "SIP/2.0/UDP 192.0.2.99;branch=z9hG4bKnew")
        request.headers.remove(.contact)
        let fields = request.headers.fields
        #expect(
            fields.map(\.name.canonical) == [
                "Via", "Via", "Max-Forwards", "To", "From", "Call-ID", "CSeq", "Content-Type", "Content-Length",
            ])
        #expect(fields[1].value == "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport")
        #expect(fields[2].value == "69")
        #expect(request.headers.from?.displayName == "Tsunagu \"demo\"")
        let again = try SIPMessageParser.parseDatagram(SIPMessage.request(request).serialized())
        #expect(again == .request(request))
    }

    /// Unknown names, folded lines and values set in code live beside the entries; changing headers keeps each
    /// field's name and value, and setting a header again reuses its slot.
    @Test func headersWithUnknownNamesAndFoldedLinesChangeInPlace() throws {
        let text = [
            "OPTIONS sip:a@192.0.2.1 SIP/2.0", "Via: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bK1", "X-First: one",
            "From: <sip:b@192.0.2.2>;tag=1", "To: <sip:a@192.0.2.1>", "Call-ID: c1", "CSeq: 1 OPTIONS",
            "x-first: two", "Subject: folded", "  across lines", "X-Second: three", "Content-Length: 0", "", "",
        ].joined(separator: "\r\n")
        guard case .request(var request) = try SIPMessageParser.parseDatagram(Array(text.utf8)) else {
            Issue.record("not a request")
            return
        }
        #expect(request.headers.values("X-FIRST") == ["one", "two"])
        #expect(request.headers[.init("subject")] == "folded across lines")
        #expect(request.headers["x-second"] == "three")
        #expect(request.headers.otherNames.count == 3)
        #expect(request.headers.texts == ["folded across lines"])
        for round in 1...1_000 { request.headers.set("X-First", "round \(round)") }
        request.headers.set("s", "replaced")
        request.headers.add("X-Third", "four")
        request.headers.remove("X-Second")
        #expect(request.headers.texts.count == 3)
        #expect(
            request.headers.fields.map { "\($0.name): \($0.value)" } == [
                "Via: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bK1", "X-First: round 1000", "From: <sip:b@192.0.2.2>;tag=1",
                "To: <sip:a@192.0.2.1>", "Call-ID: c1", "CSeq: 1 OPTIONS", "Subject: replaced", "Content-Length: 0",
                "X-Third: four",
            ])
        let again = try SIPMessageParser.parseDatagram(SIPMessage.request(request).serialized())
        #expect(again == .request(request))
    }

    /// Serialising then parsing gives the same message, and the body's length is what Content-Length says.
    @Test func roundTrips() throws {
        let message = try SIPMessageParser.parseDatagram(Array(Fixtures.invite.utf8))
        let again = try SIPMessageParser.parseDatagram(message.serialized())
        #expect(again == message)
        let text = String(decoding: message.serialized(), as: UTF8.self)
        #expect(text.contains("Content-Length: 4\r\n\r\nv=0\n"))
    }

    /// A header value can never smuggle a line end onto the wire.
    @Test func serialisingStripsLineEndsFromValues() throws {
        var request = SIPRequest(method: .options, uri: SIPURI(host: "example.jp"))
        request.headers.add("Subject", "a\r\nVia: evil")
        let text = String(decoding: request.serialized(), as: UTF8.self)
        #expect(!text.contains("\r\nVia: evil"))
    }

    private func rejection(_ text: String) -> SIPRejectedMessage? { rejection(Array(text.utf8)) }

    private func rejection(_ bytes: [UInt8]) -> SIPRejectedMessage? {
        do {
            _ = try SIPMessageParser.parseDatagram(bytes)
            return nil
        } catch {
            return error
        }
    }
}
