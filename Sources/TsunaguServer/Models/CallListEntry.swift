import FluentKit
import Foundation
import TsunaguCore

/// One customer on one call list, and who holds it. A row is with at most one agent at a time.
final class CallListEntry: Model, TenantOwned, @unchecked Sendable {
    static let schema = "call_list_entries"
    static var tenantIDField: KeyPath<CallListEntry, FieldProperty<CallListEntry, UUID>> { \.$tenantID }

    enum State: String, Codable, Sendable, CaseIterable {
        /// Waiting to be downloaded (by its assigned agent, or by anyone from the pool).
        case waiting
        /// On an agent's phone screen.
        case onScreen
        /// Results uploaded.
        case reported
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "call_list_id") var callListID: UUID
    @Field(key: "customer_id") var customerID: UUID
    @Field(key: "position") var position: Int
    /// The agent this row is handed to (even split) or held by (on screen); nil in the shared pool.
    @OptionalField(key: "assigned_user_id") var assignedUserID: UUID?
    @Field(key: "state") var state: State
    @OptionalField(key: "final_status") var finalStatus: FinalStatus?
    @OptionalField(key: "reported_at") var reportedAt: Date?
    /// 上限到達: the customer has had the most attempts the retry rules allow on this list.
    @Field(key: "limit_reached") var limitReached: Bool

    init() {}

    init(
        id: UUID? = nil, tenantID: UUID, callListID: UUID, customerID: UUID, position: Int,
        assignedUserID: UUID? = nil, state: State = .waiting
    ) {
        self.id = id
        self.tenantID = tenantID
        self.callListID = callListID
        self.customerID = customerID
        self.position = position
        self.assignedUserID = assignedUserID
        self.state = state
        self.limitReached = false
    }
}
