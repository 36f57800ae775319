/// The timers one transaction has armed, by letter (never more than three at once).
struct SIPArmedTimers<ID> {
    private var entries: [(timer: SIPTimer, id: ID)] = []

    var ids: [ID] { entries.map(\.id) }

    /// Records `id` for `timer` and returns the identifier it replaces.
    mutating func set(_ timer: SIPTimer, _ id: ID) -> ID? {
        if let index = entries.firstIndex(where: { $0.timer == timer }) {
            defer { entries[index].id = id }
            return entries[index].id
        }
        entries.append((timer, id))
        return nil
    }

    mutating func remove(_ timer: SIPTimer) -> ID? {
        guard let index = entries.firstIndex(where: { $0.timer == timer }) else { return nil }
        return entries.remove(at: index).id
    }
}
