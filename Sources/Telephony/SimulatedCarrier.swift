import Foundation
import TsunaguCore

/// The embedded fake network (the default provider). Each call follows its number's rule from the tenant's rule
/// table, on the injected clock, with time divided by `timeScale` so demos and tests need not wait.
public actor SimulatedCarrier<C: Clock>: Telephony where C.Duration == Duration {
    public typealias RulesLookup = @Sendable (UUID) async -> SimulatedCarrierRules

    private struct Call {
        var answered: Bool
        var report: @Sendable (CallProgress) -> Void
    }

    private let clock: C
    private let timeScale: Double
    private let rules: RulesLookup
    private var calls: [UUID: Call] = [:]
    /// The calls' timelines. A timeline whose call was hung up ends at its next step (one task per call, none to
    /// cancel it early: a sleeping task costs next to nothing, and every one ends when the server stops).
    private let timelines = ChildTasks()

    /// - Parameter rules: the rule table of a tenant (tenants can edit theirs).
    public init(clock: C, timeScale: Double = 1, rules: @escaping RulesLookup = { _ in .standard }) {
        self.clock = clock
        self.timeScale = timeScale > 0 ? timeScale : 1
        self.rules = rules
    }

    public nonisolated func run() async { await timelines.run() }

    /// Calls in progress.
    public var activeCallCount: Int { calls.count }

    public func placeCall(_ request: CallRequest, report: @escaping @Sendable (CallProgress) -> Void) async {
        let behaviour = await rules(request.tenantID).behaviour(for: request.number)
        let timeline = SimulatedCallTimeline(
            behaviour: behaviour, ringTimeoutSeconds: Double(request.ringTimeoutSeconds), timeScale: timeScale)
        let start = clock.now
        let id = request.id
        calls[id] = Call(answered: false, report: report)
        timelines.start { [clock] in
            for step in timeline.steps {
                do {
                    try await clock.sleep(until: start.advanced(by: .seconds(step.at)), tolerance: nil)
                } catch {
                    return
                }
                guard await self.deliver(step.progress, for: id) else { return }
            }
        }
    }

    public func hangUp(_ call: UUID) async {
        guard let ended = calls.removeValue(forKey: call) else { return }
        ended.report(.ended(ended.answered ? .afterAnswer : .unanswered(.hungUpBeforeAnswer)))
    }

    public func readiness(tenantID: UUID) async -> TelephonyReadiness { .ready }

    /// Simulated calls have no far end to hear a tone.
    public func sendTone(_ key: Character, call: UUID) async {}

    public nonisolated var noAudioNote: LocalizedText {
        Label.simulatedNoAudio.text
    }

    /// Reports a step of a call still in progress; false when the call is over (hung up), ending its timeline.
    private func deliver(_ progress: CallProgress, for id: UUID) -> Bool {
        guard let call = calls[id] else { return false }
        switch progress {
        case .answered: calls[id]?.answered = true
        case .ended: calls[id] = nil
        case .ringing, .remoteMedia: break
        }
        call.report(progress)
        return true
    }
}
