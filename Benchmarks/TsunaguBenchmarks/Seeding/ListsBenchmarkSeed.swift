import Fluent
import Foundation
import SQLKit
import TsunaguCore
import TsunaguServer
import Vapor

/// The lists benchmark's database: one tenant with many customers on call lists and millions of calls.
/// `ListsBenchmark` seeds it, then times 顧客一覧, 通話一覧 and the CSV download on a real server.
enum ListsBenchmarkSeed {
    static let tenantCode = "bench"
    static let adminLoginID = "admin"
    static let password = "bench-password"

    struct Seeded: Sendable, Codable {
        var listIDs: [UUID]
        var importSeconds: Double
        /// The last 100,000 imported, into a tenant that already had all the others.
        var lastImportSeconds: Double
        /// Building the report roll-ups from the calls.
        var rollupSeconds: Double?
    }

    /// Seeds `customers` customers (imported through the server's importer; the time of the first 100,000 is
    /// reported) and `calls` call attempts spread over 90 days.
    static func seed(dataDirectory: String, customers: Int, calls: Int, agents: Int = 50) async throws -> Seeded {
        let app = try await PhoneBenchmarkSeed.application(dataDirectory)
        do {
            try await app.autoMigrate()
            let tenant = Tenant(code: tenantCode, name: "Benchmark")
            try await tenant.create(on: app.db)
            let scope = TenantScope(tenantID: try tenant.requireID(), database: app.db)
            let hash = try Bcrypt.hash(password, cost: 4)
            try await scope.create(
                User(tenantID: scope.tenantID, loginID: adminLoginID, name: "管理者", role: .admin, passwordHash: hash))
            var agentIDs: [UUID] = []
            for agent in 0..<agents {
                let user = User(
                    tenantID: scope.tenantID, loginID: "agent\(agent)", name: "架電\(agent)",
                    phoneExtension: String(300 + agent),
                    role: .agent, passwordHash: hash)
                try await scope.create(user)
                agentIDs.append(try user.requireID())
            }
            let prefectures = ["東京都", "大阪府", "神奈川県", "愛知県", "福岡県", "北海道"]
            let words = ["さくら", "青葉", "みなと", "ひかり", "つばさ", "あおい", "やまと", "ふじ"]
            var customerIDs: [UUID] = []
            var importSeconds = 0.0
            var lastImportSeconds = 0.0
            for start in stride(from: 0, to: customers, by: 100_000) {
                let drafts = (start..<min(customers, start + 100_000)).map { index in
                    var draft = CustomerDraft(
                        phone: try! PhoneNumber.parse(
                            String(format: "03-%04d-%04d", index / 10_000 % 10_000, index % 10_000)
                        ).get())
                    draft.company = "\(words[index % words.count])\(["商事", "工業", "物産", "電機"][index / 8 % 4]) \(index)"
                    draft.companyKana = "カブシキガイシャ\(index % 1000)"
                    draft.prefecture = prefectures[index % prefectures.count]
                    draft.address = "中央\(index % 50)-\(index % 9 + 1)"
                    draft.contactName = index % 3 == 0 ? "" : "担当\(index % 100)"
                    return draft
                }
                let began = DispatchTime.now().uptimeNanoseconds
                let summary = try await CustomerImporter(scope: scope).importCustomers(
                    drafts,
                    registeredOn: String(format: "2026-%02d-%02d", 9 + start / 100_000 % 3, 1 + start / 100_000 % 28))
                lastImportSeconds = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
                if start == 0 { importSeconds = lastImportSeconds }
                customerIDs += summary.customerIDs
            }
            var listIDs: [UUID] = []
            for (index, chunk) in customerIDs.chunks(of: 100_000).enumerated() {
                listIDs.append(
                    try await CallListBuilder(scope: scope).create(
                        name: "リスト\(index + 1)", customerIDs: Array(chunk), createdBy: nil))
            }
            try await insertCalls(calls, scope: scope, customers: customerIDs, agents: agentIDs, lists: listIDs)
            // Final statuses as reporting would leave them.
            let sql = scope.sql
            for (status, modulus) in [(FinalStatus.noAnswer, 3), (.answered, 5), (.prospect, 11), (.callback, 13)] {
                try await sql.raw(
                    """
                    UPDATE customers SET final_status = \(bind: status.rawValue) \
                    WHERE CAST(SUBSTR(phone_e164, LENGTH(phone_e164) - 3) AS INTEGER) % \(unsafeRaw: String(modulus)) = 0
                    """
                ).run()
            }
            // The calls went in without the writer: the report roll-ups are built from them as the migration does.
            let rollupStart = DispatchTime.now().uptimeNanoseconds
            try await ReportRollups.rebuildAll(on: app.db)
            let rollupSeconds = Double(DispatchTime.now().uptimeNanoseconds - rollupStart) / 1e9
            // What the server does when it starts (and hourly): the calls above went in without the importer.
            try await PlannerStatistics.optimize(on: app.db)
            try await app.asyncShutdown()
            return Seeded(
                listIDs: listIDs, importSeconds: importSeconds, lastImportSeconds: lastImportSeconds,
                rollupSeconds: rollupSeconds)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    private static func insertCalls(_ count: Int, scope: TenantScope, customers: [UUID], agents: [UUID], lists: [UUID])
        async throws
    {
        let results = [
            "answered", "unanswered:noAnswer", "unanswered:busy", "unanswered:invalidNumber", "unanswered:rejected",
        ]
        let end = Date(timeIntervalSince1970: 1_795_564_800)
        let batch = 500
        // One transaction per 100,000 calls keeps the write-ahead log small.
        for transactionStart in stride(from: 0, to: count, by: 100_000) {
            try await scope.transaction { scope in
                for start in stride(from: transactionStart, to: min(count, transactionStart + 100_000), by: batch) {
                    var insert = scope.sql.insert(into: CallAttempt.schema).columns(
                        "id", "tenant_id", "user_id", "extension", "call_list_id", "customer_id", "work_row_id",
                        "number",
                        "started_at", "answered_at", "ended_at", "result", "sip_status", "memo", "prospect", "callback")
                    for index in start..<min(count, start + batch) {
                        var random = SystemRandomNumberGenerator()
                        let customer = Int.random(in: 0..<customers.count, using: &random)
                        let agent = index % agents.count
                        let started = end.addingTimeInterval(-Double(count - index) * (90 * 86_400 / Double(count)))
                        let result = results[Int.random(in: 0..<results.count, using: &random)]
                        let answered = result == "answered"
                        insert = insert.values(
                            SQLUUIDBind(UUID()), SQLUUIDBind(scope.tenantID),
                            SQLUUIDBind(agents[agent]),
                            SQLBind(String(300 + agent)), SQLUUIDBind(lists[customer / 100_000 % lists.count]),
                            SQLUUIDBind(customers[customer]), SQLLiteral.null,
                            SQLBind(String(format: "+813%04d%04d", customer / 10_000 % 10_000, customer % 10_000)),
                            SQLBind(started),
                            answered ? SQLBind(started.addingTimeInterval(5)) : SQLLiteral.null,
                            SQLBind(started.addingTimeInterval(40)),
                            SQLBind(result), SQLLiteral.null, SQLBind(answered && index % 4 == 0 ? "資料送付希望" : ""),
                            SQLBind(answered && index % 7 == 0), SQLBind(index % 13 == 0))
                    }
                    try await insert.run()
                }
            }
        }
    }
}
