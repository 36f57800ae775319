import FluentKit
import Foundation

/// コールリスト: a named, ordered set of customers handed out to agents.
final class CallList: Model, TenantOwned, @unchecked Sendable {
    static let schema = "call_lists"
    static var tenantIDField: KeyPath<CallList, FieldProperty<CallList, UUID>> { \.$tenantID }

    enum Distribution: String, Codable, Sendable, CaseIterable {
        /// Not handed out yet.
        case none
        /// Rows were split evenly between chosen agents.
        case evenSplit
        /// Agents draw rows from a shared pool on ダウンロード.
        case sharedPool
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @OptionalField(key: "created_by_user_id") var createdByUserID: UUID?
    @Field(key: "distribution") var distribution: Distribution
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, tenantID: UUID, name: String, createdByUserID: UUID?, distribution: Distribution = .none) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.createdByUserID = createdByUserID
        self.distribution = distribution
    }
}
