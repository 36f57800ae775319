import Fluent
import Foundation
import SQLKit
import TsunaguCore
import TsunaguServer
import Vapor

/// The 架電禁止リスト at a million numbers: the import through the server's own path (`DialBarStore.importNumbers`,
/// one transaction, multi-row INSERTs) into a fresh SQLite file, then the check right before a dial
/// (`DialBarStore.isBarred(number:)`, the statement the dial check runs) on that table.
enum DoNotCallBenchmark {
    struct Figures {
        var parseSeconds: Double
        var importSeconds: Double
        var inserted: Int
        /// Microseconds per check, sorted.
        var checks: [Double]
        var barredFound: Int
    }

    /// A file of `count` distinct mobile numbers, as a manager would bring it (a header, one number a line).
    static func file(count: Int) -> [UInt8] {
        var text = "電話番号,メモ\r\n"
        text.reserveCapacity(count * 16)
        for number in numbers(count) { text += "0\(number.dropFirst(3)),\r\n" }
        return CP932.encode(text)
    }

    /// `count` distinct E.164 numbers (090 and 080), spread over the range rather than in order.
    static func numbers(_ count: Int) -> [String] {
        (0..<count).map { index in
            let spread = (index &* 7_919) % 100_000_000
            return (index % 2 == 0 ? "+8190" : "+8180") + String(format: "%08d", spread)
        }
    }

    static func run(count: Int, checks: Int = 20_000) async throws -> Figures {
        let bytes = file(count: count)
        var parsed: DoNotCallCSVImport?
        let parseStart = DispatchTime.now().uptimeNanoseconds
        parsed = try DoNotCallCSVImport.read(bytes).get()
        let parseSeconds = Double(DispatchTime.now().uptimeNanoseconds - parseStart) / 1e9
        guard let entries = parsed?.entries, entries.count == count else {
            preconditionFailure("the sample file must read cleanly")
        }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsunagu-dnc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = ServerConfiguration()
        configuration.dataDirectory = folder.path
        configuration.databasePath = folder.appendingPathComponent("bench.sqlite").path
        var environment = Environment.testing
        environment.arguments = ["bench"]
        let app = try await Application.make(environment)
        app.logger.logLevel = .warning
        do {
            try await app.configureTsunagu(configuration)
            try await app.autoMigrate()
            let tenant = Tenant(code: "bench", name: "Benchmark")
            try await tenant.create(on: app.db)
            let scope = TenantScope(tenantID: try tenant.requireID(), database: app.db)
            let store = DialBarStore(scope: scope)
            let importStart = DispatchTime.now().uptimeNanoseconds
            let summary = try await store.importNumbers(entries, by: nil, at: Date())
            let importSeconds = Double(DispatchTime.now().uptimeNanoseconds - importStart) / 1e9
            precondition(summary.inserted == count, "every number must be stored")

            // The checks are timed on a settled database, as a dial finds it: the import's write-ahead log copied
            // into the file (the server's checkpointer would do it within seconds), and a first round untimed.
            try await scope.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<1_000 {
                _ = try await store.isBarred(number: entries[Int.random(in: 0..<count, using: &generator)].number)
            }
            // Half the checks ask for a barred number, half for one that is not (070 numbers, none in the file).
            var times: [Double] = []
            times.reserveCapacity(checks)
            var found = 0
            for index in 0..<checks {
                let number =
                    index % 2 == 0
                    ? entries[Int.random(in: 0..<count, using: &generator)].number
                    : String(format: "+8170%08d", Int.random(in: 0..<100_000_000, using: &generator))
                let start = DispatchTime.now().uptimeNanoseconds
                if try await store.isBarred(number: number) { found += 1 }
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
            }
            try await app.asyncShutdown()
            return Figures(
                parseSeconds: parseSeconds, importSeconds: importSeconds, inserted: summary.inserted,
                checks: times.sorted(), barredFound: found)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
