import FluentKit
import SQLKit

struct CreateCustomer: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Customer.schema)
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("kind", .string)
            .field("industry", .string, .required)
            .field("company", .string, .required)
            .field("company_kana", .string, .required)
            .field("contact_name", .string, .required)
            .field("prefecture", .string, .required)
            .field("address", .string, .required)
            .field("phone", .string, .required)
            .field("phone_e164", .string, .required)
            .field("email", .string, .required)
            .field("note", .string, .required)
            .field("owner_user_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("registered_on", .string, .required)
            .field("distributed", .bool, .required)
            .field("final_status", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("deleted_at", .datetime)
            .create()
        let sql = database.sql
        try await sql.create(index: "customers_tenant_phone").on(Customer.schema).column("tenant_id").column(
            "phone_e164"
        ).run()
        try await sql.create(index: "customers_tenant_registered").on(Customer.schema).column("tenant_id").column(
            "registered_on"
        ).run()
        try await sql.create(index: "customers_tenant_status").on(Customer.schema).column("tenant_id").column(
            "final_status"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Customer.schema).delete()
    }
}
