import FluentKit
import Foundation

/// The phone screen's own state per agent (▶, automatic fetch), kept beside its rows so a restart restores it.
final class AgentDeskRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "agent_desks"
    static var tenantIDField: KeyPath<AgentDeskRecord, FieldProperty<AgentDeskRecord, UUID>> { \.$tenantID }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "cursor") var cursor: Int
    @Field(key: "auto_fetch_active") var autoFetchActive: Bool
    @Field(key: "last_call_number") var lastCallNumber: Int64
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    /// The lease on the agent's session (`AgentLease`): the instance serving the screen, the fencing epoch, and
    /// until when. Written only by `DeskLeaseStore`.
    @OptionalField(key: "lease_owner") var leaseOwner: UUID?
    @Field(key: "lease_epoch") var leaseEpoch: Int64
    @OptionalField(key: "lease_until") var leaseUntil: Date?

    init() {}

    init(id: UUID? = nil, tenantID: UUID, userID: UUID) {
        self.id = id
        self.tenantID = tenantID
        self.userID = userID
        self.cursor = 0
        self.autoFetchActive = false
        self.lastCallNumber = 0
        self.leaseEpoch = 0
    }
}
