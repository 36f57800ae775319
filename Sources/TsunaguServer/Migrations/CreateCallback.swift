import FluentKit
import SQLKit

/// Timed callbacks. The phone screens read the scheduled ones by owner and by due time; taken and cancelled ones
/// stay as history, out of those partial indexes.
struct CreateCallback: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CallbackRecord.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("customer_id", .uuid, .references(Customer.schema, .id, onDelete: .setNull))
            .field("number", .string, .required)
            .field("phone", .string, .required)
            .field("company", .string, .required)
            .field("contact_name", .string, .required)
            .field("call_list_id", .uuid, .references(CallList.schema, .id, onDelete: .setNull))
            .field("owner_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("due_at", .datetime, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid, .required)
            .field("set_attempt_id", .uuid)
            .field("state", .string, .required)
            .field("taken_by", .uuid)
            .field("taken_at", .datetime)
            .field("taken_attempt_id", .uuid)
            .field("cancelled_at", .datetime)
            .field("cancelled_by", .uuid)
            .field("reassigned_at", .datetime)
            .field("reassigned_by", .uuid)
            .create()
        // Partial indexes: the same statement on SQLite and PostgreSQL.
        let sql = database.sql
        try await sql.raw(
            "CREATE INDEX callbacks_scheduled_owner ON callbacks (tenant_id, owner_id, due_at) WHERE state = 'scheduled'"
        ).run()
        try await sql.raw(
            "CREATE INDEX callbacks_scheduled_due ON callbacks (tenant_id, due_at) WHERE state = 'scheduled'"
        ).run()
        try await sql.create(index: "callbacks_tenant_created").on(CallbackRecord.schema).column("tenant_id")
            .column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CallbackRecord.schema).delete()
    }
}
