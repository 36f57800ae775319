import FluentKit
import SQLKit

/// The report roll-ups (docs/ARCHITECTURE.md#the-managers-floor): call figures and time in each state per agent, list
/// and hour of the tenant's day, kept in the same transaction as the facts they sum (`ReportRollups`), so a year's
/// report reads a few hundred thousand sums instead of millions of calls. Filled from the facts already stored.
struct CreateReportRollups: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportRollups.callTable)
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
        try await database.schema(ReportRollups.stateTable)
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
        try await sql.create(index: "call_figures_hourly_key").unique().on(ReportRollups.callTable)
            .column("tenant_id").column("day").column("hour").column("user_id").column("call_list_id").run()
        try await sql.create(index: "agent_state_seconds_hourly_key").unique().on(ReportRollups.stateTable)
            .column("tenant_id").column("day").column("hour").column("user_id").column("call_list_id").column("state")
            .column("reason").run()
        try await ReportRollups.rebuildAll(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportRollups.stateTable).delete()
        try await database.schema(ReportRollups.callTable).delete()
    }
}
