import Fluent
import Foundation
import SQLKit
import TsunaguServer
import Vapor

/// What one durable commit costs on this machine: the smallest transaction the writer could commit (one row of a
/// table of its own changed) in the same database, with the server's settings (SQLite: WAL, `synchronous=FULL`;
/// PostgreSQL: `synchronous_commit=on`; each commit waits for the log to reach the disk) and through the same driver. Every edit → durable figure is at least
/// this; read them against it.
enum DurableCommitCost {
    /// Milliseconds per commit, sorted.
    static func measure(dataDirectory: String, commits: Int = 300) async throws -> [Double] {
        let app = try await PhoneBenchmarkSeed.application(dataDirectory)
        do {
            let sql = app.db as! any SQLDatabase
            try await sql.raw("CREATE TABLE IF NOT EXISTS bench_commit (n INTEGER NOT NULL)").run()
            try await sql.raw("DELETE FROM bench_commit").run()
            try await sql.raw("INSERT INTO bench_commit (n) VALUES (0)").run()
            var times: [Double] = []
            for _ in 0..<commits {
                let start = DispatchTime.now().uptimeNanoseconds
                try await app.db.transaction { transaction in
                    try await (transaction as! any SQLDatabase).raw("UPDATE bench_commit SET n = n + 1").run()
                }
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            try await sql.raw("DROP TABLE bench_commit").run()
            try await app.asyncShutdown()
            return times.sorted()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// `durable commit: p50 … ms, p99 … ms`, for the report.
    static func line(_ times: [Double]) -> String {
        func percentile(_ p: Double) -> Double { times[min(times.count - 1, Int(Double(times.count - 1) * p))] }
        return String(
            format: "durable commit (one-row transaction, %@, %d commits): p50 %.2f ms, p99 %.2f ms",
            BenchmarkDatabase.name, times.count, percentile(0.5), percentile(0.99))
    }
}
