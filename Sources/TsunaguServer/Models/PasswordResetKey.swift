import FluentKit
import Foundation

/// A password-reset key code sent by mail (manual §4-4): only its SHA-256 is stored; valid 5 minutes, used once.
final class PasswordResetKey: Model, TenantOwned, @unchecked Sendable {
    static let schema = "password_reset_keys"
    static var tenantIDField: KeyPath<PasswordResetKey, FieldProperty<PasswordResetKey, UUID>> { \.$tenantID }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "key_hash") var keyHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(tenantID: UUID, userID: UUID, keyHash: String, expiresAt: Date) {
        self.tenantID = tenantID
        self.userID = userID
        self.keyHash = keyHash
        self.expiresAt = expiresAt
    }
}
