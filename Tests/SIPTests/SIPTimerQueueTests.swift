import Testing

@testable import SIP

@Suite struct SIPTimerQueueTests {
    private func drain(_ queue: inout SIPTimerQueue<String>, at now: UInt64) -> [String] {
        var fired: [String] = []
        while let payload = queue.popDue(at: now) { fired.append(payload) }
        return fired
    }

    /// Timers fire in deadline order whatever the order they were armed in, and only once they are due.
    @Test func firesByDeadline() {
        var queue = SIPTimerQueue<String>()
        for (name, deadline) in [("F", 32_000), ("A", 500), ("K", 5_000), ("E", 500), ("B", 32_000)] {
            _ = queue.schedule(name, at: UInt64(deadline))
        }
        #expect(queue.nextDeadline() == 500)
        #expect(drain(&queue, at: 499).isEmpty)
        #expect(drain(&queue, at: 500) == ["A", "E"])
        #expect(drain(&queue, at: 31_999) == ["K"])
        #expect(drain(&queue, at: 40_000) == ["F", "B"])
        #expect(queue.isEmpty)
        #expect(queue.nextDeadline() == nil)
    }

    /// A cancelled timer never fires, the next deadline skips it, and cancelling twice or after firing is harmless.
    @Test func cancelledTimersNeverFire() {
        var queue = SIPTimerQueue<String>()
        let first = queue.schedule("A", at: 100)
        let second = queue.schedule("B", at: 200)
        _ = queue.schedule("C", at: 300)
        queue.cancel(first)
        queue.cancel(first)
        #expect(queue.count == 2)
        #expect(queue.nextDeadline() == 200)
        #expect(drain(&queue, at: 250) == ["B"])
        queue.cancel(second)
        #expect(drain(&queue, at: 1_000) == ["C"])
        #expect(queue.isEmpty)
    }

    /// A busy trunk arms and cancels far more timers than stay armed: what was cancelled does not pile up, and the
    /// survivors still fire in order.
    @Test func mostlyCancelledTimersStayBounded() {
        var queue = SIPTimerQueue<Int>()
        var kept: [Int] = []
        for index in 0..<100_000 {
            let deadline = UInt64((index * 7_919) % 100_003)
            let id = queue.schedule(index, at: deadline)
            if index % 100 == 0 { kept.append(index) } else { queue.cancel(id) }
        }
        #expect(queue.count == kept.count)
        #expect(queue.storedCount <= 2 * kept.count + 1_024)
        var fired: [Int] = []
        while let index = queue.popDue(at: .max) { fired.append(index) }
        #expect(fired == kept.sorted { ($0 * 7_919) % 100_003 < ($1 * 7_919) % 100_003 })
    }
}

extension SIPTimerQueueTests {
    /// A slot freed by a firing or a cancellation is reused; the identifier of the old timer then matches nothing,
    /// so cancelling it late leaves the slot's new timer armed.
    @Test func staleIdentifiersDoNotReachReusedSlots() {
        var queue = SIPTimerQueue<String>()
        let fired = queue.schedule("A", at: 100)
        #expect(drain(&queue, at: 100) == ["A"])
        let cancelled = queue.schedule("B", at: 200)
        queue.cancel(cancelled)
        let reuser = queue.schedule("C", at: 300)
        queue.cancel(fired)
        queue.cancel(cancelled)
        #expect(queue.count == 1)
        #expect(queue.storedCount == 2, "B's entry is still in the heap, cancelled")
        #expect(queue.nextDeadline() == 300)
        #expect(drain(&queue, at: 1_000) == ["C"])
        queue.cancel(reuser)
        #expect(queue.isEmpty)
    }

    /// After `removeAll`, nothing fires and identifiers from before match nothing.
    @Test func removeAllForgetsEveryTimer() {
        var queue = SIPTimerQueue<String>()
        let old = (0..<10).map { queue.schedule("old \($0)", at: UInt64($0)) }
        queue.removeAll()
        #expect(queue.isEmpty && queue.nextDeadline() == nil)
        let new = queue.schedule("new", at: 5)
        for id in old { queue.cancel(id) }
        #expect(drain(&queue, at: 10) == ["new"])
        queue.cancel(new)
        #expect(queue.isEmpty)
    }
}
