import Foundation
import SQLKit
import Testing
import Vapor

@testable import TsunaguServer

/// The SQLite file is in WAL mode with full sync: a committed result survives a crash or a power cut.
@Suite struct DatabaseDurabilityTests {
    @Test func walWithFullSynchronousOnEveryConnection() async throws {
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
}
