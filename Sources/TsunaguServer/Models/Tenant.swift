import FluentKit
import Foundation
import TsunaguCore

/// 契約顧客: a call-centre team using Tsunagu. Every other row belongs to exactly one tenant.
final class Tenant: Model, @unchecked Sendable {
    static let schema = "tenants"

    @ID(key: .id) var id: UUID?
    /// 契約顧客コード, typed at sign-in.
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "settings") var settings: TenantSettings
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, code: String, name: String, settings: TenantSettings = TenantSettings()) {
        self.id = id
        self.code = code
        self.name = name
        self.settings = settings
    }
}
