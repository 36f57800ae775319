import Testing

@testable import SIP

@Suite struct TransactionTests {
    private enum Fixtures {
        static func request(_ method: SIPMethod) -> SIPRequest {
            var headers = SIPHeaders()
            headers.add(.via, "SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bKtest;rport")
            headers.add(.from, "<sip:tsunagu@127.0.0.1>;tag=ours")
            headers.add(.to, "<sip:0312345678@127.0.0.1>")
            headers.add(.callID, "call-1@127.0.0.1")
            headers.add(.cseq, "1 \(method)")
            return SIPRequest(method: method, uri: SIPURI(user: "0312345678", host: "127.0.0.1"), headers: headers)
        }

        static func response(_ code: Int, to request: SIPRequest) -> SIPResponse {
            request.makeResponse(code, toTag: "theirs")
        }
    }

    private func inviteHarness(reliable: Bool = false) -> TransactionHarness<ClientInviteTransaction> {
        var harness = TransactionHarness(
            ClientInviteTransaction(request: Fixtures.request(.invite), reliableTransport: reliable)
        ) { $0.timerFired($1) }
        harness.apply(harness.machine.start())
        return harness
    }

    /// Timer A doubles from T1 with no cap, and Timer B gives up after 64·T1 (RFC 3261 §17.1.1.2).
    @Test func inviteRetransmitsUntilTimerB() {
        var harness = inviteHarness()
        harness.advance(by: .seconds(40))
        #expect(harness.sendTimes == [0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5].map { Duration.milliseconds(Int($0 * 1000)) })
        #expect(harness.events.contains(.timedOut))
        #expect(harness.terminatedAt == .seconds(32))
        #expect(harness.machine.isTerminated)
    }

    /// A provisional response stops retransmissions and Timer B; the call may ring as long as the TU wants.
    @Test func provisionalStopsRetransmission() {
        var harness = inviteHarness()
        harness.advance(by: .milliseconds(600))
        harness.apply(harness.machine.receive(Fixtures.response(180, to: Fixtures.request(.invite))))
        #expect(harness.machine.hasProvisionalResponse)
        harness.advance(by: .seconds(120))
        #expect(harness.sent.count == 2)
        #expect(!harness.events.contains(.timedOut))
        #expect(harness.delivered.map(\.statusCode) == [180])
    }

    /// A failure is ACKed on the INVITE's branch, retransmissions of it are ACKed again, Timer D ends it.
    @Test func failureIsAcknowledged() {
        var harness = inviteHarness()
        let busy = Fixtures.response(486, to: Fixtures.request(.invite))
        harness.apply(harness.machine.receive(busy))
        harness.apply(harness.machine.receive(busy))
        let acks = harness.sent.compactMap { sent -> SIPRequest? in
            guard case .request(let request) = sent.message, request.method == .ack else { return nil }
            return request
        }
        #expect(acks.count == 2)
        #expect(acks[0].branch == "z9hG4bKtest")
        #expect(acks[0].headers.to?.tag == "theirs")
        #expect(harness.delivered.map(\.statusCode) == [486], "the TU hears the failure once")
        harness.advance(by: .seconds(31))
        #expect(!harness.machine.isTerminated)
        harness.advance(by: .seconds(1))
        #expect(harness.machine.isTerminated)
    }

    /// On TCP there are no retransmissions and Timer D is zero.
    @Test func reliableInviteDoesNotRetransmit() {
        var harness = inviteHarness(reliable: true)
        harness.advance(by: .seconds(10))
        #expect(harness.sent.count == 1)
        harness.apply(harness.machine.receive(Fixtures.response(404, to: Fixtures.request(.invite))))
        harness.advance(by: .zero)
        #expect(harness.machine.isTerminated)
    }

    /// A 2xx goes to the TU (which ACKs it), and so do its retransmissions while Timer M runs (RFC 6026).
    @Test func successGoesToTheTransactionUser() {
        var harness = inviteHarness()
        let ok = Fixtures.response(200, to: Fixtures.request(.invite))
        #expect(harness.machine.request == Fixtures.request(.invite))
        harness.apply(harness.machine.receive(ok))
        #expect(harness.machine.request == nil, "Accepted lasts 32 s and must not hold the INVITE")
        harness.apply(harness.machine.receive(ok))
        #expect(harness.delivered.map(\.statusCode) == [200, 200])
        #expect(harness.sent.count == 1, "no ACK from the transaction for a 2xx")
        harness.advance(by: .seconds(32))
        #expect(harness.machine.isTerminated)
    }

    /// Timer E doubles up to T2, Timer F times out after 64·T1 (RFC 3261 §17.1.2.2).
    @Test func nonInviteRetransmitsCappedAtT2() {
        var harness = TransactionHarness(
            ClientNonInviteTransaction(request: Fixtures.request(.options), reliableTransport: false)
        ) { $0.timerFired($1) }
        harness.apply(harness.machine.start())
        harness.advance(by: .seconds(33))
        let expected: [Double] = [0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5]
        #expect(harness.sendTimes == expected.map { .milliseconds(Int($0 * 1000)) })
        #expect(harness.events.contains(.timedOut))
    }

    /// In Proceeding a non-INVITE retransmits every T2; a final response waits Timer K before ending.
    @Test func nonInviteProceedingThenCompleted() {
        var harness = TransactionHarness(
            ClientNonInviteTransaction(request: Fixtures.request(.register), reliableTransport: false)
        ) { $0.timerFired($1) }
        harness.apply(harness.machine.start())
        harness.apply(harness.machine.receive(Fixtures.response(100, to: Fixtures.request(.register))))
        harness.advance(by: .milliseconds(4_600))
        #expect(harness.sendTimes == [.zero, .milliseconds(500), .milliseconds(4_500)])
        #expect(harness.machine.request?.method == .register)
        harness.apply(harness.machine.receive(Fixtures.response(401, to: Fixtures.request(.register))))
        #expect(harness.machine.request == nil, "Completed needs nothing of the request")
        harness.apply(harness.machine.receive(Fixtures.response(401, to: Fixtures.request(.register))))
        #expect(harness.delivered.map(\.statusCode) == [100, 401])
        harness.advance(by: .seconds(5))
        #expect(harness.machine.isTerminated)
        #expect(!harness.events.contains(.timedOut))
    }

    /// A transport error ends the transaction and tells the TU (RFC 3261 §17.1.4).
    @Test func transportErrorEndsTheTransaction() {
        var harness = TransactionHarness(
            ClientNonInviteTransaction(request: Fixtures.request(.options), reliableTransport: false)
        ) { $0.timerFired($1) }
        harness.apply(harness.machine.start())
        harness.apply(harness.machine.transportFailed())
        #expect(harness.events.contains(.transportFailed))
        #expect(harness.machine.isTerminated)
        harness.advance(by: .seconds(60))
        #expect(harness.sent.count == 1)
    }

    /// Server INVITE: 100 at once, a failure retransmitted on Timer G until the ACK, then Timer I (RFC 3261 §17.2.1).
    @Test func serverInviteFailureWaitsForAck() {
        let invite = Fixtures.request(.invite)
        var harness = TransactionHarness(ServerInviteTransaction(request: invite, reliableTransport: false)) {
            $0.timerFired($1)
        }
        harness.apply(harness.machine.start())
        harness.apply(harness.machine.receive(invite))
        harness.apply(harness.machine.send(invite.makeResponse(486, toTag: "t")))
        harness.advance(by: .milliseconds(1_600))
        let codes = harness.sent.compactMap { sent -> Int? in
            if case .response(let response) = sent.message { return response.statusCode }
            return nil
        }
        #expect(codes == [100, 100, 486, 486, 486])
        harness.apply(harness.machine.receive(invite.acknowledging(failure: invite.makeResponse(486, toTag: "t"))))
        harness.advance(by: .seconds(10))
        #expect(harness.sent.count == 5)
        #expect(harness.machine.isTerminated)
        #expect(!harness.events.contains(.timedOut))
    }

    /// Without an ACK, Timer H ends the server INVITE transaction after 64·T1.
    @Test func serverInviteTimerH() {
        let invite = Fixtures.request(.invite)
        var harness = TransactionHarness(ServerInviteTransaction(request: invite, reliableTransport: false)) {
            $0.timerFired($1)
        }
        harness.apply(harness.machine.start())
        harness.apply(harness.machine.send(invite.makeResponse(603)))
        harness.advance(by: .seconds(33))
        #expect(harness.events.contains(.timedOut))
        #expect(harness.terminatedAt == .seconds(32))
    }

    /// Server non-INVITE: retransmitted requests get the last response again until Timer J.
    @Test func serverNonInviteAbsorbsRetransmissions() {
        let bye = Fixtures.request(.bye)
        var harness = TransactionHarness(ServerNonInviteTransaction(reliableTransport: false)) {
            $0.timerFired($1)
        }
        harness.apply(harness.machine.receive(bye))
        #expect(harness.sent.isEmpty)
        harness.apply(harness.machine.send(bye.makeResponse(200)))
        harness.apply(harness.machine.receive(bye))
        #expect(harness.sent.count == 2)
        harness.advance(by: .seconds(32))
        #expect(harness.machine.isTerminated)
    }
}
