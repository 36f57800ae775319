import Foundation
import NIOCore
import NIOPosix
import SIPTestSupport
import Synchronization
import Testing

@testable import SIP

/// Our user agent against a real SIPp on loopback, one scenario file each (Tests/SIPTests/SIPp/).
@Suite(.serialized) struct SIPpIntegrationTests {
    /// Collects a call's progress reports as they arrive.
    final class Recorder: Sendable {
        private let reports = Mutex<[OutboundCallProgress]>([])

        var report: @Sendable (OutboundCallProgress) -> Void {
            { progress in self.reports.withLock { $0.append(progress) } }
        }

        var all: [OutboundCallProgress] { reports.withLock { $0 } }

        var ending: OutboundCallEnding? {
            all.compactMap { if case .ended(let ending) = $0 { ending } else { nil } }.first
        }

        var answered: Bool { all.contains { if case .answered = $0 { true } else { false } } }

        func wait(until condition: (Recorder) -> Bool, seconds: Double = 15) async {
            let deadline = Date().addingTimeInterval(seconds)
            while !condition(self), Date() < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        }
    }

    private static let group = MultiThreadedEventLoopGroup.singleton

    private func withAgent(_ body: (SIPUserAgent) async throws -> Void) async throws {
        let agent = SIPUserAgent(eventLoop: Self.group.next())
        try await agent.start()
        do {
            try await body(agent)
        } catch {
            await agent.shutdown()
            throw error
        }
        await agent.shutdown()
    }

    private func parameters(
        _ agent: SIPUserAgent, _ sipp: SIPpProcess, transport: SIPTransportKind = .udp,
        ringTimeout: Duration = .seconds(10)
    ) async throws -> (OutboundCallParameters, SIPUserAgent.Peer) {
        let peer = SIPUserAgent.Peer(host: "127.0.0.1", port: sipp.port, transport: transport)
        let local = try await agent.localContactAddress(for: peer)
        let sdp = Array(
            "v=0\r\no=tsunagu 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n"
                .utf8)
        let parameters = OutboundCallParameters(
            target: SIPURI(user: "0312345678", host: "127.0.0.1", port: sipp.port),
            from: SIPNameAddress(uri: SIPURI(user: "0399999999", host: "127.0.0.1")),
            contact: SIPURI(user: "tsunagu", host: local.host, port: local.port),
            via: .init(transport: transport.rawValue, host: local.host, port: local.port),
            credentials: SIPCredentials(username: "trunkuser", password: "secret"), offer: sdp,
            ringTimeout: ringTimeout)
        return (parameters, peer)
    }

    private func expectSIPpPassed(_ sipp: SIPpProcess) async {
        let (status, output) = await sipp.finish()
        #expect(status == 0, "SIPp failed:\n\(output)")
    }

    /// Answered, then SIPp hangs up: we answer its BYE with 200.
    @Test func answerThenFarEndBye() async throws {
        let sipp = try SIPpProcess(scenario: "uas-answer-far-bye.xml")
        try await withAgent { agent in
            let recorder = Recorder()
            let (parameters, peer) = try await parameters(agent, sipp)
            try await agent.placeCall(parameters, via: peer, report: recorder.report)
            await recorder.wait { $0.ending != nil }
            #expect(recorder.all.first == .ringing)
            #expect(recorder.answered)
            #expect(recorder.ending?.cause == .remoteHangUp)
            await expectSIPpPassed(sipp)
        }
    }

    /// Answered, then we hang up with BYE.
    @Test func answerThenOurBye() async throws {
        let sipp = try SIPpProcess(scenario: "uas-answer-our-bye.xml")
        try await withAgent { agent in
            let recorder = Recorder()
            let (parameters, peer) = try await parameters(agent, sipp)
            let callID = try await agent.placeCall(parameters, via: peer, report: recorder.report)
            await recorder.wait { $0.answered }
            await agent.hangUp(callID: callID)
            await recorder.wait { $0.ending != nil }
            #expect(recorder.ending == OutboundCallEnding(cause: .localHangUp, wasAnswered: true, statusCode: 200))
            await expectSIPpPassed(sipp)
            #expect(await agent.load.calls == 0)
        }
    }

    /// A dialer on the agent's event loop (`syncOperations`): it hangs up inside the `.answered` report and places
    /// the next call inside the `.ended` report. Each BYE must follow its ACK, or SIPp's scenario fails.
    @Test func dialerOnTheEventLoopPlacesAndEndsCallsInLine() async throws {
        let calls = 3
        let sipp = try SIPpProcess(scenario: "uas-answer-our-bye.xml", calls: calls)
        try await withAgent { agent in
            let recorder = Recorder()
            let (parameters, peer) = try await parameters(agent, sipp)
            let placed = Mutex(0)
            @Sendable func placeNext() {
                guard
                    placed.withLock({ count in
                        count += 1
                        return count <= calls
                    })
                else { return }
                let callID = agent.newCallID
                _ = try? agent.syncOperations.placeCall(parameters, via: peer, callID: callID) { progress in
                    recorder.report(progress)
                    switch progress {
                    case .answered: agent.syncOperations.hangUp(callID: callID)
                    case .ended: placeNext()
                    default: break
                    }
                }
            }
            try await agent.eventLoop.submit { placeNext() }.get()
            await recorder.wait { recorder in
                recorder.all.filter { if case .ended = $0 { true } else { false } }.count == calls
            }
            let endings = recorder.all.compactMap { if case .ended(let ending) = $0 { ending } else { nil } }
            #expect(
                endings
                    == Array(
                        repeating: OutboundCallEnding(cause: .localHangUp, wasAnswered: true, statusCode: 200),
                        count: calls))
            await expectSIPpPassed(sipp)
            #expect(await agent.load.calls == 0)
        }
    }

    @Test(arguments: [("uas-busy.xml", 486), ("uas-not-found.xml", 404)])
    func refusedCalls(scenario: String, code: Int) async throws {
        let sipp = try SIPpProcess(scenario: scenario)
        try await withAgent { agent in
            let recorder = Recorder()
            let (parameters, peer) = try await parameters(agent, sipp)
            try await agent.placeCall(parameters, via: peer, report: recorder.report)
            await recorder.wait { $0.ending != nil }
            #expect(recorder.ending == OutboundCallEnding(cause: .refused, wasAnswered: false, statusCode: code))
            await expectSIPpPassed(sipp)
        }
    }

    /// Rings past the ring timeout: we CANCEL, SIPp answers 200 and 487, we ACK the 487.
    @Test func ringOutWithCancel() async throws {
        let sipp = try SIPpProcess(scenario: "uas-ring-cancel.xml")
        try await withAgent { agent in
            let recorder = Recorder()
            let (parameters, peer) = try await parameters(agent, sipp, ringTimeout: .seconds(1))
            try await agent.placeCall(parameters, via: peer, report: recorder.report)
            await recorder.wait { $0.ending != nil }
            #expect(recorder.all.first == .ringing)
            #expect(recorder.ending?.cause == .ringTimeout)
            await expectSIPpPassed(sipp)
        }
    }

    /// 183 with SDP is reported as early media before the answer.
    @Test func earlyMediaThenAnswer() async throws {
        let sipp = try SIPpProcess(scenario: "uas-early-media-then-answer.xml")
        try await withAgent { agent in
            let recorder = Recorder()
            let (parameters, peer) = try await parameters(agent, sipp)
            let callID = try await agent.placeCall(parameters, via: peer, report: recorder.report)
            await recorder.wait { $0.answered }
            #expect(recorder.all.contains { if case .earlyMedia(let sdp) = $0 { !sdp.isEmpty } else { false } })
            await agent.hangUp(callID: callID)
            await expectSIPpPassed(sipp)
        }
    }

    /// Tones pressed in quick succession go as SIP INFO one after another: SIPp holds each answer 300 ms and fails
    /// if the next INFO comes before it, and checks each body.
    @Test func tonesAsSIPInfoInOrder() async throws {
        let sipp = try SIPpProcess(scenario: "uas-info-dtmf.xml")
        try await withAgent { agent in
            let recorder = Recorder()
            let (parameters, peer) = try await parameters(agent, sipp)
            let callID = try await agent.placeCall(parameters, via: peer, report: recorder.report)
            await recorder.wait { $0.answered }
            for key: Character in ["1", "#", "9"] { await agent.sendTone(DTMFRelayTone(key)!, callID: callID) }
            try await Task.sleep(for: .milliseconds(1_500))
            await agent.hangUp(callID: callID)
            await expectSIPpPassed(sipp)
        }
    }

    /// 401 then 200, and 407 then 200: SIPp checks our digest response against the password.
    @Test(arguments: ["uas-auth-401.xml", "uas-auth-407.xml"])
    func digestChallenge(scenario: String) async throws {
        let sipp = try SIPpProcess(scenario: scenario)
        try await withAgent { agent in
            let recorder = Recorder()
            let (parameters, peer) = try await parameters(agent, sipp)
            let callID = try await agent.placeCall(parameters, via: peer, report: recorder.report)
            await recorder.wait { $0.answered || $0.ending != nil }
            #expect(recorder.answered, "\(recorder.all)")
            await agent.hangUp(callID: callID)
            await expectSIPpPassed(sipp)
        }
    }

    /// SIPp ignores our first INVITE; Timer A retransmits it after T1 and the call goes through.
    @Test func retransmitsALostInvite() async throws {
        let sipp = try SIPpProcess(scenario: "uas-drop-first-invite.xml")
        try await withAgent { agent in
            let recorder = Recorder()
            let (parameters, peer) = try await parameters(agent, sipp)
            let callID = try await agent.placeCall(parameters, via: peer, report: recorder.report)
            await recorder.wait { $0.answered }
            #expect(recorder.answered)
            await agent.hangUp(callID: callID)
            await expectSIPpPassed(sipp)
            // SIPp's screen: "INVITE ---------->  1  2" is one INVITE received and its retransmissions counted.
            let inviteLine = sipp.screen.split(separator: "\n").first {
                $0.contains("INVITE") && $0.contains("<") == false
            }
            let counts = inviteLine?.split(separator: " ").compactMap { Int($0) } ?? []
            #expect(counts.count >= 2 && counts[1] >= 1, "no retransmission seen by SIPp:\n\(sipp.screen)")
        }
    }

    /// The same call over a TCP trunk: framing by Content-Length, no retransmissions, SIPp's BYE on our connection.
    @Test func tcpTrunk() async throws {
        let sipp = try SIPpProcess(scenario: "uas-answer-far-bye.xml", transport: "t1")
        try await withAgent { agent in
            let recorder = Recorder()
            let (parameters, peer) = try await parameters(agent, sipp, transport: .tcp)
            try await agent.placeCall(parameters, via: peer, report: recorder.report)
            await recorder.wait { $0.ending != nil }
            #expect(recorder.answered)
            #expect(recorder.ending?.cause == .remoteHangUp)
            await expectSIPpPassed(sipp)
        }
    }

    /// OPTIONS keep-alive gets SIPp's 200; with nobody listening it times out (the lamp goes red).
    @Test func optionsKeepAlive() async throws {
        let sipp = try SIPpProcess(scenario: "uas-options.xml")
        try await withAgent { agent in
            let peer = SIPUserAgent.Peer(host: "127.0.0.1", port: sipp.port)
            let response = try await agent.ping(peer, from: SIPURI(user: "tsunagu", host: "127.0.0.1"))
            #expect(response.statusCode == 200)
            await expectSIPpPassed(sipp)
        }
    }

    /// REGISTER: 401, then our credentials, then 200 with the granted expiry.
    @Test func registerWithChallenge() async throws {
        let sipp = try SIPpProcess(scenario: "uas-register-challenge.xml")
        try await withAgent { agent in
            let peer = SIPUserAgent.Peer(host: "127.0.0.1", port: sipp.port)
            let local = try await agent.localContactAddress(for: peer)
            var registration = SIPRegistration(
                parameters: .init(
                    addressOfRecord: SIPURI(user: "trunkuser", host: "127.0.0.1"),
                    registrar: SIPURI(host: "127.0.0.1", port: sipp.port),
                    contact: SIPURI(user: "tsunagu", host: local.host, port: local.port), expires: 300,
                    credentials: SIPCredentials(username: "trunkuser", password: "secret")))
            let outcome = try await agent.register(&registration, at: peer)
            #expect(outcome == .registered(expires: 60))
            await expectSIPpPassed(sipp)
        }
    }
}
