import Foundation

/// Whose a callback is (VICIdial's USERONLY → ANYONE): its owner's alone until it has been due for N minutes (the
/// tenant's `CallbackSettings.openToEveryoneAfterMinutes`), then open to every agent of the tenant, so a callback is
/// not missed because its agent is away. The first to take it gets it: the host takes it with a conditional update
/// that only a scheduled callback matches, which `taken(by:at:openAfterMinutes:)` describes.
extension Callback {
    /// Its time has come and nobody has taken it.
    public func isDue(now: Date) -> Bool {
        isScheduled && now >= dueAt
    }

    /// When any agent of the tenant may take it: `openAfterMinutes` after its due time (a negative number counts as
    /// 0, open as soon as it is due).
    public func opensToEveryone(openAfterMinutes: Int) -> Date {
        dueAt.addingTimeInterval(TimeInterval(max(0, openAfterMinutes) * 60))
    }

    /// Due for at least `openAfterMinutes` and not taken: every agent may take it. Exactly at the minute counts.
    public func isOpenToEveryone(now: Date, openAfterMinutes: Int) -> Bool {
        isScheduled && now >= opensToEveryone(openAfterMinutes: openAfterMinutes)
    }

    /// Its owner may take it at any time, even before it is due (the customer asked for "around" a time); anyone
    /// else only once it is open to everyone. Nobody takes a callback already taken or cancelled.
    public func mayBeTakenBy(_ userID: UUID, now: Date, openAfterMinutes: Int) -> Bool {
        isScheduled && (userID == ownerID || isOpenToEveryone(now: now, openAfterMinutes: openAfterMinutes))
    }

    /// The callback taken by `userID` at `now`, or nil when that agent may not take it (someone else took it first,
    /// or it is another agent's and not yet open to everyone).
    public func taken(by userID: UUID, at now: Date, openAfterMinutes: Int) -> Callback? {
        guard mayBeTakenBy(userID, now: now, openAfterMinutes: openAfterMinutes) else { return nil }
        var copy = self
        copy.state = .taken(by: userID, at: now)
        return copy
    }

    /// A manager hands a scheduled callback to another agent; nil when it was already taken or cancelled. Its due
    /// time stays, so one handed over long after it was due is still open to everyone: the customer waits either way.
    public func reassigned(to newOwnerID: UUID) -> Callback? {
        guard isScheduled else { return nil }
        var copy = self
        copy.ownerID = newOwnerID
        return copy
    }
}
