import Fluent
import Foundation
import Testing
import Vapor

@testable import TsunaguServer

/// Group commit: concurrent writes share transactions, each returns once committed, and a failing write is
/// undone alone.
@Suite struct DurableWriterTests {
    struct Refused: Error {}

    @Test func concurrentWritesCommitAndAFailureIsUndoneAlone() async throws {
        try await withTestApp { app, _ in
            let writer = DurableWriter(database: app.databaseProvider)
            let running = Task { await writer.run() }
            defer { running.cancel() }
            let results = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        do {
                            try await writer.write { database in
                                try await Tenant(code: "t\(index)", name: "Tenant \(index)").create(on: database)
                                if index % 10 == 3 { throw Refused() }
                            }
                            return true
                        } catch {
                            return false
                        }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 180)
            let stored = Set(try await Tenant.query(on: app.db).all().map(\.code))
            #expect(stored.count == 180)
            #expect(!stored.contains("t3") && !stored.contains("t13") && stored.contains("t4"))
            let value = try await writer.write { _ in 42 }
            #expect(value == 42)
        }
    }

    /// Once the writer's loop is stopped (the server shutting down), a write fails at once instead of waiting forever.
    @Test func aStoppedWriterRefusesWrites() async throws {
        try await withTestApp { app, _ in
            let writer = DurableWriter(database: app.databaseProvider)
            let running = Task { await writer.run() }
            try await writer.write { database in try await Tenant(code: "before", name: "Before").create(on: database) }
            running.cancel()
            await running.value
            await #expect(throws: DurableWriterError.self) {
                try await writer.write { database in try await Tenant(code: "after", name: "After").create(on: database)
                }
            }
            #expect(try await Tenant.query(on: app.db).filter(\.$code == "after").count() == 0)
        }
    }
}
