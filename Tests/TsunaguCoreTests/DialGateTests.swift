import Foundation
import Testing
import TsunaguCore

/// The calling rules applied to one dial: 端末設備等規則 第32条の3's redial limit, the retry rules, the bars and the
/// window, on fixed instants.
struct DialGateTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)

    /// Two dials in the preceding 180 s hold back an automatic dial; one exactly 180 s old no longer counts.
    static let redials: [([Double], Bool)] = [
        ([-10, -20], false),
        ([-10], true),
        ([-179.999, -1], false),
        ([-180, -1], true),
        ([-181, -200, -1], true),
        ([-1, -2, -3], false),
        ([], true),
    ]

    @Test(arguments: redials)
    func redialLimitBoundary(offsets: [Double], allowed: Bool) {
        let dials = offsets.map { Self.now.addingTimeInterval($0) }
        #expect(RedialLimit.allowsAutomaticDial(previousDials: dials, now: Self.now) == allowed)
        let facts = DialGate.Facts(kind: .automatic, now: Self.now, previousDials: dials)
        #expect((DialGate.refusal(for: facts) == .redialLimit) == !allowed)
    }

    /// Manual dials count but are never held back by the redial limit.
    @Test(arguments: [DialKind.manualRow, .dialPad, .emergency])
    func manualDialsAreNotHeldBackByTheRedialLimit(kind: DialKind) {
        let dials = [-5.0, -10.0, -15.0].map { Self.now.addingTimeInterval($0) }
        #expect(DialGate.refusal(for: DialGate.Facts(kind: kind, now: Self.now, previousDials: dials)) == nil)
    }

    /// 110, 118 and 119 pass every rule: barred, outside the window, over every limit.
    @Test func emergencyNumbersPassEveryRule() {
        let facts = DialGate.Facts(
            kind: .emergency, now: Self.now, barred: true, window: .closed(nextOpening: nil),
            previousDials: [Self.now, Self.now], retry: RetryPolicy(enabled: true, maximumAttempts: 1),
            history: AttemptHistory(attempts: 5, latest: nil))
        #expect(DialGate.refusal(for: facts) == nil)
        #expect(DialKind.emergencyNumbers == ["110", "118", "119"])
    }

    /// A bar or a closed window stops every other kind of dial, and the bar is the reason shown first.
    @Test(arguments: [DialKind.automatic, .manualRow, .dialPad])
    func barsAndTheWindowStopEveryOrdinaryDial(kind: DialKind) {
        let next = Self.now.addingTimeInterval(3600)
        #expect(DialGate.refusal(for: .init(kind: kind, now: Self.now, barred: true)) == .barred)
        #expect(
            DialGate.refusal(for: .init(kind: kind, now: Self.now, window: .closed(nextOpening: next)))
                == .outsideWindow(nextOpening: next))
        #expect(
            DialGate.refusal(
                for: .init(kind: kind, now: Self.now, barred: true, window: .closed(nextOpening: next))) == .barred)
    }

    static let policy = RetryPolicy(
        enabled: true, busyWaitMinutes: 10, noAnswerWaitMinutes: 60, rejectedWaitMinutes: 24 * 60, maximumAttempts: 3)

    /// Each unanswered reason waits its own time; the wait counts from the end of the last call.
    static let waits: [(UnansweredReason, Double, Bool)] = [
        (.busy, 540, true), (.busy, 600, false),
        (.noAnswer, 3540, true), (.noAnswer, 3600, false),
        (.hungUpBeforeAnswer, 1800, true),
        (.rejected, 82800, true), (.rejected, 86400, false),
        (.failed, 1, false),
    ]

    @Test(arguments: waits)
    func retryWaitsByReason(reason: UnansweredReason, secondsSinceEnd: Double, held: Bool) {
        let ended = Self.now.addingTimeInterval(-secondsSinceEnd)
        let history = AttemptHistory(attempts: 1, latest: (.unanswered(reason), ended))
        let refusal = Self.policy.refusal(history: history, kind: .automatic, now: Self.now)
        if held {
            let wait = Self.policy.wait(after: reason)!
            #expect(refusal == .notDue(until: ended.addingTimeInterval(wait)))
        } else {
            #expect(refusal == nil)
        }
    }

    /// The cap counts every attempt on the list; an invalid number is never dialled again automatically, though
    /// 発信 on its row may; the dial pad is counted but never limited; the rules off change nothing.
    @Test func retryCapsAndInvalidNumbers() {
        let capped = AttemptHistory(attempts: 3, latest: (.answered, Self.now.addingTimeInterval(-86400)))
        #expect(Self.policy.refusal(history: capped, kind: .automatic, now: Self.now) == .attemptLimitReached)
        #expect(Self.policy.refusal(history: capped, kind: .manualRow, now: Self.now) == .attemptLimitReached)
        #expect(Self.policy.refusal(history: capped, kind: .dialPad, now: Self.now) == nil)
        let invalid = AttemptHistory(
            attempts: 1, latest: (.unanswered(.invalidNumber), Self.now.addingTimeInterval(-86400)))
        #expect(Self.policy.refusal(history: invalid, kind: .automatic, now: Self.now) == .invalidNumber)
        #expect(Self.policy.refusal(history: invalid, kind: .manualRow, now: Self.now) == nil)
        #expect(RetryPolicy.off.refusal(history: capped, kind: .automatic, now: Self.now) == nil)
        #expect(RetryPolicy.off.refusal(history: invalid, kind: .automatic, now: Self.now) == nil)
        let answeredBefore = AttemptHistory(attempts: 1, latest: (.answered, Self.now.addingTimeInterval(-1)))
        #expect(Self.policy.refusal(history: answeredBefore, kind: .automatic, now: Self.now) == nil)
    }

    /// The row shows 「再架電待ち 14:35」 in the tenant's time zone.
    @Test func notDueLabelShowsTheTenantsClock() throws {
        // 2026-12-07 05:35 UTC = 14:35 in Tokyo.
        let due = try #require(ISO8601DateFormatter().date(from: "2026-12-07T05:35:00Z"))
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(DialRefusal.notDue(until: due).rowLabel(in: tokyo).ja == "再架電待ち 14:35")
        #expect(DialRefusal.notDue(until: due).rowLabel(in: TimeZone(identifier: "UTC")!).en == "Retry at 5:35")
        #expect(DialRefusal.redialLimit.rowLabel(in: tokyo).ja == "再発信制限")
        #expect(DialRefusal.barred.rowLabel(in: tokyo).ja == "架電禁止")
    }
}
