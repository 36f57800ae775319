import Foundation
import SQLKit
import Testing
import Vapor

@testable import TsunaguServer

/// A committed result survives a crash or a power cut: SQLite in WAL mode with full sync on every connection, or
/// PostgreSQL with synchronous_commit asked for by every connection (whatever the server's default).
@Suite struct DatabaseDurabilityTests {
    @Test(.enabled(if: TestDatabase.isSQLite))
    func walWithFullSynchronousOnEveryConnection() async throws {
        try await withTestApp { app, _ in
            // Several queries at once on every event loop, so that every pooled connection answers.
            let provider = app.databaseProvider
            try await withThrowingTaskGroup(of: (String, Int, Int).self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        let sql = provider().sql
                        let mode = try await sql.raw("PRAGMA journal_mode").first()!.decode(
                            column: "journal_mode", as: String.self)
                        let sync = try await sql.raw("PRAGMA synchronous").first()!.decode(
                            column: "synchronous", as: Int.self)
                        let timeout = try await sql.raw("PRAGMA busy_timeout").first()!.decode(
                            column: "timeout", as: Int.self)
                        return (mode, sync, timeout)
                    }
                }
                for try await (mode, sync, timeout) in group {
                    #expect(mode == "wal")
                    #expect(sync == 2, "2 is FULL")
                    #expect(timeout == 10_000, "a busy connection waits by sleeping")
                }
            }
        }
    }

    @Test(.enabled(if: TestDatabase.isPostgres))
    func synchronousCommitIsAskedForByEveryConnection() async throws {
        try await withTestApp { app, _ in
            let provider = app.databaseProvider
            let writer = app.dedicatedDatabases.writer.database
            // More queries at once than the pool has connections per event loop, so that every connection answers.
            try await withThrowingTaskGroup(of: (String, String).self) { group in
                for index in 0..<24 {
                    group.addTask {
                        let sql = index == 0 ? writer.sql : provider().sql
                        let row = try await sql.raw(
                            "SELECT setting, source FROM pg_settings WHERE name = 'synchronous_commit'"
                        ).first()!
                        _ = try await sql.raw("SELECT pg_sleep(0.05)").run()
                        return (
                            try row.decode(column: "setting", as: String.self),
                            try row.decode(column: "source", as: String.self)
                        )
                    }
                }
                for try await (setting, source) in group {
                    #expect(setting == "on")
                    #expect(source == "client", "set by the connection itself, not left to the server's default")
                }
            }
        }
    }
}
