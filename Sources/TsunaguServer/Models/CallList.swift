import FluentKit
import Foundation
import TsunaguCore

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
    @OptionalField(key: "rules") var rulesJSON: String?

    init() {}

    init(id: UUID? = nil, tenantID: UUID, name: String, createdByUserID: UUID?, distribution: Distribution = .none) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.createdByUserID = createdByUserID
        self.distribution = distribution
    }
}

extension CallList {
    /// The list's own rules; the defaults (nothing of its own) until a manager sets them.
    var rules: CallListRules {
        get { Self.rules(from: rulesJSON) }
        set {
            rulesJSON =
                newValue == CallListRules()
                ? nil : (try? JSONEncoder().encode(newValue)).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Stored rules as JSON; unreadable ones count as none (this server is their only writer).
    static func rules(from json: String?) -> CallListRules {
        guard let json else { return CallListRules() }
        return (try? JSONDecoder().decode(CallListRules.self, from: Data(json.utf8))) ?? CallListRules()
    }
}
