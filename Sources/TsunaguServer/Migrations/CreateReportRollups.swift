import FluentKit
import SQLKit

/// The first report roll-ups: call figures and time in each state per agent, list and hour of the tenant's day.
/// `CreateDailyReportRollups` replaced them (a year's report read a million hourly rows) and drops them; they are
/// created here as they were, empty, so that a database migrated before then and a new one go the same way.
struct CreateReportRollups: AsyncMigration {
    static let callTable = "call_figures_hourly"
    static let stateTable = "agent_state_seconds_hourly"

    func prepare(on database: any Database) async throws {
        try await database.schema(Self.callTable)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("day", .string, .required)
            .field("hour", .int, .required)
            .field("user_id", .uuid, .required)
            .field("call_list_id", .uuid, .required)
            .field("calls", .int, .required)
            .field("contacts", .int, .required)
            .field("prospects", .int, .required)
            .field("callbacks", .int, .required)
            .field("talk_seconds", .double, .required)
            .create()
        try await database.schema(Self.stateTable)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("day", .string, .required)
            .field("hour", .int, .required)
            .field("user_id", .uuid, .required)
            .field("call_list_id", .uuid, .required)
            .field("state", .string, .required)
            .field("reason", .string, .required)
            .field("seconds", .double, .required)
            .create()
        let sql = database.sql
        // The keys the roll-ups add into (ON CONFLICT needs them unique), in the order a period's report reads.
        try await sql.create(index: "call_figures_hourly_key").unique().on(Self.callTable)
            .column("tenant_id").column("day").column("hour").column("user_id").column("call_list_id").run()
        try await sql.create(index: "agent_state_seconds_hourly_key").unique().on(Self.stateTable)
            .column("tenant_id").column("day").column("hour").column("user_id").column("call_list_id").column("state")
            .column("reason").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Self.stateTable).delete()
        try await database.schema(Self.callTable).delete()
    }
}
