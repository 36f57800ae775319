import FluentKit
import SQLKit

/// The 架電禁止リスト and refusals. Only bars in force (`lifted_at IS NULL`) are indexed for the checks before
/// every dial; lifted ones stay as history.
struct CreateDialBar: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DialBar.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("number", .string)
            .field("customer_id", .uuid, .references(Customer.schema, .id, onDelete: .setNull))
            .field("source", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("call_attempt_id", .uuid)
            .field("lifted_at", .datetime)
            .field("lifted_by", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("lift_reason", .string)
            .create()
        // Partial indexes: the same statement on SQLite and PostgreSQL.
        let sql = database.sql
        try await sql.raw(
            "CREATE INDEX dial_bars_active_number ON dial_bars (tenant_id, number) WHERE lifted_at IS NULL"
        ).run()
        try await sql.raw(
            """
            CREATE INDEX dial_bars_active_customer ON dial_bars (tenant_id, customer_id)
            WHERE lifted_at IS NULL AND customer_id IS NOT NULL
            """
        ).run()
        try await sql.create(index: "dial_bars_tenant_created").on(DialBar.schema).column("tenant_id").column(
            "created_at"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DialBar.schema).delete()
    }
}
