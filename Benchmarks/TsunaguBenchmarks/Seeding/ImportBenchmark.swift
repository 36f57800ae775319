import Fluent
import Foundation
import TsunaguCore
import TsunaguServer
import Vapor

/// Times the server's own import path (CustomerImporter) into a fresh SQLite file.
enum ImportBenchmark {
    /// Returns the seconds the import took (migrations and set-up excluded).
    static func run(drafts: [CustomerDraft]) async throws -> Double {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsunagu-bench-\(UUID().uuidString)")
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
            let importer = CustomerImporter(scope: TenantScope(tenantID: try tenant.requireID(), database: app.db))
            let start = DispatchTime.now().uptimeNanoseconds
            let summary = try await importer.importCustomers(drafts, registeredOn: "2026-11-25")
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            precondition(summary.inserted == drafts.count, "every customer must be stored")
            try await app.asyncShutdown()
            return seconds
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
