import Synchronization
import Testing

@testable import SIP

@Suite struct OutboundCallTests {
    private enum Fixtures {
        static let parameters = OutboundCallParameters(
            target: SIPURI(user: "0312345678", host: "127.0.0.1", port: 5070),
            from: SIPNameAddress(uri: SIPURI(user: "0399999999", host: "127.0.0.1")),
            contact: SIPURI(user: "tsunagu", host: "127.0.0.1", port: 5062),
            via: .init(transport: "UDP", host: "127.0.0.1", port: 5062),
            credentials: SIPCredentials(username: "trunkuser", password: "secret"),
            offer: Array("v=0\r\n".utf8), ringTimeout: .seconds(30))

        /// Counters instead of random ids, so the messages are predictable.
        static func identifiers() -> SIPIdentifiers {
            let counter = Mutex(0)
            let next: @Sendable (String) -> String = { prefix in
                counter.withLock { value in
                    value += 1
                    return "\(prefix)\(value)"
                }
            }
            return SIPIdentifiers(
                branch: { next(SIPVia.magicCookie) }, tag: { next("tag") }, callID: { next("call") },
                cnonce: { next("cnonce") })
        }
    }

    private func started() -> (OutboundCall, SIPRequest) {
        var call = OutboundCall(parameters: Fixtures.parameters, identifiers: Fixtures.identifiers())
        let actions = call.start()
        guard case .startInvite(let invite) = actions.first else { fatalError("no INVITE") }
        return (call, invite)
    }

    private func response(_ code: Int, to request: SIPRequest, body: [UInt8] = []) -> SIPResponse {
        var response = request.makeResponse(code, toTag: code == 100 ? nil : "far")
        if code == 200 { response.headers.add(.contact, "<sip:uas@127.0.0.1:5070>") }
        response.body = body
        return response
    }

    private func reports(_ actions: [OutboundCallAction]) -> [OutboundCallProgress] {
        actions.compactMap { if case .report(let progress) = $0 { progress } else { nil } }
    }

    /// The INVITE carries the offer, our tag, Contact and a fresh branch, and arms the ring timer.
    @Test func inviteIsWellFormed() throws {
        var call = OutboundCall(parameters: Fixtures.parameters, identifiers: Fixtures.identifiers())
        let actions = call.start()
        #expect(actions.last == .startRingTimer(.seconds(30)))
        guard case .startInvite(let invite) = actions.first else { Issue.record("no INVITE"); return }
        let parsed = try SIPMessageParser.parseDatagram(invite.serialized())
        #expect(parsed.headers.from?.tag != nil)
        #expect(parsed.headers.to?.tag == nil)
        #expect(parsed.headers.topVia?.branch?.hasPrefix("z9hG4bK") == true)
        #expect(parsed.headers[.contentType] == "application/sdp")
        #expect(parsed.body == Array("v=0\r\n".utf8))
    }

    /// 180 reports ringing once, 183 with SDP reports early media, 200 is ACKed in the dialog and answered.
    @Test func ringingThenAnswerThenOurBye() {
        var (call, invite) = started()
        #expect(reports(call.receive(response(180, to: invite))) == [.ringing])
        #expect(
            reports(call.receive(response(183, to: invite, body: Array("v=0 early".utf8))))
                == [.earlyMedia(sdp: Array("v=0 early".utf8))])
        let answer = call.receive(response(200, to: invite, body: Array("v=0 answer".utf8)))
        #expect(answer.contains(.cancelRingTimer))
        #expect(reports(answer) == [.answered(sdp: Array("v=0 answer".utf8))])
        guard let ack = answer.compactMap({ if case .sendAck(let ack) = $0 { ack } else { nil } }).first else {
            Issue.record("no ACK")
            return
        }
        #expect(ack.uri.description == "sip:uas@127.0.0.1:5070", "ACK goes to the remote target")
        #expect(ack.headers.cseq == SIPCSeq(1, .ack))
        #expect(ack.headers.to?.tag == "far")
        #expect(ack.branch != invite.branch, "a 2xx ACK is a new transaction")
        // A retransmitted 200 is ACKed again.
        #expect(call.receive(response(200, to: invite)) == [.sendAck(ack)])
        let hangUp = call.hangUp()
        guard case .startRequest(let bye) = hangUp.first else { Issue.record("no BYE"); return }
        #expect(bye.method == .bye)
        #expect(bye.headers.cseq == SIPCSeq(2, .bye))
        #expect(
            reports(hangUp) == [.ended(OutboundCallEnding(cause: .localHangUp, wasAnswered: true, statusCode: 200))])
        #expect(call.receive(bye.makeResponse(200)) == [.finished])
    }

    /// Tones go as INFO in the dialog, one at a time: the next waits for the answer to the one before, and a peer
    /// that never answers one drops those queued behind it.
    @Test func tonesAsInfoOneAtATime() throws {
        var (call, invite) = started()
        #expect(call.sendTone(DTMFRelayTone("5")!).isEmpty, "no tones before the answer")
        _ = call.receive(response(200, to: invite))
        let first = call.sendTone(DTMFRelayTone("1")!)
        #expect(call.sendTone(DTMFRelayTone("#")!).isEmpty, "queued behind the first")
        #expect(call.sendTone(DTMFRelayTone("*")!).isEmpty)
        guard case .startRequest(let info) = first.first else { Issue.record("no INFO"); return }
        let parsed = try SIPMessageParser.parseDatagram(info.serialized())
        #expect(parsed.headers.cseq == SIPCSeq(2, .info))
        #expect(parsed.headers[.contentType] == "application/dtmf-relay")
        #expect(parsed.body == Array("Signal=1\r\nDuration=160\r\n".utf8))
        #expect(parsed.headers.to?.tag == "far")
        #expect(call.receive(info.makeResponse(100)).isEmpty, "a provisional answer does not release the next")
        guard case .startRequest(let second) = call.receive(info.makeResponse(200)).first else {
            Issue.record("no second INFO")
            return
        }
        #expect(second.headers.cseq == SIPCSeq(3, .info))
        #expect(second.body == Array("Signal=#\r\nDuration=160\r\n".utf8))
        #expect(call.transactionFailed(method: .info, timedOut: true).isEmpty)
        #expect(call.sendTone(DTMFRelayTone("2")!).count == 1, "after a lost INFO the next key goes at once")
        guard case .startRequest(let bye) = call.hangUp().first else { Issue.record("no BYE"); return }
        #expect(bye.headers.cseq == SIPCSeq(5, .bye))
        #expect(call.sendTone(DTMFRelayTone("3")!).isEmpty, "nothing after the hang-up")
    }

    @Test func onlyDTMFKeysAreTones() {
        #expect(DTMFRelayTone("a")?.signal == "A")
        #expect(DTMFRelayTone("x") == nil)
        #expect(DTMFRelayTone("５") == nil)
        #expect(DTMFRelayTone("1", milliseconds: 10) == nil)
    }

    /// The far end's BYE is answered 200 and ends the call.
    @Test func farEndHangsUp() throws {
        var (call, invite) = started()
        _ = call.receive(response(200, to: invite))
        var headers = SIPHeaders()
        headers.add(.via, "SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKfar")
        headers.add(.from, invite.makeResponse(200, toTag: "far").headers[.to]!)
        headers.add(.to, invite.headers[.from]!)
        headers.add(.callID, invite.headers.callID!)
        headers.add(.cseq, "1 BYE")
        let bye = SIPRequest(method: .bye, uri: Fixtures.parameters.contact, headers: headers)
        let actions = call.receive(bye)
        guard case .respond(let ok) = actions.first else { Issue.record("no 200"); return }
        #expect(ok.statusCode == 200)
        #expect(
            reports(actions) == [.ended(OutboundCallEnding(cause: .remoteHangUp, wasAnswered: true, statusCode: 200))])
        #expect(call.isFinished)
    }

    /// Busy: the final failure ends the call with its code; the transaction does the ACK.
    @Test func busy() {
        var (call, invite) = started()
        let actions = call.receive(response(486, to: invite))
        #expect(reports(actions) == [.ended(OutboundCallEnding(cause: .refused, wasAnswered: false, statusCode: 486))])
        #expect(actions.last == .finished)
    }

    /// Hanging up while it rings reports at once and sends CANCEL; the 487 then finishes the call.
    @Test func hangUpWhileRinging() {
        var (call, invite) = started()
        _ = call.receive(response(180, to: invite))
        let actions = call.hangUp()
        #expect(actions.contains(.startRequest(invite.cancelling())))
        #expect(
            reports(actions) == [.ended(OutboundCallEnding(cause: .cancelled, wasAnswered: false, statusCode: nil))])
        #expect(call.receive(response(487, to: invite)) == [.cancelRingTimer, .finished])
    }

    /// Before any provisional response a CANCEL must wait (RFC 3261 §9.1); it goes out with the first 1xx.
    @Test func cancelWaitsForAProvisionalResponse() {
        var (call, invite) = started()
        let actions = call.ringTimerFired()
        #expect(!actions.contains { if case .startRequest = $0 { true } else { false } })
        #expect(
            reports(actions) == [.ended(OutboundCallEnding(cause: .ringTimeout, wasAnswered: false, statusCode: nil))])
        #expect(call.receive(response(100, to: invite)).isEmpty)
        #expect(call.receive(response(180, to: invite)) == [.startRequest(invite.cancelling())])
    }

    /// A 200 that crosses our CANCEL is acknowledged and hung up at once, with nothing more reported.
    @Test func answerCrossingCancelIsHungUp() {
        var (call, invite) = started()
        _ = call.receive(response(180, to: invite))
        _ = call.hangUp()
        let actions = call.receive(response(200, to: invite))
        #expect(actions.count == 2)
        guard case .sendAck = actions[0], case .startRequest(let bye) = actions[1] else {
            Issue.record("expected ACK and BYE")
            return
        }
        #expect(bye.method == .bye)
        #expect(reports(actions).isEmpty)
    }

    /// 401 is answered once with digest credentials on a new CSeq; the same challenge again means a wrong password.
    @Test func digestChallengeIsAnsweredOnce() throws {
        var (call, invite) = started()
        var challenge = response(401, to: invite)
        challenge.headers.add(.wwwAuthenticate, #"Digest realm="trunk", nonce="abc", qop="auth", algorithm=MD5"#)
        let retry = call.receive(challenge)
        guard case .startInvite(let second) = retry.first else { Issue.record("no retry"); return }
        #expect(second.headers.cseq == SIPCSeq(2, .invite))
        #expect(second.headers.callID == invite.headers.callID)
        #expect(second.headers.from?.tag == invite.headers.from?.tag)
        let authorization = try #require(second.headers[.authorization])
        #expect(authorization.contains(#"username="trunkuser""#))
        #expect(authorization.contains(#"uri="sip:0312345678@127.0.0.1:5070""#))
        var again = response(401, to: second)
        again.headers.add(.wwwAuthenticate, #"Digest realm="trunk", nonce="abc", qop="auth", algorithm=MD5"#)
        let failed = call.receive(again)
        #expect(
            reports(failed) == [
                .ended(OutboundCallEnding(cause: .authenticationFailed, wasAnswered: false, statusCode: 401))
            ])
    }

    /// 407 is answered with Proxy-Authorization.
    @Test func proxyChallenge() {
        var (call, invite) = started()
        var challenge = response(407, to: invite)
        challenge.headers.add(.proxyAuthenticate, #"Digest realm="proxy", nonce="p1", algorithm=SHA-256"#)
        guard case .startInvite(let second) = call.receive(challenge).first else { Issue.record("no retry"); return }
        #expect(second.headers[.proxyAuthorization]?.contains("algorithm=SHA-256") == true)
        #expect(second.headers[.authorization] == nil)
    }

    /// No response at all (Timer B) ends the call as unreachable.
    @Test func noResponse() {
        var (call, _) = started()
        let actions = call.transactionFailed(method: .invite, timedOut: true)
        #expect(
            reports(actions) == [.ended(OutboundCallEnding(cause: .noResponse, wasAnswered: false, statusCode: nil))])
        #expect(call.isFinished)
    }
}
