import Foundation

/// The order of the 再架電予定 lists.
extension Callback {
    /// The manager's list: every scheduled callback of the tenant, overdue ones first (the most overdue first), then
    /// the coming ones by due time. Taken and cancelled ones are left out: their calls are in 通話一覧.
    public static func managerOrder(_ callbacks: [Callback], now: Date) -> [Callback] {
        callbacks.filter(\.isScheduled).sorted { left, right in
            let (leftDue, rightDue) = (left.isDue(now: now), right.isDue(now: now))
            if leftDue != rightDue { return leftDue }
            return byDueTime(left, right)
        }
    }

    /// An agent's own list: their scheduled callbacks by due time.
    public static func agentOrder(_ callbacks: [Callback], ownerID: UUID) -> [Callback] {
        callbacks.filter { $0.isScheduled && $0.ownerID == ownerID }.sorted(by: byDueTime)
    }

    /// Earlier due time first; on the same minute the one set first, then by id, so the order never wobbles between
    /// two readings.
    public static func byDueTime(_ left: Callback, _ right: Callback) -> Bool {
        if left.dueAt != right.dueAt { return left.dueAt < right.dueAt }
        if left.createdAt != right.createdAt { return left.createdAt < right.createdAt }
        return left.id.uuidString < right.id.uuidString
    }
}
