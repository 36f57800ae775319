import FluentKit

/// Each call list's own rules (`CallListRules`: 商品・サービス, トークスクリプト, a narrower calling window, retry
/// rules), as JSON; nil until a manager sets them.
struct AddCallListRules: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CallList.schema).field("rules", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CallList.schema).deleteField("rules").update()
    }
}
