import Foundation
import TsunaguServer

/// The database the benchmarks run on: SQLite files in each benchmark's folder, or the PostgreSQL database named by
/// `BENCH_DATABASE_URL` (empty: the benchmark seeds it as it would a new SQLite file).
enum BenchmarkDatabase {
    static let url: DatabaseURL? = ProcessInfo.processInfo.environment["BENCH_DATABASE_URL"].flatMap {
        $0.isEmpty ? nil : DatabaseURL.parse($0)
    }

    /// For the report: which database the figures are of.
    static var name: String { url == nil ? "SQLite WAL, synchronous=FULL" : "PostgreSQL, synchronous_commit=on" }
}
