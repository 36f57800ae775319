import Fluent
import Foundation
import SQLKit
import TsunaguCore
import TsunaguServer
import Vapor

/// The database for the ダウンロード benchmark: one tenant of `customers` customers, all on one call list in the
/// shared pool, with a history of calls (some customers with many), bars on some numbers near the top of the list and
/// rows at their retry limit (上限到達) there too, so every download must step over them; and `agents` agents.
enum DownloadBenchmarkSeed {
    static let tenantCode = "bench"
    static let password = "bench-password"

    static let rowsPerDownload = 200

    static func loginID(_ agent: Int) -> String { "agent\(agent)" }

    /// What the seed put in, for the report.
    struct Seeded: Sendable, Codable {
        var customers: Int
        var calls: Int
        var bars: Int
        var limitReached: Int
        var listID: UUID
    }

    static func seed(dataDirectory: String, customers: Int, agents: Int, calls: Int) async throws -> Seeded {
        let app = try await PhoneBenchmarkSeed.application(dataDirectory)
        do {
            try await app.autoMigrate()
            var settings = TenantSettings()
            settings.fetchMode = .manual
            settings.dialingMode = .manual
            settings.callingWindow = .always
            settings.idleLogoutMinutes = 24 * 60
            // A download fills the screen up to the cap: 200 rows each.
            settings.workListCap = rowsPerDownload
            let tenant = Tenant(code: tenantCode, name: "Benchmark", settings: settings)
            try await tenant.create(on: app.db)
            let scope = TenantScope(tenantID: try tenant.requireID(), database: app.db)
            let hash = try Bcrypt.hash(password, cost: 4)
            var agentIDs: [UUID] = []
            for agent in 0..<agents {
                let user = User(
                    tenantID: scope.tenantID, loginID: loginID(agent), name: "架電\(agent)",
                    phoneExtension: String(1000 + agent), role: .agent, passwordHash: hash)
                try await scope.create(user)
                agentIDs.append(try user.requireID())
            }
            var customerIDs: [UUID] = []
            for start in stride(from: 0, to: customers, by: 100_000) {
                let drafts = (start..<min(customers, start + 100_000)).map { index in
                    var draft = CustomerDraft(phone: try! PhoneNumber.parse(number(index)).get())
                    draft.company = "ダウンロード株式会社\(index)"
                    draft.contactName = index % 3 == 0 ? "" : "担当\(index % 100)"
                    return draft
                }
                customerIDs += try await CustomerImporter(scope: scope).importCustomers(
                    drafts, registeredOn: "2026-11-25"
                ).customerIDs
            }
            let listID = try await CallListBuilder(scope: scope).create(
                name: "全顧客", customerIDs: customerIDs, createdBy: nil)
            try await ListDistributor(scope: scope).distribute(listID: listID, mode: .sharedPool, agentIDs: [])
            try await insertCalls(calls, scope: scope, customers: customerIDs, listID: listID, agents: agentIDs)
            // Bars on every 50th number among the first 200,000 rows (added after the list, as a manager would).
            let barred = stride(from: 0, to: min(customers, 200_000), by: 50).map { index in
                DoNotCallCSVImport.Entry(
                    line: index + 1, number: try! PhoneNumber.parse(number(index)).get().e164, note: "")
            }
            let bars = try await DialBarStore(scope: scope).importNumbers(barred, by: nil, at: Date()).inserted
            // 上限到達 on every 40th row among the first 200,000.
            try await scope.sql.raw(
                """
                UPDATE call_list_entries SET limit_reached = \(bind: true)
                WHERE call_list_id = \(bind: listID.uuidString) AND position < 200000 AND position % 40 = 7
                """
            ).run()
            let limitReached =
                try await scope.sql.raw(
                    "SELECT COUNT(*) AS n FROM call_list_entries WHERE limit_reached = \(bind: true)"
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            try await PlannerStatistics.optimize(on: app.db)
            try await app.asyncShutdown()
            return Seeded(customers: customers, calls: calls, bars: bars, limitReached: limitReached, listID: listID)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    static func number(_ index: Int) -> String {
        String(format: "03-%04d-%04d", index / 10_000 % 10_000, index % 10_000)
    }

    /// `count` ended calls over 90 days; one customer in a hundred had many (a hundred times the rest).
    private static func insertCalls(_ count: Int, scope: TenantScope, customers: [UUID], listID: UUID, agents: [UUID])
        async throws
    {
        let results = ["answered", "unanswered:noAnswer", "unanswered:busy", "unanswered:rejected"]
        let end = Date().addingTimeInterval(-86_400)
        for transactionStart in stride(from: 0, to: count, by: 100_000) {
            try await scope.transaction { scope in
                for start in stride(from: transactionStart, to: min(count, transactionStart + 100_000), by: 500) {
                    var insert = scope.sql.insert(into: CallAttempt.schema).columns(
                        "id", "tenant_id", "user_id", "extension", "call_list_id", "customer_id", "work_row_id",
                        "number", "started_at", "answered_at", "ended_at", "result", "sip_status", "memo", "prospect",
                        "callback")
                    for index in start..<min(count, start + 500) {
                        var random = SystemRandomNumberGenerator()
                        // Half the calls go to the first 1% of customers: those have about a hundred each.
                        let customer =
                            index % 2 == 0
                            ? Int.random(in: 0..<max(1, customers.count / 100), using: &random)
                            : Int.random(in: 0..<customers.count, using: &random)
                        let started = end.addingTimeInterval(-Double(count - index) * (90 * 86_400 / Double(count)))
                        let result = results[index % results.count]
                        insert = insert.values(
                            SQLBind(UUID().uuidString), SQLBind(scope.tenantID.uuidString),
                            SQLBind(agents[index % agents.count].uuidString), SQLBind("1000"),
                            SQLBind(listID.uuidString), SQLBind(customers[customer].uuidString), SQLLiteral.null,
                            SQLBind(try! PhoneNumber.parse(number(customer)).get().e164), SQLBind(started),
                            result == "answered" ? SQLBind(started.addingTimeInterval(5)) : SQLLiteral.null,
                            SQLBind(started.addingTimeInterval(40)), SQLBind(result), SQLLiteral.null,
                            SQLBind(index % 4 == 0 ? "資料送付希望" : ""), SQLBind(false), SQLBind(false))
                    }
                    try await insert.run()
                }
            }
        }
    }

    /// What the database holds after the run: rows handed out, and any handed out twice, barred or at their limit.
    struct Audit: Sendable {
        var rowsOnScreens: Int
        var rowsOnTwoScreens: Int
        var barredOnScreens: Int
        var limitReachedOnScreens: Int
    }

    static func audit(dataDirectory: String) async throws -> Audit {
        let app = try await PhoneBenchmarkSeed.application(dataDirectory)
        do {
            let sql = app.db as! any SQLDatabase
            func count(_ query: SQLQueryString) async throws -> Int {
                try await sql.raw("SELECT COUNT(*) AS n FROM (\(query)) AS q").first()?.decode(
                    column: "n", as: Int.self) ?? 0
            }
            let rows = try await count("SELECT id FROM agent_work_rows")
            let distinct = try await count("SELECT DISTINCT entry_id FROM agent_work_rows")
            let barred = try await count(
                """
                SELECT w.id FROM agent_work_rows w JOIN dial_bars b ON b.number = w.dial_number AND b.lifted_at IS NULL
                """)
            let limited = try await count(
                """
                SELECT w.id FROM agent_work_rows w JOIN call_list_entries e ON e.id = w.entry_id
                WHERE e.limit_reached = \(bind: true)
                """)
            try await app.asyncShutdown()
            return Audit(
                rowsOnScreens: rows, rowsOnTwoScreens: rows - distinct, barredOnScreens: barred,
                limitReachedOnScreens: limited)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
