import FluentKit
import NIOCore
import SQLKit
import Vapor

/// Keeps SQLite's query-planner statistics current. Without them the planner guesses how selective each index is,
/// and on a million customers it guessed wrong.
package enum PlannerStatistics {
    /// Measures the tables a bulk change (an import, a new call list, a migration) has grown, every row: a sample
    /// (`analysis_limit`) reads only the first rows of each index, which all belong to one tenant, and then takes
    /// the tenant column for a selective one. About 1.7 s for a million customers and their list entries; it
    /// holds the write lock meanwhile, so phone screens' commits wait that long (and lose nothing).
    /// PostgreSQL samples on its own terms (and its autovacuum would measure the tables later anyway).
    static func refresh(_ tables: [String], on database: any Database) async throws {
        let sql = database.sql
        if database.sqlite != nil { try await sql.raw("PRAGMA analysis_limit=0").run() }
        for table in tables { try await sql.raw("ANALYZE \(ident: table)").run() }
    }

    /// Measures every table that was never measured or has changed a lot since (SQLite's own advice for a
    /// long-running connection: at start and then now and again).
    /// On PostgreSQL (whose autovacuum measures tables in its own time) every table is measured now.
    package static func optimize(on database: any Database) async throws {
        guard let sql = database.sqlite else { return try await database.sql.raw("ANALYZE").run() }
        // `optimize` only re-measures (with a sample of its own choosing): a database that was never measured is
        // measured whole, once.
        let measured = try await sql.raw("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() != nil
        if measured {
            try await sql.raw("PRAGMA optimize=0x10002").run()
        } else {
            try await sql.raw("PRAGMA analysis_limit=0").run()
            try await sql.raw("ANALYZE").run()
        }
    }
}

/// Runs `PlannerStatistics.optimize` when the server starts and every hour after that, so calls written by the
/// phone screens all day are measured too.
enum PlannerStatisticsRefresher {
    static func task() -> BackgroundDatabaseTask {
        BackgroundDatabaseTask("planner statistics", initialDelay: .zero, interval: .hours(1)) { database in
            try await PlannerStatistics.optimize(on: database)
        }
    }
}
