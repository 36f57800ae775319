import Testing

@testable import SIP

/// A parsed request keeps its Request-URI as received: built when read, written back byte for byte, equal to the
/// same request built in code.
@Suite struct SIPRequestURITests {
    private static func invite(uri: String) -> String {
        [
            "INVITE \(uri) SIP/2.0", "Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKuri", "Max-Forwards: 70",
            "From: <sip:a@192.0.2.10>;tag=1", "To: <sip:b@192.0.2.20>", "Call-ID: uri@192.0.2.10", "CSeq: 1 INVITE",
            "Content-Length: 0", "", "",
        ].joined(separator: "\r\n")
    }

    private static func parse(_ text: String) throws -> SIPRequest {
        guard case .request(let request) = try SIPMessageParser.parseDatagram(Array(text.utf8)) else {
            throw SIPRequestURITestError.notARequest
        }
        return request
    }

    @Test(arguments: [
        "sip:0312345678@192.0.2.20:5060;user=phone", "SIP:Alice@EXAMPLE.jp;Transport=TCP", "sip:%61lice@h?subject=x",
        "sips:[2001:db8::1]:5061", "tel:+81-3-1234-5678",
    ])
    func readAndWrittenBackAsReceived(uri: String) throws {
        let request = try Self.parse(Self.invite(uri: uri))
        #expect(request.uri == (try SIPURI(parsing: uri)))
        let startLine = String(decoding: request.serialized(), as: UTF8.self).split(separator: "\r\n").first ?? ""
        #expect(startLine == "INVITE \(uri) SIP/2.0", "written back byte for byte")
        let cancel =
            String(decoding: request.cancelling().serialized(), as: UTF8.self).split(separator: "\r\n").first ?? ""
        #expect(cancel == "CANCEL \(uri) SIP/2.0", "a CANCEL's Request-URI is its INVITE's (RFC 3261 §9.1)")

        let built = SIPRequest(method: .invite, uri: try SIPURI(parsing: uri), headers: request.headers)
        #expect(request == built && request.hashValue == built.hashValue)
        var changed = request
        changed.uri.user = "0399999999"
        #expect(changed.uri.user == "0399999999" && changed != request)
    }

    /// A malformed Request-URI is still refused by the parser with a 400 that can be sent back.
    @Test func malformedRequestURIIsRefused() {
        #expect(throws: SIPRejectedMessage.self) { try Self.parse(Self.invite(uri: "sip:a@host:99999")) }
    }

    /// Text that somehow does not parse is kept whole, so that it is still written as it came.
    @Test func uncheckedTextIsKeptWhole() {
        #expect(SIPURI(checkedText: "sip:a@b c").description == "sip:a@b c")
        #expect(SIPURI(checkedText: "sip:0312345678@192.0.2.20").user == "0312345678")
    }
}

enum SIPRequestURITestError: Error { case notARequest }
