import FluentKit
import SQLKit

/// Indexes that give 顧客一覧's first page in its order without sorting the whole set (`CustomerQuery.page`): a
/// list's entries by position, and customers by registration day then creation (which also serves every 登録日付
/// range, so the narrower (tenant, registered_on) index goes). And 通話一覧's count, which reads calls newest first
/// and looks at each call's customer (deleted or not): both from indexes alone, without reading either table.
struct AddCustomerPageIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(index: "call_list_entries_list_position").on(CallListEntry.schema).column("call_list_id")
            .column("position").run()
        try await sql.create(index: "customers_tenant_registered_created").on(Customer.schema)
            .column("tenant_id").column("registered_on").column("created_at").column("phone_e164").run()
        try await sql.drop(index: "customers_tenant_registered").run()
        try await sql.create(index: "customers_id_deleted").on(Customer.schema).column("id").column("deleted_at").run()
        try await sql.create(index: "call_attempts_tenant_started_customer").on(CallAttempt.schema)
            .column("tenant_id").column("started_at").column("customer_id").column("result").run()
        try await sql.drop(index: "call_attempts_tenant_started").run()
        // An agent's own calls (通話一覧 for agents, 架電ステータス among them) likewise.
        try await sql.create(index: "call_attempts_user_started_customer").on(CallAttempt.schema)
            .column("tenant_id").column("user_id").column("started_at").column("customer_id").column("result").run()
        try await sql.drop(index: "call_attempts_user_started").run()
        try await PlannerStatistics.refresh([Customer.schema, CallListEntry.schema, CallAttempt.schema], on: database)
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(index: "call_attempts_user_started").on(CallAttempt.schema).column("tenant_id").column(
            "user_id"
        ).column("started_at").run()
        try await sql.drop(index: "call_attempts_user_started_customer").run()
        try await sql.create(index: "call_attempts_tenant_started").on(CallAttempt.schema).column("tenant_id").column(
            "started_at"
        ).run()
        try await sql.drop(index: "call_attempts_tenant_started_customer").run()
        try await sql.drop(index: "customers_id_deleted").run()
        try await sql.create(index: "customers_tenant_registered").on(Customer.schema).column("tenant_id").column(
            "registered_on"
        ).run()
        try await sql.drop(index: "customers_tenant_registered_created").run()
        try await sql.drop(index: "call_list_entries_list_position").run()
    }
}
