import FluentKit
import Foundation

/// A person who signs in: 管理者 (admin) or 一般 (agent).
package final class User: Model, TenantOwned, @unchecked Sendable {
    package static let schema = "users"
    package static var tenantIDField: KeyPath<User, FieldProperty<User, UUID>> { \.$tenantID }

    package enum Role: String, Codable, Sendable, CaseIterable {
        case admin
        case agent
    }

    @ID(key: .id) package var id: UUID?
    @Field(key: "tenant_id") package var tenantID: UUID
    /// ユーザID / ログインID, unique inside the tenant.
    @Field(key: "login_id") package var loginID: String
    /// 氏名
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    /// グループ
    @Field(key: "group_name") var groupName: String
    /// 内線番号
    @Field(key: "extension") var phoneExtension: String
    @Field(key: "role") var role: Role
    @Field(key: "password_hash") var passwordHash: String
    /// MOTPhone パスワード: the SIP/WebRTC credential of the extension.
    @Field(key: "phone_password") var phonePassword: String
    /// May create call lists (コールリスト作成).
    @Field(key: "can_create_lists") var canCreateLists: Bool
    @Field(key: "disabled") var disabled: Bool
    /// Bumped when the password changes: sessions signed in with an older version end.
    @Field(key: "session_version") var sessionVersion: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    package init() {}

    package init(
        id: UUID? = nil, tenantID: UUID, loginID: String, name: String, email: String = "", groupName: String = "",
        phoneExtension: String = "", role: Role, passwordHash: String, phonePassword: String = "",
        canCreateLists: Bool = false
    ) {
        self.id = id
        self.tenantID = tenantID
        self.loginID = loginID
        self.name = name
        self.email = email
        self.groupName = groupName
        self.phoneExtension = phoneExtension
        self.role = role
        self.passwordHash = passwordHash
        self.phonePassword = phonePassword
        self.canCreateLists = canCreateLists || role == .admin
        self.disabled = false
        self.sessionVersion = 0
    }
}
