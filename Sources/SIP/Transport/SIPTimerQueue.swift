/// The user agent's pending timers, without I/O: a binary heap by deadline with cancellation by identifier.
///
/// A busy trunk keeps hundreds of thousands of timers armed (Timers B, F and M run for 32 s, most are cancelled long
/// before). Handing each to the event loop makes every cancellation a linear search of its queue; here a
/// cancellation only frees the timer's slot, and the heap drops what was cancelled when it pops it or when
/// cancelled entries outnumber the live ones. Payloads live in a slab of slots reused through a free list: an
/// identifier is a slot and that slot's generation, so finding a timer is an index, not a hash look-up in a table
/// of hundreds of thousands, and an identifier kept after its timer fired never reaches the slot's next timer.
struct SIPTimerQueue<Payload> {
    struct ID: Hashable, Sendable {
        fileprivate var slot: UInt32
        /// Odd while the timer is armed; the slot's generation moves on when it fires or is cancelled.
        fileprivate var generation: UInt32
    }

    private struct Entry {
        var deadline: UInt64
        /// Arming order, which breaks ties between equal deadlines.
        var sequence: UInt64
        var id: ID
    }

    private struct Slot {
        var payload: Payload?
        var generation: UInt32 = 0
    }

    private var heap: [Entry] = []
    private var slots: [Slot] = []
    private var freeSlots: [UInt32] = []
    private var nextSequence: UInt64 = 0

    /// Timers armed.
    private(set) var count = 0
    /// Entries held, cancelled ones included.
    var storedCount: Int { heap.count }
    var isEmpty: Bool { count == 0 }

    /// The earliest deadline still armed (cancelled entries at the top are dropped first).
    mutating func nextDeadline() -> UInt64? {
        while let top = heap.first, !isArmed(top.id) { removeTop() }
        return heap.first?.deadline
    }

    /// Arms a timer for `deadline` (any monotonic clock in nanoseconds); equal deadlines fire in arming order.
    mutating func schedule(_ payload: Payload, at deadline: UInt64) -> ID {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = Int(free)
        } else {
            slot = slots.count
            slots.append(Slot())
        }
        slots[slot].generation &+= 1
        slots[slot].payload = payload
        let id = ID(slot: UInt32(slot), generation: slots[slot].generation)
        nextSequence &+= 1
        heap.append(Entry(deadline: deadline, sequence: nextSequence, id: id))
        siftUp(heap.count - 1)
        count += 1
        return id
    }

    /// Disarms a timer; one that already fired or was cancelled is ignored.
    mutating func cancel(_ id: ID) {
        guard release(id) != nil else { return }
        if heap.count > 1_024, heap.count > 2 * count { compact() }
    }

    /// The next timer due at `now`, removed from the queue.
    mutating func popDue(at now: UInt64) -> Payload? {
        while let top = heap.first, top.deadline <= now {
            removeTop()
            if let payload = release(top.id) { return payload }
        }
        return nil
    }

    mutating func removeAll() {
        heap.removeAll()
        for slot in slots.indices where slots[slot].generation & 1 == 1 { _ = release(slotID(slot)) }
    }

    private func isArmed(_ id: ID) -> Bool {
        Int(id.slot) < slots.count && slots[Int(id.slot)].generation == id.generation
    }

    private func slotID(_ slot: Int) -> ID { ID(slot: UInt32(slot), generation: slots[slot].generation) }

    /// Frees the timer's slot and hands back its payload, if it is still armed.
    private mutating func release(_ id: ID) -> Payload? {
        guard isArmed(id) else { return nil }
        let slot = Int(id.slot)
        slots[slot].generation &+= 1
        let payload = slots[slot].payload
        slots[slot].payload = nil
        freeSlots.append(id.slot)
        count -= 1
        return payload
    }

    private mutating func compact() {
        let slots = slots
        heap.removeAll { Int($0.id.slot) >= slots.count || slots[Int($0.id.slot)].generation != $0.id.generation }
        var index = heap.count / 2
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    private static func precedes(_ left: Entry, _ right: Entry) -> Bool {
        left.deadline != right.deadline ? left.deadline < right.deadline : left.sequence < right.sequence
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
