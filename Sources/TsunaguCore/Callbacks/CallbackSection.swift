import Foundation

/// The callback section above the phone screen's list, for one agent at one moment: what it shows, how many are due
/// (the count next to the sound), and which callback to dial next when the tenant has 「期限の来た再架電を次に発信」
/// on. It is not one of the list's rows: it does not count toward the 500 and アップロード leaves it alone.
public struct CallbackSection: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var callback: Callback
        /// The agent's own; otherwise another agent's that is open to everyone.
        public var isOwn: Bool
        public var isDue: Bool
        /// A bar in force on its number or its customer: shown so the agent knows, never dialled or counted.
        public var isBarred: Bool

        public init(callback: Callback, isOwn: Bool, isDue: Bool, isBarred: Bool) {
            self.callback = callback
            self.isOwn = isOwn
            self.isDue = isDue
            self.isBarred = isBarred
        }
    }

    /// The agent's own scheduled callbacks and the tenant's open ones nobody has taken, by due time.
    public var entries: [Entry]
    /// Due and not barred: what the agent is asked to dial.
    public var dueCount: Int
    /// With `dueCallbacksDialNext` on: the most overdue due callback the agent may take, not barred, whose calling
    /// window is open now. Nil when the setting is off or none qualifies; then ▶ goes on with the list.
    public var dialNext: Callback?
    /// The next instant the section changes by the clock alone: one of the agent's callbacks falls due (the sound),
    /// or another agent's opens to everyone. The host arms a timer for it; nil when nothing is waiting. `dialNext`
    /// needs no timer: the host asks for the section again whenever the walk looks for its next dial.
    public var nextChange: Date?

    public init(entries: [Entry], dueCount: Int, dialNext: Callback?, nextChange: Date?) {
        self.entries = entries
        self.dueCount = dueCount
        self.dialNext = dialNext
        self.nextChange = nextChange
    }

    /// The section for `agentID` at `now`.
    ///
    /// - Parameters:
    ///   - callbacks: the agent's own callbacks and the tenant's open ones, as the host read them; taken, cancelled,
    ///     other agents' not yet open and repeated ones are left out here, so a reading a moment old does no harm.
    ///   - window: the tenant's calling window; a callback's list narrows it by its own (`CallListRules.callingWindow`,
    ///     in `listWindows` by list id).
    ///   - isBarred: whether a bar is in force on the callback's number or customer.
    public static func make(
        for agentID: UUID, callbacks: [Callback], now: Date, settings: CallbackSettings, window: CallingWindow,
        listWindows: [UUID: CallingWindow] = [:], timeZone: TimeZone, isBarred: (Callback) -> Bool,
        isHoliday: (CivilDate) -> Bool = CallingWindow.isJapaneseHoliday
    ) -> CallbackSection {
        let minutes = settings.openToEveryoneAfterMinutes
        var seen = Set<UUID>()
        let shown = callbacks.filter {
            $0.mayBeTakenBy(agentID, now: now, openAfterMinutes: minutes) && seen.insert($0.id).inserted
        }.sorted(by: Callback.byDueTime)
        let entries = shown.map {
            Entry(callback: $0, isOwn: $0.ownerID == agentID, isDue: $0.isDue(now: now), isBarred: isBarred($0))
        }
        let dialable = entries.filter { $0.isDue && !$0.isBarred }
        // Entries are in due-time order, so the first that qualifies is the most overdue.
        var next: Callback?
        if settings.dueCallbacksDialNext {
            next =
                dialable.first { entry in
                    let list = entry.callback.callListID.flatMap { listWindows[$0] }
                    return window.narrowed(by: list).isOpen(at: now, in: timeZone, isHoliday: isHoliday)
                }?.callback
        }
        let changes = callbacks.filter(\.isScheduled).map { callback in
            callback.ownerID == agentID ? callback.dueAt : callback.opensToEveryone(openAfterMinutes: minutes)
        }
        return CallbackSection(
            entries: entries, dueCount: dialable.count, dialNext: next, nextChange: changes.filter { $0 > now }.min())
    }
}
