import FluentKit
import SQLKit

/// 通話一覧's filters that agents and managers use most: own calls, an extension, a list; newest first. And 顧客一覧's
/// order (newest first), so a page of a million customers reads 50 rows instead of sorting them all.
struct AddCallLogIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(index: "call_attempts_user_started").on(CallAttempt.schema).column("tenant_id").column(
            "user_id"
        ).column("started_at").run()
        try await sql.create(index: "call_attempts_extension_started").on(CallAttempt.schema).column("tenant_id")
            .column("extension").column("started_at").run()
        try await sql.create(index: "call_attempts_list_started").on(CallAttempt.schema).column("call_list_id").column(
            "started_at"
        ).run()
        try await sql.create(index: "call_attempts_work_row").on(CallAttempt.schema).column("work_row_id").run()
        try await sql.create(index: "customers_tenant_created").on(Customer.schema).column("tenant_id").column(
            "created_at"
        ).column("phone_e164").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for name in [
            "call_attempts_user_started", "call_attempts_extension_started", "call_attempts_list_started",
            "call_attempts_work_row", "customers_tenant_created",
        ] {
            try await sql.drop(index: name).run()
        }
    }
}
