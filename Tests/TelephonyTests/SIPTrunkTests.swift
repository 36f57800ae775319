import Foundation
import Media
import MediaTestSupport
import NIOCore
import NIOPosix
import SIP
import SIPTestSupport
import Testing
import TsunaguCore

@testable import Telephony

/// The `sip` provider through the same `Telephony` protocol the phone screen uses, against a real SIPp trunk.
@Suite(.serialized) struct SIPTrunkTests {
    /// The outcome table of `SIPCallOutcome`: every code keeps its reason beside 不応答.
    @Test(arguments: [
        (486, UnansweredReason.busy), (600, .busy), (404, .invalidNumber), (484, .invalidNumber),
        (604, .invalidNumber), (480, .noAnswer), (408, .noAnswer), (603, .rejected), (503, .failed),
    ])
    func failureCodesMapToReasons(code: Int, reason: UnansweredReason) {
        let ending = OutboundCallEnding(cause: .refused, wasAnswered: false, statusCode: code)
        #expect(SIPCallOutcome.ending(ending) == .unanswered(reason))
    }

    @Test func otherEndings() {
        #expect(
            SIPCallOutcome.ending(.init(cause: .ringTimeout, wasAnswered: false, statusCode: nil))
                == .unanswered(.noAnswer))
        #expect(
            SIPCallOutcome.ending(.init(cause: .cancelled, wasAnswered: false, statusCode: nil))
                == .unanswered(.hungUpBeforeAnswer))
        #expect(
            SIPCallOutcome.ending(.init(cause: .authenticationFailed, wasAnswered: false, statusCode: 401))
                == .unanswered(.failed))
        #expect(
            SIPCallOutcome.ending(.init(cause: .noResponse, wasAnswered: false, statusCode: nil))
                == .unanswered(.failed))
        #expect(SIPCallOutcome.ending(.init(cause: .remoteHangUp, wasAnswered: true, statusCode: 200)) == .afterAnswer)
    }

    @Test func dialStrings() {
        let national = SIPTrunkSettings(host: "h", callerID: "0399999999")
        #expect(national.dialString("+81312345678") == "0312345678")
        var e164 = national
        e164.numberFormat = .e164
        #expect(e164.dialString("+81312345678") == "+81312345678")
    }

    private func trunk(
        port: Int, transport: String = "udp", dtmf: SIPTrunkSettings.DTMFMethod = .rfc4733
    ) async throws -> (SIPTrunk, SIPUserAgent) {
        let agent = SIPUserAgent(eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        try await agent.start()
        let settings = SIPTrunkSettings(
            host: "127.0.0.1", port: port, transport: transport, authUser: "trunkuser", password: "secret",
            callerID: "0399999999", dtmfMethod: dtmf)
        return (SIPTrunk(agent: agent) { _ in settings }, agent)
    }

    /// Places a call with `body` on a running trunk (as the server runs it) and collects its reports.
    private func collect(
        _ trunk: SIPTrunk, _ body: (@escaping @Sendable (CallProgress) -> Void) async -> Void
    ) async -> [CallProgress] {
        let running = Task { await trunk.run() }
        defer { running.cancel() }
        let (stream, continuation) = AsyncStream<CallProgress>.makeStream()
        await body { progress in
            continuation.yield(progress)
            if case .ended = progress { continuation.finish() }
        }
        var seen: [CallProgress] = []
        for await progress in stream { seen.append(progress) }
        return seen
    }

    /// Busy comes back as 不応答 (busy), through the Telephony protocol.
    @Test func busyTrunk() async throws {
        let sipp = try SIPpProcess(scenario: "uas-busy.xml")
        let (trunk, agent) = try await trunk(port: sipp.port)
        let request = CallRequest(id: UUID(), tenantID: UUID(), number: "+81312345678", ringTimeoutSeconds: 30)
        let reports = await collect(trunk) { report in await trunk.placeCall(request, report: report) }
        #expect(reports.last == .ended(.unanswered(.busy), signallingCode: 486))
        #expect(await sipp.finish().status == 0)
        await agent.shutdown()
    }

    /// A digest-protected trunk answers; the agent hangs up with BYE; the ending is 応答 after answer.
    @Test func answeredThenHungUp() async throws {
        let sipp = try SIPpProcess(scenario: "uas-auth-401.xml")
        let (trunk, agent) = try await trunk(port: sipp.port)
        let request = CallRequest(id: UUID(), tenantID: UUID(), number: "+81312345678", ringTimeoutSeconds: 30)
        let reports = await collect(trunk) { report in
            await trunk.placeCall(request) { progress in
                report(progress)
                if progress == .answered { Task { await trunk.hangUp(request.id) } }
            }
        }
        #expect(reports == [.ringing, .answered, .ended(.afterAnswer, signallingCode: 200)])
        #expect(await sipp.finish().status == 0)
        await agent.shutdown()
    }

    /// A trunk set to SIP INFO: the route says so, and the keys reach SIPp as INFO requests in order.
    @Test func tonesAsSIPInfoWhereTheTrunkWantsThem() async throws {
        let sipp = try SIPpProcess(scenario: "uas-info-dtmf.xml")
        let (trunk, agent) = try await trunk(port: sipp.port, dtmf: .sipInfo)
        #expect(await trunk.toneRoute(tenantID: UUID()) == .signalling)
        let request = CallRequest(id: UUID(), tenantID: UUID(), number: "+81312345678", ringTimeoutSeconds: 30)
        let reports = await collect(trunk) { report in
            await trunk.placeCall(request) { progress in
                report(progress)
                guard progress == .answered else { return }
                Task {
                    for key: Character in ["1", "#", "9", "x"] { await trunk.sendTone(key, call: request.id) }
                    try await Task.sleep(for: .milliseconds(1_500))
                    await trunk.hangUp(request.id)
                }
            }
        }
        #expect(reports.last == .ended(.afterAnswer, signallingCode: 200))
        #expect(await sipp.finish().status == 0)
        await agent.shutdown()
        let (usual, usualAgent) = try await self.trunk(port: sipp.port)
        #expect(await usual.toneRoute(tenantID: UUID()) == .media)
        await usualAgent.shutdown()
    }

    /// The lamp: green when the trunk answers OPTIONS, red with a reason when nothing is configured.
    @Test func readinessFollowsTheTrunk() async throws {
        let sipp = try SIPpProcess(scenario: "uas-options.xml")
        let (trunk, agent) = try await trunk(port: sipp.port)
        #expect(await trunk.readiness(tenantID: UUID()).isReady)
        #expect(await sipp.finish().status == 0)
        let unconfigured = SIPTrunk(agent: agent) { _ in nil }
        let readiness = await unconfigured.readiness(tenantID: UUID())
        #expect(!readiness.isReady)
        #expect(readiness.reason?.ja == "SIPトランクが設定されていません。")
        await agent.shutdown()
    }

    /// With rtpengine: the browser's WebRTC offer goes out as plain RTP in the INVITE, the trunk's 183 and 200
    /// come back as WebRTC answers for the browser, and the media session is deleted when the call ends.
    @Test func bridgesTheBrowsersMediaThroughRTPEngine() async throws {
        let engine = try RTPEngineProcess()
        defer { engine.stop() }
        let client = NGClient(
            server: try SocketAddress(ipAddress: "127.0.0.1", port: engine.ngPort),
            eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        try await client.start()
        let bridge = WebRTCMediaBridge(client: client)
        let sipp = try SIPpProcess(scenario: "uas-media-bridge.xml")
        let agent = SIPUserAgent(eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        try await agent.start()
        let settings = SIPTrunkSettings(host: "127.0.0.1", port: sipp.port, transport: "udp", callerID: "0399999999")
        let trunk = SIPTrunk(agent: agent, media: bridge) { _ in settings }

        let request = CallRequest(
            id: UUID(), tenantID: UUID(), number: "+81312345678", ringTimeoutSeconds: 30, mediaOffer: Self.chromiumOffer
        )
        let reports = await collect(trunk) { report in
            await trunk.placeCall(request) { progress in
                report(progress)
                if progress == .answered { Task { await trunk.hangUp(request.id) } }
            }
        }
        let browserAnswers = reports.compactMap { if case .remoteMedia(let sdp, _) = $0 { sdp } else { nil } }
        #expect(reports.compactMap { if case .remoteMedia(_, let early) = $0 { early } else { nil } } == [true, false])
        let outcome = await sipp.finish()
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(browserAnswers.count == 2, "\(reports)")
        for sdp in browserAnswers {
            #expect(sdp.contains("UDP/TLS/RTP/SAVPF 0"))
            #expect(sdp.contains("a=fingerprint:sha-256 "))
            #expect(sdp.contains("a=ice-ufrag:"))
        }
        let answered = try #require(reports.firstIndex(of: .answered))
        #expect(reports.firstIndex { if case .remoteMedia = $0 { true } else { false } }! < answered)
        #expect(reports.last == .ended(.afterAnswer, signallingCode: 200))
        #expect(try await bridge.query(callID: SIPTrunk.sipCallID(request.id)) == nil)
        await agent.shutdown()
        await client.shutdown()
    }

    /// The lamp needs both: green while the trunk and rtpengine answer; rtpengine stopped, it is red with the
    /// reason, and a call with audio is refused before any INVITE.
    @Test func rtpengineDownTurnsTheLampRedAndRefusesTheCall() async throws {
        let engine = try RTPEngineProcess()
        let client = NGClient(
            server: try SocketAddress(ipAddress: "127.0.0.1", port: engine.ngPort),
            eventLoop: MultiThreadedEventLoopGroup.singleton.next(),
            policy: .init(firstInterval: .milliseconds(50), attempts: 2))
        try await client.start()
        let agent = SIPUserAgent(eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        try await agent.start()
        let healthy = try SIPpProcess(scenario: "uas-options.xml")
        let healthySettings = SIPTrunkSettings(
            host: "127.0.0.1", port: healthy.port, transport: "udp", callerID: "0399999999")
        let upTrunk = SIPTrunk(agent: agent, media: WebRTCMediaBridge(client: client)) { _ in healthySettings }
        #expect(await upTrunk.readiness(tenantID: UUID()).isReady)
        #expect(await healthy.finish().status == 0)

        engine.stop()
        let sipp = try SIPpProcess(scenario: "uas-options.xml")
        let settings = SIPTrunkSettings(host: "127.0.0.1", port: sipp.port, transport: "udp", callerID: "0399999999")
        let trunk = SIPTrunk(agent: agent, media: WebRTCMediaBridge(client: client)) { _ in settings }
        let readiness = await trunk.readiness(tenantID: UUID())
        #expect(!readiness.isReady)
        #expect(readiness.reason == SIPTrunk.mediaUnreachable.reason)
        #expect(await sipp.finish().status == 0)
        let request = CallRequest(
            id: UUID(), tenantID: UUID(), number: "+81312345678", ringTimeoutSeconds: 30, mediaOffer: Self.chromiumOffer
        )
        let reports = await collect(trunk) { report in await trunk.placeCall(request, report: report) }
        #expect(reports == [.ended(.unanswered(.failed))])
        await agent.shutdown()
        await client.shutdown()
    }

    /// A real Chromium offer (fake microphone, loopback only).
    static let chromiumOffer = """
        v=0\r
        o=- 6119711020435943830 2 IN IP4 127.0.0.1\r
        s=-\r
        t=0 0\r
        a=group:BUNDLE 0\r
        a=msid-semantic: WMS 7f96f50c\r
        m=audio 35212 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\r
        c=IN IP4 127.0.0.1\r
        a=rtcp:9 IN IP4 0.0.0.0\r
        a=candidate:2262540733 1 udp 2122260223 127.0.0.1 35212 typ host generation 0 network-id 1 network-cost 50\r
        a=ice-ufrag:w0E0\r
        a=ice-pwd:T5s+eIEQuI6RkDWX5mmL9MuP\r
        a=ice-options:trickle\r
        a=fingerprint:sha-256 84:6D:C4:33:71:E1:12:CF:0E:0E:CC:92:BF:0A:DC:EB:BB:52:1D:55:4E:D4:3D:E0:4A:39:0F:E2:FC:EF:F0:72\r
        a=setup:actpass\r
        a=mid:0\r
        a=sendrecv\r
        a=rtcp-mux\r
        a=rtpmap:111 opus/48000/2\r
        a=fmtp:111 minptime=10;useinbandfec=1\r
        a=rtpmap:63 red/48000/2\r
        a=fmtp:63 111/111\r
        a=rtpmap:9 G722/8000\r
        a=rtpmap:0 PCMU/8000\r
        a=rtpmap:8 PCMA/8000\r
        a=rtpmap:13 CN/8000\r
        a=rtpmap:110 telephone-event/48000\r
        a=rtpmap:126 telephone-event/8000\r
        a=ssrc:3724122122 cname:BopMIf9VzsGVQDIY\r

        """
}
