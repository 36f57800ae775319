import FluentKit

/// Each tenant may edit the simulated carrier's rule table.
struct AddTenantCarrierRules: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Tenant.schema).field("carrier_rules", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Tenant.schema).deleteField("carrier_rules").update()
    }
}
