import FluentKit
import Foundation
import TsunaguCore

/// Records 「今後の勧誘お断り」 (再勧誘の禁止, 特定商取引法 §17): one bar on the customer record and its number, for the
/// whole tenant (not the customer's whole company: a 法人's switchboard may serve other contacts). Recording it
/// again while it is in force changes nothing, so a screen may resend it after a reconnection.
struct RefusalRecorder {
    let scope: TenantScope

    /// Bars `number` and `customerID`; false when a refusal of this customer (or, without a customer, of this
    /// number) was already in force.
    @discardableResult
    func record(
        number: String, customerID: UUID?, note: String, by userID: UUID, callAttemptID: UUID?, at date: Date
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
                tenantID: scope.tenantID, number: number, customerID: customerID, source: .refusal, note: note,
                createdAt: date, createdBy: userID, callAttemptID: callAttemptID))
        return true
    }
}
