import FluentKit

struct CreatePasswordResetKey: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PasswordResetKey.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("key_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PasswordResetKey.schema).delete()
    }
}
