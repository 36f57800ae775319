import FluentKit

/// Each tenant's SIP trunk (the `sip` telephony provider), as JSON; nil until an admin sets one.
struct AddTenantSIPTrunk: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Tenant.schema).field("sip_trunk", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Tenant.schema).deleteField("sip_trunk").update()
    }
}
