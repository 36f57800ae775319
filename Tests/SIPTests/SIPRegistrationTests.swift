import Testing

@testable import SIP

@Suite struct SIPRegistrationTests {
    private func registration() -> SIPRegistration {
        SIPRegistration(
            parameters: .init(
                addressOfRecord: SIPURI(user: "trunkuser", host: "trunk.example.jp"),
                registrar: SIPURI(host: "trunk.example.jp"),
                contact: SIPURI(user: "tsunagu", host: "192.0.2.10", port: 5062),
                expires: 600, credentials: SIPCredentials(username: "trunkuser", password: "secret")))
    }

    private let via = SIPVia(transport: "UDP", host: "192.0.2.10", port: 5062, branch: "z9hG4bKr")

    /// Refreshes keep the Call-ID and raise CSeq (RFC 3261 §10.2.4); a challenge is answered once per nonce.
    @Test func challengeThenGrantedExpiry() throws {
        var binding = registration()
        let first = binding.request(via: via)
        #expect(first.headers.cseq == SIPCSeq(1, .register))
        #expect(first.headers[.expires] == "600")
        var challenge = first.makeResponse(401, toTag: "r")
        challenge.headers.add(.wwwAuthenticate, #"Digest realm="trunk", nonce="n1", qop="auth""#)
        guard case .retry(let second) = binding.handle(challenge, retryVia: via) else {
            Issue.record("no retry")
            return
        }
        #expect(second.headers.callID == first.headers.callID)
        #expect(second.headers.cseq == SIPCSeq(2, .register))
        #expect(second.headers[.authorization]?.contains("nc=00000001") == true)
        var ok = second.makeResponse(200, toTag: "r")
        ok.headers.add(.contact, "<sip:tsunagu@192.0.2.10:5062>;expires=120")
        #expect(binding.handle(ok, retryVia: via) == .registered(expires: 120))
        // The refresh answers the same challenge up front, with the next nonce count.
        let refresh = binding.request(via: via)
        #expect(refresh.headers.cseq == SIPCSeq(3, .register))
        #expect(refresh.headers[.authorization]?.contains("nc=00000002") == true)
        // The same nonce challenged again: the password is wrong.
        #expect(binding.handle(challenge, retryVia: via) == .failed(statusCode: 401))
    }

    @Test func refusalAndRefreshTiming() {
        var binding = registration()
        let request = binding.request(via: via)
        #expect(binding.handle(request.makeResponse(403), retryVia: via) == .failed(statusCode: 403))
        #expect(SIPRegistration.refreshDelay(forExpires: 3600) == .seconds(3540))
        #expect(SIPRegistration.refreshDelay(forExpires: 60) == .seconds(30))
        #expect(SIPRegistration.refreshDelay(forExpires: 1) == .seconds(1))
    }
}
