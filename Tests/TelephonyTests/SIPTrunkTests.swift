import Foundation
import NIOPosix
import SIP
import SIPTestSupport
import Testing
import TsunaguCore

@testable import Telephony

/// The `sip` provider through the same `Telephony` protocol the phone screen uses, against a real SIPp trunk.
@Suite(.serialized) struct SIPTrunkTests {
    /// The outcome table of the SIP issue: every code keeps its reason beside 不応答.
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

    private func trunk(port: Int, transport: String = "udp") async throws -> (SIPTrunk, SIPUserAgent) {
        let agent = SIPUserAgent(eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        try await agent.start()
        let settings = SIPTrunkSettings(
            host: "127.0.0.1", port: port, transport: transport, authUser: "trunkuser", password: "secret",
            callerID: "0399999999")
        return (SIPTrunk(agent: agent) { _ in settings }, agent)
    }

    private func collect(_ body: (@escaping @Sendable (CallProgress) -> Void) async -> Void) async -> [CallProgress] {
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
        let reports = await collect { report in await trunk.placeCall(request, report: report) }
        #expect(reports.last == .ended(.unanswered(.busy), signallingCode: 486))
        #expect(await sipp.finish().status == 0)
        await agent.shutdown()
    }

    /// A digest-protected trunk answers; the agent hangs up with BYE; the ending is 応答 after answer.
    @Test func answeredThenHungUp() async throws {
        let sipp = try SIPpProcess(scenario: "uas-auth-401.xml")
        let (trunk, agent) = try await trunk(port: sipp.port)
        let request = CallRequest(id: UUID(), tenantID: UUID(), number: "+81312345678", ringTimeoutSeconds: 30)
        let reports = await collect { report in
            await trunk.placeCall(request) { progress in
                report(progress)
                if progress == .answered { Task { await trunk.hangUp(request.id) } }
            }
        }
        #expect(reports == [.ringing, .answered, .ended(.afterAnswer, signallingCode: 200)])
        #expect(await sipp.finish().status == 0)
        await agent.shutdown()
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
}
