import FluentKit
import SQLKit

/// The report roll-ups (docs/ARCHITECTURE.md#the-managers-floor): call figures per agent, list and day of the tenant,
/// with the calls and contacts of each hour in columns of their own (the heat map), and time in each state per
/// agent and day; kept in the same transaction as the facts they sum (`ReportRollups`). Filled from the facts
/// already stored; the hourly tables they replace are dropped.
struct CreateDailyReportRollups: AsyncMigration {
    func prepare(on database: any Database) async throws {
        var calls = database.schema(ReportRollups.callTable)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("day", .string, .required)
            .field("user_id", .uuid, .required)
            .field("call_list_id", .uuid, .required)
            .field("calls", .int, .required)
            .field("contacts", .int, .required)
            .field("prospects", .int, .required)
            .field("callbacks", .int, .required)
            .field("talk_seconds", .double, .required)
        for column in ReportRollups.callsByHour + ReportRollups.contactsByHour {
            calls = calls.field(.string(column), .int, .required, .sql(.default(0)))
        }
        try await calls.create()
        try await database.schema(ReportRollups.stateTable)
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("day", .string, .required)
            .field("user_id", .uuid, .required)
            .field("call_list_id", .uuid, .required)
            .field("state", .string, .required)
            .field("reason", .string, .required)
            .field("seconds", .double, .required)
            .create()
        let sql = database.sql
        // The keys the roll-ups add into (ON CONFLICT needs them unique), in the order a period's report reads.
        try await sql.create(index: "call_figures_daily_key").unique().on(ReportRollups.callTable)
            .column("tenant_id").column("day").column("user_id").column("call_list_id").run()
        try await sql.create(index: "agent_state_seconds_daily_key").unique().on(ReportRollups.stateTable)
            .column("tenant_id").column("day").column("user_id").column("call_list_id").column("state")
            .column("reason").run()
        try await ReportRollups.rebuildAll(on: database)
        try await database.schema(CreateReportRollups.stateTable).delete()
        try await database.schema(CreateReportRollups.callTable).delete()
    }

    func revert(on database: any Database) async throws {
        try await CreateReportRollups().prepare(on: database)
        try await database.schema(ReportRollups.stateTable).delete()
        try await database.schema(ReportRollups.callTable).delete()
    }
}
