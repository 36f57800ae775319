import Foundation
import Telephony
import Testing
import TsunaguCore

/// The running carrier: reports arrive in order, through the same protocol the SIP provider implements.
@Suite struct SimulatedCarrierTests {
    /// Collects one call's reports until it ends.
    final class Reports: Sendable {
        let stream: AsyncStream<CallProgress>
        let continuation: AsyncStream<CallProgress>.Continuation

        init() {
            (stream, continuation) = AsyncStream.makeStream()
        }

        var sink: @Sendable (CallProgress) -> Void {
            { [continuation] progress in
                continuation.yield(progress)
                if case .ended = progress { continuation.finish() }
            }
        }

        func next(_ count: Int) async -> [CallProgress] {
            var seen: [CallProgress] = []
            for await progress in stream {
                seen.append(progress)
                if seen.count == count { break }
            }
            return seen
        }
    }

    let tenant = UUID()

    func request(_ number: String, timeout: Int = 30) -> CallRequest {
        CallRequest(id: UUID(), tenantID: tenant, number: number, ringTimeoutSeconds: timeout)
    }

    @Test func answeredCallLastsUntilHungUp() async {
        let carrier = SimulatedCarrier(clock: ContinuousClock(), timeScale: 1000)
        let running = Task { await carrier.run() }
        defer { running.cancel() }
        let reports = Reports()
        let call = request("+81312340000")
        await carrier.placeCall(call, report: reports.sink)
        #expect(await reports.next(2) == [.ringing, .answered])
        try? await Task.sleep(for: .milliseconds(50))
        #expect(await carrier.activeCallCount == 1)
        await carrier.hangUp(call.id)
        #expect(await reports.next(1) == [.ended(.afterAnswer)])
        #expect(await carrier.activeCallCount == 0)
    }

    @Test(arguments: [
        ("+81312340005", CallProgress.ended(.unanswered(.noAnswer)), 2),
        ("+81312340006", .ended(.unanswered(.busy)), 1),
        ("+81312340007", .ended(.unanswered(.invalidNumber)), 1),
        ("+81312340008", .ended(.unanswered(.rejected)), 2),
        // Answers after 15 s, but the tenant's ring timeout of 10 s comes first.
        ("+81312340009", .ended(.unanswered(.noAnswer)), 2),
    ])
    func unansweredOutcomes(number: String, ending: CallProgress, reportCount: Int) async {
        let carrier = SimulatedCarrier(clock: ContinuousClock(), timeScale: 1000)
        let running = Task { await carrier.run() }
        defer { running.cancel() }
        let reports = Reports()
        await carrier.placeCall(request(number, timeout: 10), report: reports.sink)
        let seen = await reports.next(reportCount)
        #expect(seen.last == ending)
        #expect(await carrier.activeCallCount == 0)
    }

    @Test func hangingUpWhileRingingIsUnanswered() async {
        let carrier = SimulatedCarrier(clock: ContinuousClock(), timeScale: 1)
        let running = Task { await carrier.run() }
        defer { running.cancel() }
        let reports = Reports()
        let call = request("+81312340005")
        await carrier.placeCall(call, report: reports.sink)
        await carrier.hangUp(call.id)
        #expect(await reports.next(1) == [.ended(.unanswered(.hungUpBeforeAnswer))])
        await carrier.hangUp(call.id)
        #expect(await carrier.activeCallCount == 0)
    }

    @Test func eachTenantHasItsOwnRules() async {
        let strict = UUID()
        let carrier = SimulatedCarrier(clock: ContinuousClock(), timeScale: 1000) { tenant in
            tenant == strict ? SimulatedCarrierRules(rules: [], fallback: .busy(afterSeconds: 1)) : .standard
        }
        let running = Task { await carrier.run() }
        defer { running.cancel() }
        let reports = Reports()
        await carrier.placeCall(
            CallRequest(id: UUID(), tenantID: strict, number: "+81312340000", ringTimeoutSeconds: 30),
            report: reports.sink)
        #expect(await reports.next(1) == [.ended(.unanswered(.busy))])
    }
}
