import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// 顧客一覧: every filter of the manual, the scope setting, paging.
@Suite struct CustomerListFilterTests {
    struct Fixture {
        var tenants: TwoTenants
        var listID: UUID
        var agentID: UUID
    }

    /// Tenant A gets five customers with different attributes; one is on a list, one is deleted.
    static func fixture(_ app: Application) async throws -> Fixture {
        let tenants = try await TwoTenants.create(on: app.db)
        let scope = TenantScope(tenantID: tenants.a, database: app.db)
        let agent = try #require(try await scope.query(User.self).filter(\.$loginID == "agent").first())
        let specs: [(String, String, String, String, String, FinalStatus, Bool, Bool)] = [
            ("さくら商事", "サクラショウジ", "03-1111-2222", "東京都", "2024-11-01", .noAnswer, true, true),
            ("青葉工業", "アオバコウギョウ", "06-6111-3333", "大阪府", "2024-11-10", .callback, false, false),
            ("みなと水産", "ミナトスイサン", "090-1234-5678", "北海道", "2024-11-20", .prospect, true, false),
            ("ひかり電機", "ヒカリデンキ", "052-111-4444", "愛知県", "2024-12-05", .notCalled, false, false),
            ("消えた会社", "キエタカイシャ", "03-9999-0000", "東京都", "2024-11-02", .answered, false, false),
        ]
        var ids: [UUID] = []
        for spec in specs {
            var draft = CustomerDraft(company: spec.0, companyKana: spec.1, phone: try PhoneNumber.parse(spec.2).get())
            draft.prefecture = spec.3
            draft.address = "中央1-1"
            let customer = Customer(
                tenantID: tenants.a, draft: draft, registeredOn: spec.4, ownerUserID: spec.7 ? agent.id : nil)
            customer.finalStatus = spec.5
            customer.distributed = spec.6
            try await scope.create(customer)
            ids.append(try customer.requireID())
        }
        try await scope.delete(try #require(try await scope.find(Customer.self, id: ids[4])))
        let list = CallList(tenantID: tenants.a, name: "11月リスト", createdByUserID: nil)
        try await scope.create(list)
        try await scope.create(
            CallListEntry(tenantID: tenants.a, callListID: try list.requireID(), customerID: ids[1], position: 0))
        return Fixture(tenants: tenants, listID: try list.requireID(), agentID: try agent.requireID())
    }

    static func companies(_ client: TestClient, _ query: String) async throws -> [String] {
        let html = try await client.send(.GET, "/customers?" + query).body.string
        let names = ["さくら商事", "青葉工業", "みなと水産", "ひかり電機", "消えた会社", "アルファ株式会社", "ブラボー株式会社"]
        return names.filter { html.contains("<td>\($0)</td>") }
    }

    @Test func everyFilter() async throws {
        try await withTestApp { app, client in
            let fixture = try await Self.fixture(app)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            #expect(try await Self.companies(client, "") == ["さくら商事", "青葉工業", "みなと水産", "ひかり電機", "アルファ株式会社"])
            #expect(try await Self.companies(client, "list=\(fixture.listID.uuidString)") == ["青葉工業"])
            #expect(try await Self.companies(client, "list=\(UUID().uuidString)") == [])
            #expect(try await Self.companies(client, "distributed=distributed") == ["さくら商事", "みなと水産"])
            #expect(try await Self.companies(client, "from=2024/11/05&to=2024/11/30") == ["青葉工業", "みなと水産"])
            #expect(try await Self.companies(client, "status=callback&status=prospect") == ["青葉工業", "みなと水産"])
            #expect(try await Self.companies(client, "status=answered&deleted=on") == ["消えた会社"])
            #expect(try await Self.companies(client, "company=%E5%B7%A5%E6%A5%AD") == ["青葉工業"])  // 工業
            #expect(try await Self.companies(client, "kana=%E3%83%87%E3%83%B3%E3%82%AD") == ["ひかり電機"])  // デンキ
            #expect(try await Self.companies(client, "prefecture=%E5%8C%97%E6%B5%B7%E9%81%93") == ["みなと水産"])  // 北海道
            #expect(
                try await Self.companies(client, "address=%E4%B8%AD%E5%A4%AE&prefecture=%E6%9D%B1%E4%BA%AC") == [
                    "さくら商事"
                ])
        }
    }

    /// The page's order: a list's customers in list order, 登録日付 searches newest registration first, otherwise
    /// newest first.
    @Test func pageOrderFollowsTheListOrTheRegistration() async throws {
        try await withTestApp { app, client in
            let fixture = try await Self.fixture(app)
            let scope = TenantScope(tenantID: fixture.tenants.a, database: app.db)
            func id(_ company: String) async throws -> UUID {
                try #require(try await scope.query(Customer.self).filter(\.$company == company).first()?.requireID())
            }
            try await scope.create(
                CallListEntry(
                    tenantID: fixture.tenants.a, callListID: fixture.listID, customerID: try await id("ひかり電機"),
                    position: 1))
            try await scope.create(
                CallListEntry(
                    tenantID: fixture.tenants.a, callListID: fixture.listID, customerID: try await id("さくら商事"),
                    position: 2))
            let late = Customer(
                tenantID: fixture.tenants.a,
                draft: CustomerDraft(company: "遅れて登録", phone: try PhoneNumber.parse("03-5555-0001").get()),
                registeredOn: "2024-10-15", ownerUserID: nil)
            try await scope.create(late)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            func ordered(_ query: String) async throws -> [String] {
                let html = try await client.send(.GET, "/customers?" + query).body.string
                let names = ["さくら商事", "青葉工業", "みなと水産", "ひかり電機", "遅れて登録"]
                return names.compactMap { name in html.range(of: "<td>\(name)</td>").map { (name, $0.lowerBound) } }
                    .sorted { $0.1 < $1.1 }.map(\.0)
            }
            #expect(try await ordered("list=\(fixture.listID.uuidString)") == ["青葉工業", "ひかり電機", "さくら商事"])
            #expect(try await ordered("from=2024/10/01&to=2024/12/31") == ["ひかり電機", "みなと水産", "青葉工業", "さくら商事", "遅れて登録"])
            #expect(try await ordered("") == ["遅れて登録", "ひかり電機", "みなと水産", "青葉工業", "さくら商事"])
        }
    }

    /// 電話番号 matches however the number was typed, or part of it.
    @Test(arguments: [
        "0901234-5678", "+81 90 1234 5678",
        "%EF%BC%90%EF%BC%99%EF%BC%90%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96%EF%BC%97%EF%BC%98", "090-12",
        "5678",
    ])
    func phoneMatchesAnyTyping(query: String) async throws {
        try await withTestApp { app, client in
            _ = try await Self.fixture(app)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            #expect(
                try await Self.companies(
                    client,
                    "phone=\(query.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: " ", with: "%20"))"
                ) == ["みなと水産"])
        }
    }

    /// With 「自分が担当者の顧客のみ」, an agent sees only their own customers; an admin still sees all.
    @Test func ownCustomersOnlyScope() async throws {
        try await withTestApp { app, client in
            let fixture = try await Self.fixture(app)
            let tenant = try #require(try await Tenant.find(fixture.tenants.a, on: app.db))
            tenant.settings.customerScope = .ownCustomersOnly
            try await tenant.save(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            #expect(try await Self.companies(client, "") == ["さくら商事"])
            let admin = client.newBrowser()
            _ = try await admin.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            #expect(try await Self.companies(admin, "").count == 5)
        }
    }

    @Test func impossibleDateIsExplainedAndShowsNothing() async throws {
        try await withTestApp { app, client in
            _ = try await Self.fixture(app)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let page = try await client.send(.GET, "/customers?from=2024/02/30")
            #expect(page.body.string.contains("登録日付「2024/02/30」は日付として正しくありません"))
            #expect(try await Self.companies(client, "from=2024/02/30") == [])
        }
    }

    @Test func pagingKeepsTheFilters() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            let scope = TenantScope(tenantID: tenants.a, database: app.db)
            _ = try await CustomerImporter(scope: scope).importCustomers(
                CustomerImporterTests.drafts(120), registeredOn: "2024-11-05")
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            // The tenant's own fixture customer was registered on another day: the filter leaves exactly the 120.
            let first = try await client.send(.GET, "/customers?from=2024-11-05&to=2024-11-05").body.string
            #expect(first.contains("120件中 1-50件表示"))
            #expect(first.contains("to=2024-11-05&amp;page=2") || first.contains("to=2024-11-05&page=2"))
            let second = try await client.send(.GET, "/customers?from=2024-11-05&to=2024-11-05&page=2").body.string
            #expect(second.contains("120件中 51-100件表示"))
            let last = try await client.send(.GET, "/customers?from=2024-11-05&to=2024-11-05&page=99").body.string
            #expect(last.contains("120件中 101-120件表示"))
        }
    }

    /// Past 10,000 matches the count stops: the page says so and paging goes on.
    @Test func countStopsAtTenThousand() async throws {
        try await withTestApp { app, client in
            let scope = try await CustomerImporterTests.tenantScope(app)
            let drafts = (0...10_000).map { index in
                CustomerDraft(
                    company: "株式会社\(index)",
                    phone: try! PhoneNumber.parse(String(format: "03-%04d-%04d", index / 10_000, index % 10_000)).get())
            }
            _ = try await CustomerImporter(scope: scope).importCustomers(drafts, registeredOn: "2026-11-25")
            let hash = try Bcrypt.hash(TwoTenants.password, cost: 4)
            try await scope.create(
                User(tenantID: scope.tenantID, loginID: "admin", name: "管理者", role: .admin, passwordHash: hash))
            let code = try #require(try await Tenant.find(scope.tenantID, on: app.db)).code
            _ = try await client.signIn(tenant: code, loginID: "admin", password: TwoTenants.password)
            #expect(try await client.send(.GET, "/customers").body.string.contains("10000件以上のうち 1-50件表示"))
            #expect(
                try await client.send(.GET, "/customers?page=200").body.string.contains("10000件以上のうち 9951-10000件表示"))
            #expect(try await client.send(.GET, "/customers?phone=03-0000-1234").body.string.contains("1件中 1-1件表示"))
        }
    }
}
