import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// Every statement about timed callbacks (`callbacks`) in one place, inside one tenant: setting one from the phone
/// screen, what a screen's callback section shows, the atomic take in the transaction that records its dial, and a
/// manager's reassignment. Reads of what is waiting say `state = 'scheduled'`, which `CreateCallback`'s partial
/// indexes serve.
struct CallbackStore: Sendable {
    let scope: TenantScope

    static let scheduled = CallbackRecord.State.scheduled.rawValue

    /// What one phone screen's section is made of.
    struct DeskCallbacks: Sendable {
        /// The agent's own scheduled callbacks and the others' that are open to everyone, by due time.
        var callbacks: [Callback]
        /// When the next of the others' callbacks opens to everyone, so the screen can look again then.
        var nextOpening: Date?
    }

    /// The most of an agent's own callbacks a screen shows, and of the others' open ones.
    static let ownShown = 200
    static let openShown = 100

    /// Stores a new callback. The agent's earlier callbacks for the same number that are still waiting are
    /// cancelled: the latest promise to the customer is the one that counts.
    func schedule(_ callback: Callback, by userID: UUID, setAttemptID: UUID?, at now: Date) async throws {
        try await scope.query(CallbackRecord.self)
            .filter(\.$ownerID == callback.ownerID).filter(\.$number == callback.number)
            .filter(\.$state == Self.scheduled)
            .set(\.$state, to: CallbackRecord.State.cancelled.rawValue)
            .set(\.$cancelledAt, to: now).set(\.$cancelledBy, to: userID)
            .update()
        try await scope.create(
            CallbackRecord(callback, tenantID: scope.tenantID, createdBy: userID, setAttemptID: setAttemptID))
    }

    /// The section's callbacks for `userID` at `now`.
    func forDesk(userID: UUID, now: Date, openAfterMinutes: Int) async throws -> DeskCallbacks {
        let openedBy = now.addingTimeInterval(-TimeInterval(max(0, openAfterMinutes) * 60))
        let own = try await scope.query(CallbackRecord.self)
            .filter(\.$state == Self.scheduled).filter(\.$ownerID == userID)
            .sort(\.$dueAt).limit(Self.ownShown).all()
        let open = try await scope.query(CallbackRecord.self)
            .filter(\.$state == Self.scheduled).filter(\.$dueAt <= openedBy).filter(\.$ownerID != userID)
            .sort(\.$dueAt).limit(Self.openShown).all()
        let nextToOpen = try await scope.query(CallbackRecord.self)
            .filter(\.$state == Self.scheduled).filter(\.$dueAt > openedBy).filter(\.$ownerID != userID)
            .sort(\.$dueAt).first()
        return DeskCallbacks(
            callbacks: (own + open).map(\.callback),
            nextOpening: nextToOpen.map { $0.callback.opensToEveryone(openAfterMinutes: openAfterMinutes) })
    }

    /// Takes the callback for `userID`'s dial, in the transaction that records the dial: one conditional UPDATE
    /// that only a callback still scheduled, and the agent's own or open to everyone, matches. False when another
    /// agent took it first, a manager withdrew or handed it on, or it is not open to this agent yet.
    func take(_ id: UUID, by userID: UUID, attemptID: UUID, at now: Date, openAfterMinutes: Int) async throws -> Bool {
        let openedBy = now.addingTimeInterval(-TimeInterval(max(0, openAfterMinutes) * 60))
        let rows = try await scope.sql.update(CallbackRecord.schema)
            .set("state", to: CallbackRecord.State.taken.rawValue)
            .set("taken_by", to: userID).set("taken_at", to: now).set("taken_attempt_id", to: attemptID)
            .where("tenant_id", .equal, scope.tenantID).where("id", .equal, id)
            .where("state", .equal, Self.scheduled)
            .where { owner in
                owner.where("owner_id", .equal, userID).orWhere("due_at", .lessThanOrEqual, openedBy)
            }
            .returning("id").all()
        return !rows.isEmpty
    }

    /// One callback of this tenant.
    func find(_ id: UUID) async throws -> CallbackRecord? {
        try await scope.find(CallbackRecord.self, id: id)
    }

    /// A manager hands a waiting callback to another agent. False when it was taken or withdrawn meanwhile.
    func reassign(_ id: UUID, to ownerID: UUID, by managerID: UUID, at now: Date) async throws -> Bool {
        let rows = try await scope.sql.update(CallbackRecord.schema)
            .set("owner_id", to: ownerID).set("reassigned_at", to: now).set("reassigned_by", to: managerID)
            .where("tenant_id", .equal, scope.tenantID).where("id", .equal, id)
            .where("state", .equal, Self.scheduled)
            .returning("id").all()
        return !rows.isEmpty
    }

    /// Every waiting callback of the tenant, or of one agent, by due time (the 再架電予定 page).
    func scheduled(ownerID: UUID?, limit: Int) async throws -> [CallbackRecord] {
        var query = scope.query(CallbackRecord.self).filter(\.$state == Self.scheduled)
        if let ownerID { query = query.filter(\.$ownerID == ownerID) }
        return try await query.sort(\.$dueAt).limit(limit).all()
    }
}
