import FluentKit
import SQLKit

/// The agents' states as facts (the manager's floor): from `at` the agent was in `state` (with a pause's reason).
/// Reports sum the time between one fact and the next; the board reads each agent's latest.
struct CreateAgentStateChange: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("agent_state_changes")
            .id()
            .field("tenant_id", .uuid, .required, .references(Tenant.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("state", .string, .required)
            .field("reason", .string)
            .field("at", .datetime, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "agent_state_changes_user_at").on("agent_state_changes").column("tenant_id")
            .column("user_id").column("at").run()
        try await sql.create(index: "agent_state_changes_tenant_at").on("agent_state_changes").column("tenant_id")
            .column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("agent_state_changes").delete()
    }
}
