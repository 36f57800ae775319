import Testing

@testable import SIP

@Suite struct SIPHeaderAccessorTests {
    private static let message = [
        "SIP/2.0 200 OK",
        "Via: ",
        "v: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKfirst;received=192.0.2.10, SIP/2.0/TCP proxy.example.jp",
        "Via: SIP/2.0/UDP 192.0.2.30;branch=z9hG4bKthird",
        "From: \"山田\" <sip:0399999999@192.0.2.20>;tag=9fxced76sl",
        "t: <sip:0312345678@192.0.2.20;user=phone>;tag=8321234356",
        "Call-ID: 3848276298220188511@192.0.2.10",
        "CSeq: 1 INVITE",
        "Contact: <sip:a@192.0.2.20:5060>;expires=60, \"Say, hello\" <sip:b@192.0.2.21>",
        "m: not a uri at all",
        "Contact: <sip:c@[2001:db8::1]:5070;transport=tcp>",
        "Record-Route: <sip:p1.example.jp;lr>,",
        " <sip:p2.example.jp;lr>",
        "Content-Length: 0",
        "", "",
    ].joined(separator: "\r\n")

    /// The accessors read the stored bytes and give what the header's string values, split and parsed, give: an
    /// empty Via line leaves the top Via to the next one, list values split outside quotes and brackets, a value that
    /// does not parse is left out, folded lines are read too.
    @Test func accessorsMatchTheStringValues() throws {
        let headers = try SIPMessageParser.parseDatagram(Array(Self.message.utf8)).headers
        #expect(headers.topVia?.branch == "z9hG4bKfirst")
        #expect(headers.topVia == headers.values(.via).first.flatMap { try? SIPVia(parsing: $0) })
        #expect(headers.topViaBranch == "z9hG4bKfirst")
        for via in [
            "SIP/2.0/UDP h;BRANCH=z9hG4bKcase;branch=second", "SIP/2.0/UDP h;rport;branch=\"z9hG4bK\\\"q\"",
            "SIP/2.0/UDP h;branch", "SIP/2.0/UDP h;received=192.0.2.1", "SIP/2.0/UDP h;branch=a;=b",
        ] {
            var one = SIPHeaders()
            one.add(.via, via)
            #expect(one.topViaBranch == one.topVia?.branch, "\(via)")
        }
        #expect(headers.contacts.map(\.uri.user) == ["a", "b", "c"])
        #expect(headers.firstContactURI == headers.contacts.first?.uri)
        #expect(headers.contacts == headers.values(.contact).compactMap { try? SIPNameAddress(parsing: $0) })
        #expect(headers.contacts[1].displayName == "Say, hello")
        #expect(headers.recordRoutes.map(\.uri.host) == ["p1.example.jp", "p2.example.jp"])
        #expect(headers.from?.displayName == "山田")
        #expect(headers.to?.parameters.value("tag") == "8321234356")
        #expect(headers.cseq == SIPCSeq(1, .invite))
        #expect(headers.callID == "3848276298220188511@192.0.2.10")

        #expect(headers.fromTag == "9fxced76sl" && headers.toTag == "8321234356")
        for address in [
            "<sip:a@h>;TAG=upper;tag=second", "\"a;tag=in quotes\" <sip:a@h>", "<sip:a@h;tag=in-uri>",
            "sip:a@h;tag=bare-form", "<sip:a@h>;tag", "<sip:a@h>;tag=\"q\\\"uoted\"", "<sip:a@h>",
            "<sip:a@h>;x=1;tag=t",
        ] {
            var one = SIPHeaders()
            one.add(.from, address)
            one.add(.to, address)
            #expect(one.fromTag == one.from?.tag && one.toTag == one.to?.tag, "\(address)")
        }

        var built = SIPHeaders()
        built.add(.via, "SIP/2.0/UDP h;branch=z9hG4bKbuilt")
        built.add(.cseq, "7 BYE")
        #expect(built.topVia?.branch == "z9hG4bKbuilt")
        #expect(built.cseq == SIPCSeq(7, .bye))
        #expect(built.contacts.isEmpty && built.from == nil)
        built.set(.cseq, "seven BYE")
        #expect(built.cseq == nil)
    }

    /// An address written with a tag is the address with that tag set, whether it had one, parameters or a name.
    @Test func addressIsWrittenWithATag() throws {
        for text in [
            "<sip:0399999999@192.0.2.20>", "\"山田 太郎\" <sip:0399999999@192.0.2.20;user=phone>;x=1",
            "Tsunagu <sip:t@h>;tag=old;y", "<sips:[2001:db8::1]:5061>",
        ] {
            let address = try SIPNameAddress(parsing: text)
            var tagged = address
            tagged.tag = "9fxced76sl"
            #expect(address.text(tag: "9fxced76sl") == tagged.description, "\(text)")
            #expect(address.text(tag: nil) == address.description)
        }
    }
}
