import FluentKit
import SQLKit

/// Several instances on one database (DESIGN "Several instances"): the instances' heartbeats, the lease on each
/// agent's phone-screen session (owner, fencing epoch, until), and which instance placed each call, so the calls of
/// an instance that died are closed and no other instance's are.
struct CreateInstances: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(InstanceRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("started_at", .datetime, .required)
            .field("heartbeat_at", .datetime, .required)
            .create()
        // One column per statement: SQLite adds one at a time.
        try await database.schema(AgentDeskRecord.schema).field("lease_owner", .uuid).update()
        try await database.schema(AgentDeskRecord.schema)
            .field("lease_epoch", .int64, .required, .sql(.default(0))).update()
        try await database.schema(AgentDeskRecord.schema).field("lease_until", .datetime).update()
        try await database.schema(CallAttempt.schema).field("instance_id", .uuid).update()
        // The calls still open, by instance: the sweep of a dead instance reads only these.
        // A partial index, the same statement on SQLite and PostgreSQL.
        try await database.sql.raw(
            """
            CREATE INDEX \(ident: "call_attempts_open_by_instance") ON \(ident: CallAttempt.schema) \
            (\(ident: "instance_id")) WHERE \(ident: "ended_at") IS NULL
            """
        ).run()
        try await database.sql.create(index: "agent_desks_lease_owner").on(AgentDeskRecord.schema)
            .column("lease_owner").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "agent_desks_lease_owner").run()
        try await database.sql.drop(index: "call_attempts_open_by_instance").run()
        try await database.schema(CallAttempt.schema).deleteField("instance_id").update()
        for column in ["lease_owner", "lease_epoch", "lease_until"] {
            try await database.schema(AgentDeskRecord.schema).deleteField(FieldKey(stringLiteral: column)).update()
        }
        try await database.schema(InstanceRecord.schema).delete()
    }
}
