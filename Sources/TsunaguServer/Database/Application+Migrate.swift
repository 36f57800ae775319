import FluentKit
import Vapor

extension Application {
    /// Runs the pending migrations. On PostgreSQL, several instances may start at once against one database: they
    /// migrate one after the other under an advisory lock, so the later ones find nothing left to do instead of
    /// creating the same tables twice. (SQLite's file is one server's.)
    func migrateTsunagu() async throws {
        guard tsunaguConfiguration.databaseURL != nil else { return try await autoMigrate() }
        try await PostgresStatements.holding(.migrations, on: dedicatedDatabases.upkeep.database.sql) {
            try await autoMigrate()
        }
    }
}
