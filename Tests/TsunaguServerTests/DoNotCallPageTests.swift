import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// 架電禁止リスト: a manager adds a number (any format, once), lifts a bar only with a reason, and never reaches
/// another tenant's bars; agents are refused.
@Suite struct DoNotCallPageTests {
    static func signedInAdmin(_ app: Application, _ client: TestClient) async throws -> (TwoTenants, DialBarStore) {
        let tenants = try await TwoTenants.create(on: app.db)
        _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
        return (tenants, DialBarStore(scope: TenantScope(tenantID: tenants.a, database: app.db)))
    }

    /// A number however typed is stored as E.164 with its note and who added it; the same number again, or a number
    /// that is not one, changes nothing and says why.
    @Test func addANumberOnceWithClearMessages() async throws {
        try await withTestApp { app, client in
            let (_, store) = try await Self.signedInAdmin(app, client)
            #expect(try await client.send(.GET, "/do-not-call").status == .ok)
            let added = try await client.send(.POST, "/do-not-call", form: ["number": "０３－１２３４－５６７８", "note": "本人より"])
            #expect(added.status == .ok && added.body.string.contains("0312345678 を架電禁止リストに追加しました。"))
            let bar = try #require(try await store.activeBar(number: "+81312345678"))
            #expect(bar.source == .manual && bar.note == "本人より" && bar.customerID == nil && bar.createdBy != nil)
            #expect(try await store.isBarred(number: "+81312345678"))
            #expect(added.body.string.contains("架電禁止(手動)") && added.body.string.contains("本人より"))

            let again = try await client.send(.POST, "/do-not-call", form: ["number": "+81 3 1234 5678"])
            #expect(again.status == .conflict && again.body.string.contains("0312345678 はすでに架電禁止リストにあります。"))
            let bad = try await client.send(.POST, "/do-not-call", form: ["number": "03-12", "note": "x"])
            #expect(bad.status == .badRequest && bad.body.string.contains("電話番号の桁数が足りません。"))
            #expect(bad.body.string.contains("value=\"03-12\""), "what was typed stays in the form")
            let letters = try await client.send(.POST, "/do-not-call", form: ["number": "TEL0312345679"])
            #expect(letters.status == .badRequest && letters.body.string.contains("英字"))
            let empty = try await client.send(.POST, "/do-not-call", form: [:])
            #expect(empty.status == .badRequest && empty.body.string.contains("電話番号が入力されていません。"))
            let long = try await client.send(
                .POST, "/do-not-call", form: ["number": "0312345670", "note": String(repeating: "長", count: 501)])
            #expect(long.status == .badRequest && long.body.string.contains("メモが長すぎます"))
            #expect(
                try await store.query(.init(includeLifted: true)).count() == 1, "only the first add stored anything")
        }
    }

    /// Lifting needs a reason: without one the bar stays in force; with one it is kept as history (who, when,
    /// why), shown only when lifted bars are asked for, and cannot be lifted twice.
    @Test func liftOnlyWithAReason() async throws {
        try await withTestApp { app, client in
            let (_, store) = try await Self.signedInAdmin(app, client)
            try await client.send(.POST, "/do-not-call", form: ["number": "0312345678"])
            let bar = try #require(try await store.activeBar(number: "+81312345678"))
            let id = try bar.requireID().uuidString

            for reason in [nil, "", "　 "] {
                let refused = try await client.send(
                    .POST, "/do-not-call/\(id)/lift", form: reason.map { ["reason": $0] } ?? [:])
                #expect(refused.status == .badRequest && refused.body.string.contains("解除の理由を入力してください。"))
                #expect(try await store.isBarred(number: "+81312345678"), "a lift without a reason changes nothing")
            }
            let stored = try #require(try await store.scope.find(DialBar.self, id: bar.id))
            #expect(stored.liftedAt == nil && stored.liftedBy == nil && stored.liftReason == nil)

            let lifted = try await client.send(.POST, "/do-not-call/\(id)/lift", form: ["reason": "番号の持ち主が変わった"])
            #expect(lifted.status == .ok && lifted.body.string.contains("0312345678 の架電禁止を解除しました。"))
            #expect(!(try await store.isBarred(number: "+81312345678")))
            let history = try #require(try await store.scope.find(DialBar.self, id: bar.id))
            #expect(history.liftedAt != nil && history.liftedBy != nil && history.liftReason == "番号の持ち主が変わった")

            let inForce = try await client.send(.GET, "/do-not-call").body.string
            #expect(!inForce.contains("data-number=\"0312345678\""))
            let withLifted = try await client.send(.GET, "/do-not-call?lifted=on").body.string
            #expect(withLifted.contains("解除済み") && withLifted.contains("番号の持ち主が変わった"))
            #expect(withLifted.contains("alpha admin"), "who lifted it")

            let twice = try await client.send(.POST, "/do-not-call/\(id)/lift", form: ["reason": "もう一度"])
            #expect(twice.status == .conflict && twice.body.string.contains("すでに解除されています"))
            #expect(try await store.scope.find(DialBar.self, id: bar.id)?.liftReason == "番号の持ち主が変わった")

            // The number can be barred again: a new bar, the old one stays as history.
            try await client.send(.POST, "/do-not-call", form: ["number": "0312345678"])
            #expect(try await store.query(.init(number: .exact("+81312345678"), includeLifted: true)).count() == 2)
        }
    }

    /// Another tenant's bar is not there (404) and stays as it was; an agent is refused the whole page (403).
    @Test func anotherTenantsBarAndAgentsAreRefused() async throws {
        try await withTestApp { app, client in
            let (tenants, _) = try await Self.signedInAdmin(app, client)
            let storeB = DialBarStore(scope: TenantScope(tenantID: tenants.b, database: app.db))
            guard case .added(let barOfB) = try await storeB.add(number: "+81300002001", note: "B", by: nil, at: Date())
            else { throw CancellationError() }
            let lift = try await client.send(
                .POST, "/do-not-call/\(try barOfB.requireID().uuidString)/lift", form: ["reason": "乗っ取り"])
            #expect(lift.status == .notFound)
            #expect(try await storeB.isBarred(number: "+81300002001"))
            #expect(
                !(try await client.send(.GET, "/do-not-call?search=0300002001").body.string.contains("data-number")))
            let fromCustomer = try await client.send(
                .POST, "/customers/\(tenants.customerOfA.uuidString)/lift-bar",
                form: ["bar": try barOfB.requireID().uuidString, "reason": "乗っ取り"])
            #expect(fromCustomer.status == .notFound)
            #expect(try await storeB.isBarred(number: "+81300002001"))

            let agent = client.newBrowser()
            _ = try await agent.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            #expect(try await agent.send(.GET, "/do-not-call").status == .forbidden)
            #expect(try await agent.send(.POST, "/do-not-call", form: ["number": "0312345678"]).status == .forbidden)
            #expect(try await agent.send(.GET, "/do-not-call/export").status == .forbidden)
            #expect(!(try await agent.send(.GET, "/me").body.string.contains("/do-not-call")))
        }
    }

    /// Searching by number: the whole number however typed, or its start.
    @Test func searchByNumberAndPages() async throws {
        try await withTestApp { app, client in
            let (_, store) = try await Self.signedInAdmin(app, client)
            let entries = (0..<60).map {
                DoNotCallCSVImport.Entry(line: $0 + 2, number: String(format: "+8190%08d", $0), note: "n\($0)")
            }
            _ = try await store.importNumbers(entries, by: nil, at: Date())
            try await client.send(.POST, "/do-not-call", form: ["number": "03-1234-5678"])
            let first = try await client.send(.GET, "/do-not-call").body.string
            #expect(first.contains("61件中 1-50件表示") && first.contains("page=2"))
            #expect(
                first.range(of: "0312345678")!.lowerBound < first.range(of: "09000000059")!.lowerBound, "newest first")
            let second = try await client.send(.GET, "/do-not-call?page=2").body.string
            #expect(second.contains("61件中 51-61件表示"))
            let exact = try await client.send(.GET, "/do-not-call?search=090-0000-0007").body.string
            #expect(exact.contains("1件中 1-1件表示") && exact.contains("n7"))
            let prefix = try await client.send(.GET, "/do-not-call?search=0900000001").body.string
            #expect(prefix.contains("10件中 1-10件表示"))
        }
    }
}
