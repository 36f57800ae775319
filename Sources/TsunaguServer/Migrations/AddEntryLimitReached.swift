import FluentKit
import SQLKit

/// 上限到達: a list's row whose customer has had the most attempts the retry rules allow on that list. Set when the
/// check before a dial finds the cap reached, so 顧客一覧 and コールリスト一覧 can show and filter it.
struct AddEntryLimitReached: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CallListEntry.schema)
            .field("limit_reached", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CallListEntry.schema).deleteField("limit_reached").update()
    }
}
