import Foundation
import SQLKit
import Testing
import Vapor

@testable import TsunaguServer

/// The background checkpointer copies committed pages into the database file without waiting for SQLite's own
/// checkpoint at 1,000 pages. (Pages reach the database file only through a checkpoint, so its size shows it.)
@Suite(.enabled(if: TestDatabase.isSQLite, "SQLite's write-ahead log"))
struct WALCheckpointerTests {
    @Test func committedPagesReachTheDatabaseFileInTheBackground() async throws {
        try await withTestApp { app, _ in
            let path = app.tsunaguConfiguration.databasePath
            func size() throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
            let writer = app.deskRegistry.writer
            try await writer.write { database in
                try await database.sql.raw("CREATE TABLE padding (bytes BLOB)").run()
            }
            let before = try size()
            // About 2 MB: half of what makes SQLite checkpoint by itself.
            for _ in 0..<5 {
                try await writer.write { database in
                    try await database.sql.raw(
                        """
                        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
                        INSERT INTO padding SELECT randomblob(4000) FROM n
                        """
                    ).run()
                }
            }
            #expect(try size() < before + 1_000_000, "no checkpoint yet")

            let checkpointer = WALCheckpointer.task()
            try await checkpointer.didBootAsync(app)
            let deadline = Date().addingTimeInterval(10)
            while try size() < before + 1_500_000, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
            await checkpointer.shutdownAsync(app)
            #expect(try size() >= before + 1_500_000, "the background checkpoint copied the pages")
        }
    }
}
