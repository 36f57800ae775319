import FluentKit

/// Sessions remember the version they were signed in with; changing a password bumps it and ends the others.
struct AddUserSessionVersion: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema).field("session_version", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).deleteField("session_version").update()
    }
}
