import Testing

@testable import SIP

@Suite struct SIPHeaderValueTests {
    /// URIs with user, password, IPv6, parameters and headers parse and print back the same.
    @Test(arguments: [
        "sip:alice@atlanta.example.com",
        "sip:alice:secretword@atlanta.example.com;transport=tcp",
        "sips:alice@atlanta.example.com?subject=project%20x&priority=urgent",
        "sip:+1-212-555-1212:1234@gateway.example.com;user=phone",
        "sip:alice@192.0.2.4:5070",
        "sip:[2001:db8::10]:5070;lr",
        "sip:atlanta.example.com;method=REGISTER?to=alice%40atlanta.example.com",
        "tel:+81-3-1234-5678",
    ])
    func urisRoundTrip(text: String) throws {
        let uri = try SIPURI(parsing: text)
        #expect(uri.description == text)
    }

    @Test func uriParts() throws {
        let uri = try SIPURI(parsing: "sip:[2001:db8::10]:5070;transport=TCP;lr")
        #expect(uri.host == "2001:db8::10")
        #expect(uri.port == 5070)
        #expect(uri.transport == "tcp")
        #expect(uri.parameters.contains("lr"))
        #expect(uri.parameters["lr"] == .some(nil))
    }

    @Test(arguments: ["sip:", "sip:@host", "sip:a@", "sip:a@ho st", "sip:a@[::1", "sip:a@h:0", "1sip:a@h", "x"])
    func badURIsAreRefused(text: String) {
        #expect(throws: SIPParseError.self) { try SIPURI(parsing: text) }
    }

    /// name-addr and addr-spec: parameters of a bare URI belong to the header (RFC 3261 §20.10).
    @Test func nameAddressForms() throws {
        let bare = try SIPNameAddress(parsing: "sip:bob@biloxi.example.com;tag=a6c85cf")
        #expect(bare.tag == "a6c85cf")
        #expect(bare.uri.parameters.isEmpty)
        let named = try SIPNameAddress(parsing: "Bob Smith <sip:bob@biloxi.example.com;transport=udp>;tag=1")
        #expect(named.displayName == "Bob Smith")
        #expect(named.uri.transport == "udp")
        #expect(named.tag == "1")
        let quoted = try SIPNameAddress(parsing: #""A, \"B\" <c>" <sip:x@y>"#)
        #expect(quoted.displayName == #"A, "B" <c>"#)
        #expect(try SIPNameAddress(parsing: quoted.description) == quoted)
        #expect(throws: SIPParseError.self) { try SIPNameAddress(parsing: "<sip:x@y") }
        #expect(throws: SIPParseError.self) { try SIPNameAddress(parsing: "\"open <sip:x@y>") }
    }

    /// List splitting keeps commas inside quotes and angle brackets.
    @Test func listValues() {
        let parts = SIPSyntax.splitList(#""Doe, J" <sip:j@x>;q=0.5, <sip:k@y;a=b,c>, sip:l@z"#)
        #expect(parts == [#""Doe, J" <sip:j@x>;q=0.5"#, "<sip:k@y;a=b,c>", "sip:l@z"])
    }

    @Test func viaParameters() throws {
        let via = try SIPVia(
            parsing: "SIP/2.0/UDP pc33.example.com:5066;branch=z9hG4bK776;rport=5066;received=192.0.2.9")
        #expect(via.rport == 5066)
        #expect(via.received == "192.0.2.9")
        #expect(try SIPVia(parsing: via.description) == via)
        #expect(throws: SIPParseError.self) { try SIPVia(parsing: "SIP/1.0/UDP host") }
        #expect(throws: SIPParseError.self) { try SIPVia(parsing: "SIP/2.0/UDP") }
    }

    /// Values built in code are written as they go on the wire: IPv6 hosts in brackets, ports, parameters with
    /// non-token values quoted, display names quoted when they are not tokens.
    @Test func builtValuesAreWrittenForTheWire() {
        #expect(
            SIPVia(transport: "udp", host: "2001:db8::1", port: 5062, branch: "z9hG4bKx").description
                == "SIP/2.0/UDP [2001:db8::1]:5062;branch=z9hG4bKx;rport")
        #expect(
            SIPVia(transport: "TCP", host: "pc.example.jp", port: nil, branch: "z9hG4bKy", rport: false).description
                == "SIP/2.0/TCP pc.example.jp;branch=z9hG4bKy")
        var parameters = SIPParameters()
        parameters.set("tag", "a b")
        parameters.set("lr", nil)
        let named = SIPNameAddress(
            displayName: "山田 太郎", uri: SIPURI(user: "0312345678", host: "192.0.2.1", port: 5060),
            parameters: parameters)
        #expect(named.description == #""山田 太郎" <sip:0312345678@192.0.2.1:5060>;tag="a b";lr"#)
        #expect(SIPNameAddress(displayName: "Tsunagu", uri: SIPURI(host: "h")).description == "Tsunagu <sip:h>")
        #expect(SIPURI(host: "::1", port: 5070).hostPort == "[::1]:5070")
    }

    @Test func cseqBounds() {
        #expect(throws: SIPParseError.self) { try SIPCSeq(parsing: "2147483648 INVITE") }
        #expect(throws: SIPParseError.self) { try SIPCSeq(parsing: "-1 INVITE") }
        #expect(throws: SIPParseError.self) { try SIPCSeq(parsing: "1") }
        #expect((try? SIPCSeq(parsing: "2147483647 INVITE")) != nil)
    }

    /// A response copies Via, From, Call-ID, CSeq and adds our To tag; the ACK and CANCEL keep the INVITE's branch.
    @Test func derivedMessages() throws {
        var headers = SIPHeaders()
        headers.add(.via, "SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1")
        headers.add(.via, "SIP/2.0/UDP 192.0.2.11;branch=z9hG4bK2")
        headers.add(.from, "<sip:a@x>;tag=f")
        headers.add(.to, "<sip:b@y>")
        headers.add(.callID, "c@x")
        headers.add(.cseq, "7 INVITE")
        headers.add(.route, "<sip:proxy@x;lr>")
        let invite = SIPRequest(method: .invite, uri: try SIPURI(parsing: "sip:b@y"), headers: headers)
        let busy = invite.makeResponse(486, toTag: "t")
        #expect(busy.headers.values(.via).count == 2)
        #expect(busy.headers.to?.tag == "t")
        #expect(busy.reasonPhrase == "Busy Here")
        let ack = invite.acknowledging(failure: busy)
        #expect(ack.branch == "z9hG4bK1")
        #expect(ack.headers.values(.via).count == 1)
        #expect(ack.headers.cseq == SIPCSeq(7, .ack))
        #expect(ack.headers.to?.tag == "t")
        #expect(ack.headers[.route] == "<sip:proxy@x;lr>")
        let cancel = invite.cancelling()
        #expect(cancel.branch == "z9hG4bK1")
        #expect(cancel.headers.cseq == SIPCSeq(7, .cancel))
        #expect(cancel.headers.to?.tag == nil)
    }
}
