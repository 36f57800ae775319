import FluentKit

struct CreateUser: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("login_id", .string, .required)
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("group_name", .string, .required)
            .field("extension", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string, .required)
            .field("phone_password", .string, .required)
            .field("can_create_lists", .bool, .required)
            .field("disabled", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "tenant_id", "login_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
    }
}
