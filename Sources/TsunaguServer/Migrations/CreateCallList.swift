import FluentKit
import SQLKit

struct CreateCallList: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CallList.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("created_by_user_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("distribution", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(CallListEntry.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("call_list_id", .uuid, .required, .references(CallList.schema, .id, onDelete: .cascade))
            .field("customer_id", .uuid, .required, .references(Customer.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .field("assigned_user_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("state", .string, .required)
            .field("final_status", .string)
            .field("reported_at", .datetime)
            .unique(on: "call_list_id", "customer_id")
            .create()
        let sql = database.sql
        try await sql.create(index: "call_list_entries_pick")
            .on(CallListEntry.schema).column("tenant_id").column("state").column("assigned_user_id").column("position")
            .run()
        try await sql.create(index: "call_list_entries_customer").on(CallListEntry.schema).column("customer_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CallListEntry.schema).delete()
        try await database.schema(CallList.schema).delete()
    }
}
