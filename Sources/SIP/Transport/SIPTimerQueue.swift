/// The user agent's pending timers, without I/O: a binary heap by deadline with cancellation by identifier.
///
/// A busy trunk keeps hundreds of thousands of timers armed (Timers B, F and M run for 32 s, most are cancelled long
/// before). Handing each to the event loop makes every cancellation a linear search of its queue; here a
/// cancellation only forgets the identifier, and the heap drops what was cancelled when it pops it or when
/// cancelled entries outnumber the live ones.
struct SIPTimerQueue<Payload> {
    struct ID: Hashable, Sendable {
        fileprivate var value: UInt64
    }

    private struct Entry {
        var deadline: UInt64
        var id: UInt64
    }

    private var heap: [Entry] = []
    private var pending: [UInt64: Payload] = [:]
    private var nextID: UInt64 = 0

    var count: Int { pending.count }
    /// Entries held, cancelled ones included.
    var storedCount: Int { heap.count }
    var isEmpty: Bool { pending.isEmpty }

    /// The earliest deadline still armed (cancelled entries at the top are dropped first).
    mutating func nextDeadline() -> UInt64? {
        dropCancelledTop()
        return heap.first?.deadline
    }

    /// Arms a timer for `deadline` (any monotonic clock in nanoseconds); equal deadlines fire in arming order.
    mutating func schedule(_ payload: Payload, at deadline: UInt64) -> ID {
        nextID &+= 1
        pending[nextID] = payload
        heap.append(Entry(deadline: deadline, id: nextID))
        siftUp(heap.count - 1)
        return ID(value: nextID)
    }

    /// Disarms a timer; one that already fired or was cancelled is ignored.
    mutating func cancel(_ id: ID) {
        guard pending.removeValue(forKey: id.value) != nil else { return }
        if heap.count > 1_024, heap.count > 2 * pending.count { compact() }
    }

    /// The next timer due at `now`, removed from the queue.
    mutating func popDue(at now: UInt64) -> Payload? {
        while let top = heap.first, top.deadline <= now {
            removeTop()
            if let payload = pending.removeValue(forKey: top.id) { return payload }
        }
        return nil
    }

    mutating func removeAll() {
        heap.removeAll()
        pending.removeAll()
    }

    private mutating func dropCancelledTop() {
        while let top = heap.first, pending[top.id] == nil { removeTop() }
    }

    private mutating func compact() {
        heap.removeAll { pending[$0.id] == nil }
        var index = heap.count / 2
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    private static func precedes(_ left: Entry, _ right: Entry) -> Bool {
        left.deadline != right.deadline ? left.deadline < right.deadline : left.id < right.id
    }

    private mutating func removeTop() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        siftDown(0)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        let entry = heap[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.precedes(entry, heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = entry
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let entry = heap[parent]
        let count = heap.count
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, Self.precedes(heap[child + 1], heap[child]) { child += 1 }
            guard Self.precedes(heap[child], entry) else { break }
            heap[parent] = heap[child]
            parent = child
        }
        heap[parent] = entry
    }
}
