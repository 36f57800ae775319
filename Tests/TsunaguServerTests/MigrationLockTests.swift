import FluentKit
import Foundation
import SQLKit
import Testing
import Vapor

@testable import TsunaguServer

/// Instances that start together on one PostgreSQL database migrate one after the other: each migration runs once,
/// and no instance fails on the other's tables.
@Suite(.enabled(if: TestDatabase.isPostgres, "several instances share a PostgreSQL database only"))
struct MigrationLockTests {
    @Test(.timeLimit(.minutes(2))) func instancesStartingTogetherMigrateOnce() async throws {
        let url = try #require(try await TestDatabase.create())
        var configuration = ServerConfiguration()
        configuration.databaseURL = url
        let apps = [try await Application.make(.testing), try await Application.make(.testing)]
        do {
            for app in apps { try await app.configureTsunagu(configuration) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for app in apps { group.addTask { try await app.migrateTsunagu() } }
                try await group.waitForAll()
            }
            let rows = try await apps[0].db.sql.raw(
                "SELECT name, COUNT(*) AS runs FROM _fluent_migrations GROUP BY name"
            ).all()
            #expect(rows.count == TsunaguMigrations.all.count + 1, "every migration and the sessions' table")
            for row in rows { #expect(try row.decode(column: "runs", as: Int.self) == 1) }
        } catch {
            for app in apps { try? await app.asyncShutdown() }
            throw error
        }
        for app in apps { try await app.asyncShutdown() }
    }
}
