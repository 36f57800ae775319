import FluentKit
import SQLKit

struct CreateAgentWork: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AgentWorkRow.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("entry_id", .uuid, .required, .references(CallListEntry.schema, .id, onDelete: .cascade))
            .field("customer_id", .uuid, .required)
            .field("position", .int, .required)
            .field("company", .string, .required)
            .field("contact_name", .string, .required)
            .field("phone", .string, .required)
            .field("dial_number", .string, .required)
            .field("done", .bool, .required)
            .field("result", .string)
            .field("prospect", .bool, .required)
            .field("callback", .bool, .required)
            .field("memo", .string, .required)
            .field("called_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "entry_id")
            .create()
        try await database.schema(AgentDeskRecord.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("cursor", .int, .required)
            .field("auto_fetch_active", .bool, .required)
            .field("last_call_number", .int64, .required)
            .field("updated_at", .datetime)
            .unique(on: "user_id")
            .create()
        let sql = database.sql
        try await sql.create(index: "agent_work_rows_user").on(AgentWorkRow.schema).column("user_id").column("position")
            .run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AgentDeskRecord.schema).delete()
        try await database.schema(AgentWorkRow.schema).delete()
    }
}
