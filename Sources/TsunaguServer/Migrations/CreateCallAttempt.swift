import FluentKit
import SQLKit

struct CreateCallAttempt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CallAttempt.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("extension", .string, .required)
            .field("call_list_id", .uuid, .references(CallList.schema, .id, onDelete: .setNull))
            .field("customer_id", .uuid, .references(Customer.schema, .id, onDelete: .setNull))
            .field("work_row_id", .uuid)
            .field("number", .string, .required)
            .field("started_at", .datetime, .required)
            .field("answered_at", .datetime)
            .field("ended_at", .datetime)
            .field("result", .string)
            .field("sip_status", .int)
            .field("memo", .string, .required)
            .field("prospect", .bool, .required)
            .field("callback", .bool, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "call_attempts_tenant_started").on(CallAttempt.schema).column("tenant_id").column(
            "started_at"
        ).run()
        try await sql.create(index: "call_attempts_tenant_number").on(CallAttempt.schema).column("tenant_id").column(
            "number"
        ).column("started_at").run()
        try await sql.create(index: "call_attempts_customer").on(CallAttempt.schema).column("customer_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CallAttempt.schema).delete()
    }
}
