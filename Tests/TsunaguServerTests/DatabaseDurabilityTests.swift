import Foundation
import SQLKit
import Testing
import Vapor

@testable import TsunaguServer

/// The SQLite file is in WAL mode with full sync: a committed result survives a crash or a power cut.
@Suite struct DatabaseDurabilityTests {
    @Test func walWithFullSynchronousOnEveryConnection() async throws {
        try await withTestApp { app, _ in
            let sql = app.db as! any SQLDatabase
            // Several queries at once, so that more than one pooled connection answers.
            try await withThrowingTaskGroup(of: (String, Int).self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let mode = try await sql.raw("PRAGMA journal_mode").first()!.decode(column: "journal_mode", as: String.self)
                        let sync = try await sql.raw("PRAGMA synchronous").first()!.decode(column: "synchronous", as: Int.self)
                        return (mode, sync)
                    }
                }
                for try await (mode, sync) in group {
                    #expect(mode == "wal")
                    #expect(sync == 2, "2 is FULL")
                }
            }
        }
    }
}
