import FluentKit
import SQLKit

/// What the 架電禁止リスト page and 顧客編集 read besides the bars in force: the lifted bars of a number or a
/// customer (their history, few, so small partial indexes), and the list newest first. The list's order is
/// (created_at, id): an imported million share one created_at, and without the id in the index every page sorted
/// them all.
struct AddDialBarPageIndexes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw(
            "CREATE INDEX dial_bars_lifted_number ON dial_bars (tenant_id, number) WHERE lifted_at IS NOT NULL"
        ).run()
        try await sql.raw(
            """
            CREATE INDEX dial_bars_lifted_customer ON dial_bars (tenant_id, customer_id)
            WHERE lifted_at IS NOT NULL AND customer_id IS NOT NULL
            """
        ).run()
        try await sql.create(index: "dial_bars_tenant_created_id").on(DialBar.schema).column("tenant_id")
            .column("created_at").column("id").run()
        try await sql.drop(index: "dial_bars_tenant_created").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.create(index: "dial_bars_tenant_created").on(DialBar.schema).column("tenant_id")
            .column("created_at").run()
        for index in ["dial_bars_tenant_created_id", "dial_bars_lifted_customer", "dial_bars_lifted_number"] {
            try await sql.drop(index: index).run()
        }
    }
}
