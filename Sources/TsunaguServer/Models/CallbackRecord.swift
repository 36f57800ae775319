import FluentKit
import Foundation
import TsunaguCore

/// A timed callback (日時指定の再架電) as stored: `TsunaguCore.Callback` with who set it and from which call. Never
/// deleted: a taken or cancelled callback stays, so what was promised to a customer can be read afterwards.
final class CallbackRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "callbacks"
    static var tenantIDField: KeyPath<CallbackRecord, FieldProperty<CallbackRecord, UUID>> { \.$tenantID }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "customer_id") var customerID: UUID?
    /// E.164.
    @Field(key: "number") var number: String
    /// As entered on the row.
    @Field(key: "phone") var phone: String
    @Field(key: "company") var company: String
    @Field(key: "contact_name") var contactName: String
    @OptionalField(key: "call_list_id") var callListID: UUID?
    @Field(key: "owner_id") var ownerID: UUID
    @Field(key: "due_at") var dueAt: Date
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: UUID
    /// The call during or after which the agent set it.
    @OptionalField(key: "set_attempt_id") var setAttemptID: UUID?
    /// `scheduled`, `taken` or `cancelled` (`CallbackRecord.State`).
    @Field(key: "state") var state: String
    @OptionalField(key: "taken_by") var takenBy: UUID?
    @OptionalField(key: "taken_at") var takenAt: Date?
    /// The call attempt that took it: recorded in the same transaction.
    @OptionalField(key: "taken_attempt_id") var takenAttemptID: UUID?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @OptionalField(key: "cancelled_by") var cancelledBy: UUID?
    /// The last time a manager handed it to another agent, and who.
    @OptionalField(key: "reassigned_at") var reassignedAt: Date?
    @OptionalField(key: "reassigned_by") var reassignedBy: UUID?

    enum State: String, Sendable {
        case scheduled
        case taken
        case cancelled
    }

    init() {}

    init(_ callback: Callback, tenantID: UUID, createdBy: UUID, setAttemptID: UUID?) {
        self.id = callback.id
        self.tenantID = tenantID
        self.customerID = callback.customerID
        self.number = callback.number
        self.phone = callback.phone
        self.company = callback.company
        self.contactName = callback.contactName
        self.callListID = callback.callListID
        self.ownerID = callback.ownerID
        self.dueAt = callback.dueAt
        self.note = callback.note
        self.createdAt = callback.createdAt
        self.createdBy = createdBy
        self.setAttemptID = setAttemptID
        self.state = State.scheduled.rawValue
    }

    /// The core's view of it.
    var callback: Callback {
        let state: Callback.State =
            switch State(rawValue: self.state) {
            case .taken?: .taken(by: takenBy ?? ownerID, at: takenAt ?? dueAt)
            case .cancelled?: .cancelled(at: cancelledAt ?? dueAt)
            case .scheduled?, nil: .scheduled
            }
        return Callback(
            id: id ?? UUID(), customerID: customerID, number: number, company: company, contactName: contactName,
            callListID: callListID, ownerID: ownerID, dueAt: dueAt, note: note, createdAt: createdAt, state: state,
            phone: phone)
    }
}
