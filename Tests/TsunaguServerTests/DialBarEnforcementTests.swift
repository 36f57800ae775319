import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// The bars hold where lists are made and rows handed out (docs/ARCHITECTURE.md, where each rule lives): a
/// barred customer (its refusal, or its number on the 架電禁止リスト) never enters a new list and is never handed
/// out by ダウンロード, even when barred after the list was built; lifting the bar makes it callable again.
@Suite struct DialBarEnforcementTests {
    /// Five customers; the second refused (a bar on the customer and its number), the fourth's number on the list.
    struct Fixture {
        var tenants: TwoTenants
        var scope: TenantScope
        var store: DialBarStore
        var customers: [UUID]
        var refusal: DialBar
    }

    static func fixture(_ app: Application) async throws -> Fixture {
        let tenants = try await TwoTenants.create(on: app.db)
        let scope = TenantScope(tenantID: tenants.a, database: app.db)
        let summary = try await CustomerImporter(scope: scope).importCustomers(
            CustomerImporterTests.drafts(5, startingAt: 100), registeredOn: "2026-11-25")
        let store = DialBarStore(scope: scope)
        let refusal = DialBar(
            tenantID: tenants.a, number: "+81300000101", customerID: summary.customerIDs[1], source: .refusal,
            note: "今後は不要", createdAt: Date(), createdBy: nil)
        try await scope.create(refusal)
        _ = try await store.add(number: "+81300000103", note: "", by: nil, at: Date())
        return Fixture(
            tenants: tenants, scope: scope, store: store, customers: summary.customerIDs, refusal: refusal)
    }

    /// The store's answers the dial check and the list builder use.
    @Test func theChecksSeeRefusalsAndNumbers() async throws {
        try await withTestApp { app, _ in
            let fixture = try await Self.fixture(app)
            let store = fixture.store
            #expect(try await store.isBarred(number: "+81300000101"))
            #expect(try await store.isBarred(number: "+81300000103"))
            #expect(!(try await store.isBarred(number: "+81300000100")))
            let barred = try await store.isBarred(
                numbers: ["+81300000100", "+81300000103"], customers: [fixture.customers[1], fixture.customers[2]])
            #expect(barred.numbers == ["+81300000103"] && barred.customers == [fixture.customers[1]])
            #expect(barred.contains(number: "+81300000100", customer: fixture.customers[1]))
            #expect(!barred.contains(number: "+81300000100", customer: fixture.customers[0]))
            #expect(
                try await store.barredCustomerIDs(among: fixture.customers) == [
                    fixture.customers[1], fixture.customers[3],
                ])
            // Another tenant's store sees none of it.
            let storeB = DialBarStore(scope: TenantScope(tenantID: fixture.tenants.b, database: app.db))
            #expect(!(try await storeB.isBarred(number: "+81300000103")))
            #expect(try await storeB.barredCustomerIDs(among: fixture.customers).isEmpty)
        }
    }

    /// Many customers: whichever side is smaller drives, and both give the same answer.
    @Test func barredCustomersAmongMany() async throws {
        try await withTestApp { app, _ in
            let scope = try await CustomerImporterTests.tenantScope(app)
            let ids = try await CustomerImporter(scope: scope).importCustomers(
                CustomerImporterTests.drafts(3_000), registeredOn: "2026-11-25"
            ).customerIDs
            let store = DialBarStore(scope: scope)
            #expect(try await store.barredCustomerIDs(among: ids).isEmpty)
            let refusal = DialBar(
                tenantID: scope.tenantID, number: "+81300000010", customerID: ids[10], source: .refusal, note: "",
                createdAt: Date(), createdBy: nil)
            try await scope.create(refusal)
            _ = try await store.importNumbers(
                [.init(line: 1, number: "+81300002999", note: "")], by: nil, at: Date())
            // Two bars, three thousand ids: the bars drive.
            #expect(try await store.barredCustomerIDs(among: ids) == [ids[10], ids[2_999]])
            _ = try await store.importNumbers(
                (0..<4_000).map { .init(line: $0, number: String(format: "+8190%08d", $0), note: "") }, by: nil,
                at: Date())
            // More bars than ids: the ids drive, a chunk at a time.
            #expect(try await store.barredCustomerIDs(among: ids) == [ids[10], ids[2_999]])
        }
    }

    /// リスト再作成 leaves the barred customers out and says how many.
    @Test func barredCustomersAreNotInARebuiltList() async throws {
        try await withTestApp { app, client in
            let fixture = try await Self.fixture(app)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let created = try await client.send(
                .POST, "/customers/list", form: ["name": "再作成", "phone": "03-0000-01"])
            #expect(created.status == .seeOther && created.location == "/lists?created=3&barred=2")
            let page = try await client.send(.GET, try #require(created.location)).body.string
            #expect(page.contains("3件のコールリストを作成しました。 架電禁止の顧客 2件はリストに入れませんでした。"))
            let list = try #require(try await fixture.scope.query(CallList.self).filter(\.$name == "再作成").first())
            let entries = try await fixture.scope.query(CallListEntry.self).filter(\.$callListID == list.requireID())
                .sort(\.$position).all()
            #expect(entries.map(\.customerID) == [0, 2, 4].map { fixture.customers[$0] })
            #expect(entries.map(\.position) == [0, 1, 2])
        }
    }

    /// Import as a list: the barred customers (a number on the list among them) are imported but left out of the
    /// list, and the message says so.
    @Test func importAsAListLeavesBarredCustomersOut() async throws {
        try await withTestApp { app, client in
            let fixture = try await Self.fixture(app)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            _ = try await fixture.store.add(number: "+81355550002", note: "", by: nil, at: Date())
            let file = CP932.encode("会社名,電話番号\r\n新規1,03-5555-0001\r\n新規2,03-5555-0002\r\n既存,03-0000-0101\r\n")
            let preview = try await client.upload("/customers/import", fileName: "c.csv", bytes: file)
            let token = try DoNotCallImportTests.token(preview.body.string)
            let done = try await client.send(
                .POST, "/customers/import/confirm", form: ["token": token, "listName": "取込リスト"])
            #expect(done.body.string.contains("コールリスト「取込リスト」を作成しました。 架電禁止の顧客 2件はリストに入れませんでした。"))
            let list = try #require(try await fixture.scope.query(CallList.self).filter(\.$name == "取込リスト").first())
            let entries = try await fixture.scope.query(CallListEntry.self).filter(\.$callListID == list.requireID())
                .all()
            #expect(entries.count == 1)
            let listed = try #require(try await fixture.scope.find(Customer.self, id: entries.first?.customerID))
            #expect(listed.phoneE164 == "+81355550001")
        }
    }

    /// A row barred after its list was built stays in the pool, untouched, and ダウンロード never hands it out;
    /// once the bar is lifted it is handed out again.
    @Test func rowsBarredAfterTheListWasBuiltAreNotHandedOut() async throws {
        try await withTestApp { app, _ in
            let tenants = try await TwoTenants.create(on: app.db)
            let scope = TenantScope(tenantID: tenants.a, database: app.db)
            let agent = try #require(try await scope.query(User.self).filter(\.$loginID == "agent").first()?.id)
            let customers = try await CustomerImporter(scope: scope).importCustomers(
                CustomerImporterTests.drafts(4, startingAt: 200), registeredOn: "2026-11-25"
            ).customerIDs
            let listID = try await CallListBuilder(scope: scope).create(
                name: "先に作成", customerIDs: customers, createdBy: nil)
            try await ListDistributor(scope: scope).distribute(listID: listID, mode: .sharedPool, agentIDs: [])
            let store = DialBarStore(scope: scope)
            let refusal = DialBar(
                tenantID: tenants.a, number: "+81300000201", customerID: customers[1], source: .refusal, note: "",
                createdAt: Date(), createdBy: nil)
            try await scope.create(refusal)
            _ = try await store.importNumbers([.init(line: 1, number: "+81300000202", note: "")], by: nil, at: Date())
            // A refusal on the customer alone (its number unreadable) bars the customer too.
            let customerOnly = DialBar(
                tenantID: tenants.a, number: nil, customerID: customers[3], source: .refusal, note: "",
                createdAt: Date(), createdBy: nil)
            try await scope.create(customerOnly)

            let claimer = RowClaimer(scope: scope)
            let claimed = try await claimer.claim(for: agent, limit: 500)
            let entries = try await scope.query(CallListEntry.self).filter(\.$callListID == listID).sort(\.$position)
                .all()
            #expect(claimed == [entries[0].id!], "only the row that may be dialled")
            #expect(!(try await claimer.hasWaiting(for: agent)), "barred rows do not count as waiting")
            for barred in entries[1...] {
                #expect(barred.state == .waiting && barred.assignedUserID == nil, "a barred row stays in the pool")
            }

            _ = try await store.lift(id: try refusal.requireID(), reason: "本人から再開の依頼", by: nil, at: Date())
            #expect(try await claimer.claim(for: agent, limit: 500) == [entries[1].id!])
        }
    }
}
