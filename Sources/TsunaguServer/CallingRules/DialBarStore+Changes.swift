import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// The changes: a number added by hand, a refusal from the phone screen, a bar lifted with its reason. Nothing is
/// ever deleted.
extension DialBarStore {
    enum AddOutcome: Sendable {
        case added(DialBar)
        /// A bar was already in force on the number (on the list, or a refusal): nothing was added.
        case alreadyListed(DialBar)
    }

    /// Puts a number (E.164) on the 架電禁止リスト, unless a bar is already in force on it.
    func add(number: String, note: String, by userID: UUID?, at now: Date) async throws -> AddOutcome {
        try await scope.transaction { scope in
            let store = DialBarStore(scope: scope)
            if let existing = try await store.activeBar(number: number) { return .alreadyListed(existing) }
            let bar = DialBar(
                id: UUID.timeOrderedSequence(count: 1, at: now)[0], tenantID: scope.tenantID, number: number,
                customerID: nil, source: .manual, note: note, createdAt: now, createdBy: userID)
            try await scope.create(bar)
            return .added(bar)
        }
    }

    /// Records 「今後の勧誘お断り」 (再勧誘の禁止, 特定商取引法 §17): one bar on the customer record and its number, for
    /// the whole tenant (not the customer's whole company: a 法人's switchboard may serve other contacts), with who,
    /// when, which call and the words noted. Recording it again while it is in force changes nothing, so a screen may
    /// resend it after a reconnection; false then.
    @discardableResult
    func recordRefusal(
        number: String, customerID: UUID?, note: String, by userID: UUID, callAttemptID: UUID?, at now: Date
    ) async throws -> Bool {
        var existing = scope.query(DialBar.self).filter(\.$source == .refusal).filter(\.$liftedAt == nil)
        if let customerID {
            existing = existing.filter(\.$customerID == customerID)
        } else {
            existing = existing.filter(\.$number == number)
        }
        if try await existing.first() != nil { return false }
        try await scope.create(
            DialBar(
                id: UUID.timeOrderedSequence(count: 1, at: now)[0], tenantID: scope.tenantID, number: number,
                customerID: customerID, source: .refusal, note: note, createdAt: now, createdBy: userID,
                callAttemptID: callAttemptID))
        return true
    }

    enum LiftOutcome: Sendable {
        case lifted(DialBar)
        /// Someone lifted it before: their reason stays, nothing changed.
        case alreadyLifted(DialBar)
    }

    /// Lifts the bar: from now on its number and customer may be dialled again (unless another bar holds them).
    /// The bar stays, with who lifted it, when and why. A bar of another tenant is not found.
    func lift(id: UUID, reason: String, by userID: UUID?, at now: Date) async throws -> LiftOutcome {
        try await scope.transaction { scope in
            let bar = try await scope.require(DialBar.self, id: id)
            guard bar.liftedAt == nil else { return .alreadyLifted(bar) }
            // Only a bar still in force is changed, so two managers lifting at once cannot replace each other's
            // reason.
            try await scope.query(DialBar.self).filter(\.$id == id).filter(\.$liftedAt == nil)
                .set(\.$liftedAt, to: now).set(\.$liftedBy, to: userID).set(\.$liftReason, to: reason).update()
            let stored = try await scope.require(DialBar.self, id: id)
            let ours = stored.liftedBy == userID && stored.liftReason == reason
            return ours ? .lifted(stored) : .alreadyLifted(stored)
        }
    }
}
