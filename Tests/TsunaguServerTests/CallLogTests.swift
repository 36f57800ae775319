import Fluent
import Foundation
import SQLKit
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// 通話一覧: every filter of the manual, agents see their own calls, administrators everyone's, another tenant's
/// calls never.
@Suite struct CallLogTests {
    /// Tenant A: the agent called 03-0000-0001 (answered, memo) and 03-0000-0002 (busy) on a list, the admin
    /// dialled 045-000-0003 from the pad; the customer of 0002 is deleted. Tenant B: one call.
    static func seed(_ app: Application) async throws -> (tenants: TwoTenants, listID: UUID) {
        let tenants = try await TwoTenants.create(on: app.db)
        let scope = TenantScope(tenantID: tenants.a, database: app.db)
        let agent = try #require(try await scope.query(User.self).filter(\.$loginID == "agent").first())
        let admin = try #require(try await scope.query(User.self).filter(\.$loginID == "admin").first())
        var drafts = CustomerImporterTests.drafts(2, startingAt: 1)
        drafts[0].company = "通話テスト_商事"
        drafts[0].companyKana = "ツウワテストショウジ"
        drafts[1].company = "削除された物産"
        let customers = try await CustomerImporter(scope: scope).importCustomers(drafts, registeredOn: "2026-11-25")
            .customerIDs
        let listID = try await CallListBuilder(scope: scope).create(
            name: "通話リスト", customerIDs: customers, createdBy: nil)
        // 2026-11-24 23:30 and 2026-11-25 09:00 in Tokyo.
        let late = Date(timeIntervalSince1970: 1_795_530_600)
        let morning = Date(timeIntervalSince1970: 1_795_564_800)
        func record(
            _ user: User, number: String, customer: UUID?, list: UUID?, at date: Date, result: CallResult,
            memo: String = ""
        ) async throws {
            let attempt = CallAttempt(
                tenantID: scope.tenantID, userID: try user.requireID(), phoneExtension: user.phoneExtension,
                callListID: list,
                customerID: customer, workRowID: nil, number: number, startedAt: date)
            attempt.result = result
            attempt.endedAt = date.addingTimeInterval(30)
            attempt.memo = memo
            attempt.prospect = result == .answered
            try await scope.create(attempt)
        }
        agent.phoneExtension = "301"
        try await scope.update(agent)
        admin.phoneExtension = "300"
        try await scope.update(admin)
        try await record(
            agent, number: "+81300000001", customer: customers[0], list: listID, at: late, result: .answered,
            memo: "資料送付")
        try await record(
            agent, number: "+81300000002", customer: customers[1], list: listID, at: morning, result: .unanswered(.busy)
        )
        try await record(
            admin, number: "+81450000003", customer: nil, list: nil, at: morning.addingTimeInterval(60),
            result: .unanswered(.noAnswer))
        try await scope.delete(try #require(try await scope.find(Customer.self, id: customers[1])))
        let scopeB = TenantScope(tenantID: tenants.b, database: app.db)
        let agentB = try #require(try await scopeB.query(User.self).filter(\.$loginID == "agent").first())
        let attemptB = CallAttempt(
            tenantID: tenants.b, userID: try agentB.requireID(), phoneExtension: "301", callListID: nil,
            customerID: tenants.customerOfB,
            workRowID: nil, number: "+81300002001", startedAt: morning)
        attemptB.memo = "ブラボーの秘密"
        try await scopeB.create(attemptB)
        return (tenants, listID)
    }

    static func rows(_ html: String) -> [String] {
        html.components(separatedBy: "<tr").dropFirst(2).map { row in
            row.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
                .split(separator: " ").joined(separator: " ")
        }
    }

    @Test func everyFilter() async throws {
        try await withTestApp { app, client in
            let (_, listID) = try await Self.seed(app)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            func calls(_ query: String) async throws -> [String] {
                let response = try await client.send(.GET, "/calls" + query)
                #expect(response.status == .ok)
                return Self.rows(response.body.string)
            }
            let all = try await calls("")
            #expect(all.count == 2, "the deleted customer's call is hidden")
            #expect(
                all[0].contains("alpha admin(300)") && all[0].contains("0450000003") && all[0].contains("不応答(応答なし)"))
            #expect(
                all[1].contains("alpha agent(301)") && all[1].contains("通話テスト_商事")
                    && all[1].contains("2026年11月24日 23:30:00"))
            #expect(all[1].contains("資料送付") && all[1].contains("✓"))
            #expect(try await client.send(.GET, "/calls").body.string.contains("2件中 1-2件表示"))

            #expect(try await calls("?deleted=on").count == 3)
            #expect(try await calls("?deleted=on&list=\(listID.uuidString)").count == 2)
            #expect(try await calls("?company=%E9%80%9A%E8%A9%B1%E3%83%86%E3%82%B9%E3%83%88_").count == 1)  // 通話テスト_
            #expect(try await calls("?company=%25").count == 0, "a % is taken literally")
            #expect(try await calls("?kana=%E3%83%84%E3%82%A6%E3%83%AF").count == 1)  // ツウワ
            #expect(try await calls("?extension=300").count == 1)
            #expect(try await calls("?phone=03-0000-0001").count == 1)
            #expect(try await calls("?phone=045").count == 1)
            #expect(try await calls("?status=answered").count == 1)
            #expect(try await calls("?status=unanswered&deleted=on").count == 2)
            // Days are the tenant's (Asia/Tokyo): 23:30 on the 24th is not the 25th.
            #expect(try await calls("?from=2026/11/25&to=2026-11-25&deleted=on").count == 2)
            #expect(try await calls("?to=2026/11/24").count == 1)

            let bad = try await client.send(.GET, "/calls?from=2026/02/30&to=2026/01/01")
            #expect(bad.body.string.contains("通話日付「2026/02/30」は日付として正しくありません"))
            #expect(Self.rows(bad.body.string).isEmpty)
        }
    }

    @Test func agentsSeeTheirOwnCallsAndNoTenantSeesAnother() async throws {
        try await withTestApp { app, client in
            _ = try await Self.seed(app)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            let page = try await client.send(.GET, "/calls?deleted=on").body.string
            let rows = Self.rows(page)
            #expect(rows.count == 2 && rows.allSatisfy { $0.contains("alpha agent(301)") })
            #expect(!page.contains("ブラボーの秘密"))
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let admin = try await client.send(.GET, "/calls?deleted=on&extension=301").body.string
            #expect(Self.rows(admin).count == 2 && !admin.contains("ブラボー"))
        }
    }

    /// A company or kana search reads the customers first when the trigram index narrows them (a page of a rare
    /// company took 10 s at 3,000,000 calls in call order), and the count too when the text is the only filter:
    /// whichever table is read first, the rows and the count are those of the call-order query.
    @Test(.enabled(if: TestDatabase.isSQLite, "SQLite's query plan"))
    func textSearchesReadTheCustomersFirstWithTheSameAnswer() async throws {
        try await withTestApp { app, _ in
            let (tenants, _) = try await Self.seed(app)
            let scope = TenantScope(tenantID: tenants.a, database: app.db)
            let agent = try #require(try await scope.query(User.self).filter(\.$loginID == "agent").first())
            let calendar = TenantCalendar(identifier: "Asia/Tokyo")
            let cases: [(fields: [String: String], agent: Bool)] = [
                (["company": "テスト"], false), (["kana": "ツウワ"], false), (["company": "物産", "deleted": "on"], false),
                (["company": "物産"], false), (["company": "テスト", "extension": "301"], false),
                (["company": "テスト"], true), (["company": "商事"], false), (["company": "ブラボー"], false),
            ]
            for (fields, asAgent) in cases {
                let search = try CallLogSearch.parse(fields).get()
                let query = try await CallLogQuery(
                    scope: scope, search: search, onlyUserID: asAgent ? try agent.requireID() : nil, calendar: calendar)
                func companies(_ drive: CallLogQuery.Drive) async throws -> [String?] {
                    try await query.filtered(scope.sql.select().column(SQLColumn("company", table: "c")), drive: drive)
                        .orderBy(
                            SQLOrderBy(
                                expression: SQLColumn("started_at", table: "a"), direction: SQLDirection.descending)
                        )
                        .all().map {
                            try $0.decodeNil(column: "company") ? nil : $0.decode(column: "company", as: String.self)
                        }
                }
                let reference = try await companies(.calls)
                #expect(try await companies(.customers) == reference, "\(fields)")
                #expect(try await query.page(offset: 0, limit: 50).map(\.company) == reference, "\(fields)")
                #expect(try await query.count(upTo: 10_001) == reference.count, "\(fields)")
            }

            let rare = try await CallLogQuery(
                scope: scope, search: try CallLogSearch.parse(["company": "テスト"]).get(), onlyUserID: nil,
                calendar: calendar)
            #expect(rare.pageDrive == .customers && rare.countDrive == .customers)
            let plan: SQLQueryString =
                "EXPLAIN QUERY PLAN \(rare.filtered(scope.sql.select().column(SQLLiteral.numeric("1")), drive: rare.pageDrive).select)"
            let first = try #require(try await scope.sql.raw(plan).all().first).decode(
                column: "detail", as: String.self)
            #expect(first.hasPrefix("SEARCH c ") || first.hasPrefix("SCAN c"), "\(first)")
            let withFilter = try await CallLogQuery(
                scope: scope, search: try CallLogSearch.parse(["company": "通話テスト_商事", "extension": "301"]).get(),
                onlyUserID: nil, calendar: calendar)
            #expect(withFilter.pageDrive == .calls && withFilter.countDrive == .calls, "an underscore is not looked up")
        }
    }
}
