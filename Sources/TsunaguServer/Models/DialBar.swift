import FluentKit
import Foundation
import TsunaguCore

/// One bar on dialling: a number on the 架電禁止リスト, or a customer's 「今後の勧誘お断り」 (特定商取引法 §17), which
/// bars both the customer record and its number. A bar is never deleted: lifting it records who, when and why, so
/// the history of every bar stays (docs/ARCHITECTURE.md#calling-within-the-rules).
final class DialBar: Model, TenantOwned, @unchecked Sendable {
    static let schema = "dial_bars"
    static var tenantIDField: KeyPath<DialBar, FieldProperty<DialBar, UUID>> { \.$tenantID }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// The barred number (E.164); nil only for a refusal of a customer whose number could not be read.
    @OptionalField(key: "number") var number: String?
    /// The customer who refused; nil for a number added to the list.
    @OptionalField(key: "customer_id") var customerID: UUID?
    @Field(key: "source") var source: DialBarSource
    /// The words noted with a refusal, or the note given when the number was added.
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "created_by") var createdBy: UUID?
    /// The call during or after which the customer refused.
    @OptionalField(key: "call_attempt_id") var callAttemptID: UUID?
    @OptionalField(key: "lifted_at") var liftedAt: Date?
    @OptionalField(key: "lifted_by") var liftedBy: UUID?
    @OptionalField(key: "lift_reason") var liftReason: String?

    init() {}

    init(
        id: UUID? = nil, tenantID: UUID, number: String?, customerID: UUID?, source: DialBarSource, note: String,
        createdAt: Date, createdBy: UUID?, callAttemptID: UUID? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.number = number
        self.customerID = customerID
        self.source = source
        self.note = note
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.callAttemptID = callAttemptID
    }
}
