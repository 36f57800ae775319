import Fluent
import Foundation
import Telephony
import TsunaguCore
import TsunaguServer
import Vapor

/// The database for the phone-screen benchmark: one tenant, many agents, each with a list of customers handed to
/// them, auto-dialling on the simulated carrier. `PhoneBenchmark` seeds it, runs a real server on it, then audits it.
enum PhoneBenchmarkSeed {
    static let tenantCode = "bench"
    static let password = "bench-password"

    static func loginID(_ agent: Int) -> String { "agent\(agent)" }
    static let managerLoginID = "manager"

    /// Seeds a fresh database in `dataDirectory`.
    static func seed(dataDirectory: String, agents: Int, rowsPerAgent: Int) async throws {
        let app = try await application(dataDirectory)
        do {
            try await app.autoMigrate()
            var settings = TenantSettings()
            settings.fetchMode = .automatic
            settings.dialingMode = .automatic
            settings.autoNextAfter = .everyCall
            settings.doubleDialGuardMinutes = 0
            settings.callingWindow = .always
            settings.idleLogoutMinutes = 24 * 60
            let tenant = Tenant(code: tenantCode, name: "Benchmark", settings: settings)
            // A mix of every outcome; answered calls are hung up by the benchmark's agents.
            tenant.carrierRules = try SimulatedCarrierRules(
                text: "0 answer 2\n1 answer 3\n2 busy 1\n3 ringOut\n4 invalid\n5 reject 2\n* answer 2")
            try await tenant.create(on: app.db)
            let scope = TenantScope(tenantID: try tenant.requireID(), database: app.db)
            // A low bcrypt cost: the benchmark measures the phone screen, not sign-in.
            let hash = try Bcrypt.hash(password, cost: 4)
            // The manager whose boards watch the floor (BENCH_BOARDS).
            try await scope.create(
                User(
                    tenantID: scope.tenantID, loginID: managerLoginID, name: "管理者", phoneExtension: "999",
                    role: .admin, passwordHash: hash))
            var agentIDs: [UUID] = []
            for agent in 0..<agents {
                let user = User(
                    tenantID: scope.tenantID, loginID: loginID(agent), name: "架電\(agent)",
                    phoneExtension: String(1000 + agent),
                    role: .agent, passwordHash: hash)
                try await scope.create(user)
                agentIDs.append(try user.requireID())
            }
            let drafts = (0..<(agents * rowsPerAgent)).map { index in
                var draft = CustomerDraft(
                    phone: try! PhoneNumber.parse(String(format: "03-%04d-%04d", index / 10_000, index % 10_000)).get())
                draft.company = "ベンチ株式会社\(index)"
                return draft
            }
            let summary = try await CustomerImporter(scope: scope).importCustomers(drafts, registeredOn: "2026-11-25")
            let listID = try await CallListBuilder(scope: scope).create(
                name: "ベンチマーク", customerIDs: summary.customerIDs, createdBy: nil)
            try await ListDistributor(scope: scope).distribute(listID: listID, mode: .evenSplit, agentIDs: agentIDs)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// What the database holds after the run.
    struct Audit: Sendable {
        var callAttempts: Int
        var endedCalls: Int
        var answeredCalls: Int
        /// Memo of every row still on a screen, by login ID and No (1-based).
        var memos: [String: String]
        /// List rows on more than one screen (must be zero).
        var rowsOnTwoScreens: Int
    }

    static func audit(dataDirectory: String) async throws -> Audit {
        let app = try await application(dataDirectory)
        do {
            let attempts = try await CallAttempt.query(on: app.db).count()
            let ended = try await CallAttempt.query(on: app.db).filter(\.$endedAt != nil).count()
            let answered = try await CallAttempt.query(on: app.db).filter(\.$result == .answered).count()
            let users = Dictionary(
                uniqueKeysWithValues: try await User.query(on: app.db).all().map { ($0.id!, $0.loginID) })
            var memos: [String: String] = [:]
            var positions: [UUID: [AgentWorkRow]] = [:]
            for row in try await AgentWorkRow.query(on: app.db).all() { positions[row.userID, default: []].append(row) }
            for (user, rows) in positions {
                for (index, row) in rows.sorted(by: { $0.position < $1.position }).enumerated() where !row.memo.isEmpty
                {
                    memos["\(users[user] ?? "?")#\(index + 1)"] = row.memo
                }
            }
            let entries = try await AgentWorkRow.query(on: app.db).all().map(\.entryID)
            let duplicated = entries.count - Set(entries).count
            try await app.asyncShutdown()
            return Audit(
                callAttempts: attempts, endedCalls: ended, answeredCalls: answered, memos: memos,
                rowsOnTwoScreens: duplicated)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    static func application(_ dataDirectory: String) async throws -> Application {
        var configuration = ServerConfiguration()
        configuration.dataDirectory = dataDirectory
        configuration.databasePath = (dataDirectory as NSString).appendingPathComponent("tsunagu.sqlite")
        configuration.databaseURL = BenchmarkDatabase.url
        var environment = Environment.testing
        environment.arguments = ["bench"]
        let app = try await Application.make(environment)
        app.logger.logLevel = .warning
        try await app.configureTsunagu(configuration)
        return app
    }
}
