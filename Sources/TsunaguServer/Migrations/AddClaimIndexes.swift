import FluentKit
import SQLKit

/// What ダウンロード reads, bounded by what it takes rather than by the tenant:
///
/// - `call_list_entries_claim`: per list, the rows a download may take (waiting, not at their retry limit), by holder
///   and position, so a claim reads a list's next rows in order and stops. A partial index: the same statement on
///   SQLite and PostgreSQL; its condition is `RowClaimer.waiting()`, which every statement that should use it repeats.
/// - `call_lists_tenant_created`: a tenant's lists in the order they were made, the order downloads take them in.
/// - `call_attempts_customer_started`: a customer's attempts by time, so a new row's earlier result is one seek for the
///   latest; it replaces `call_attempts_customer` (customer alone), which it covers.
struct AddClaimIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw(
            """
            CREATE INDEX call_list_entries_claim ON \(ident: CallListEntry.schema) ("call_list_id", "assigned_user_id", "position")
            WHERE \(RowClaimer.waiting())
            """
        ).run()
        try await sql.create(index: "call_lists_tenant_created").on(CallList.schema).column("tenant_id")
            .column("created_at").column("id").run()
        try await sql.create(index: "call_attempts_customer_started").on(CallAttempt.schema).column("customer_id")
            .column("started_at").run()
        try await sql.drop(index: "call_attempts_customer").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(index: "call_attempts_customer").on(CallAttempt.schema).column("customer_id").run()
        for name in ["call_list_entries_claim", "call_lists_tenant_created", "call_attempts_customer_started"] {
            try await sql.drop(index: name).run()
        }
    }
}
