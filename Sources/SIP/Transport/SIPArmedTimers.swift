/// The timers one transaction has armed, by letter. An RFC 3261 transaction never has more than three at once, so
/// they are kept inline (no array to allocate for each transaction); any beyond three go to `overflow`.
struct SIPArmedTimers<ID> {
    private typealias Slot = (timer: SIPTimer, id: ID)
    private var first: Slot?
    private var second: Slot?
    private var third: Slot?
    private var overflow: [Slot] = []

    var ids: [ID] {
        var result: [ID] = []
        for index in 0..<3 + overflow.count { if let slot = self[index] { result.append(slot.id) } }
        return result
    }

    private subscript(_ index: Int) -> Slot? {
        get {
            switch index {
            case 0: first
            case 1: second
            case 2: third
            default: overflow[index - 3]
            }
        }
        set {
            switch index {
            case 0: first = newValue
            case 1: second = newValue
            case 2: third = newValue
            default:
                if let newValue { overflow[index - 3] = newValue } else { overflow.remove(at: index - 3) }
            }
        }
    }

    private func index(of timer: SIPTimer) -> Int? {
        (0..<3 + overflow.count).first { self[$0]?.timer == timer }
    }

    /// Records `id` for `timer` and returns the identifier it replaces.
    mutating func set(_ timer: SIPTimer, _ id: ID) -> ID? {
        if let index = index(of: timer) {
            defer { self[index] = (timer, id) }
            return self[index]?.id
        }
        if let free = (0..<3).first(where: { self[$0] == nil }) {
            self[free] = (timer, id)
        } else {
            overflow.append((timer, id))
        }
        return nil
    }

    mutating func remove(_ timer: SIPTimer) -> ID? {
        guard let index = index(of: timer) else { return nil }
        defer { self[index] = nil }
        return self[index]?.id
    }
}
