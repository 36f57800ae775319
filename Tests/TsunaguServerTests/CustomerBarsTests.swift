import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// 顧客一覧 marks and filters the customers that may not be dialled; 顧客編集 shows their bars (who, when, which
/// call, the note) and lets a manager lift one with a reason, keeping the lifted ones as history.
@Suite struct CustomerBarsTests {
    /// 勧誘お断り on the refused customer, 架電禁止 on the one whose number is on the list; the filter 架電禁止 gives
    /// either set, and the other filters still apply.
    @Test func customerListMarksAndFiltersBarredCustomers() async throws {
        try await withTestApp { app, client in
            let fixture = try await DialBarEnforcementTests.fixture(app)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let all = try await client.send(.GET, "/customers?phone=03-0000-01").body.string
            #expect(all.contains("5件中 1-5件表示"))
            #expect(all.contains("03-0000-0101 <span class=\"badge\">勧誘お断り</span>"))
            #expect(all.contains("03-0000-0103 <span class=\"badge\">架電禁止</span>"))
            #expect(all.contains("<td>03-0000-0100</td>"), "a customer that may be dialled has no mark")

            let barred = try await client.send(.GET, "/customers?dnc=barred").body.string
            #expect(barred.contains("2件中 1-2件表示") && barred.contains("株式会社101") && barred.contains("株式会社103"))
            let notBarred = try await client.send(.GET, "/customers?dnc=notBarred").body.string
            #expect(notBarred.contains("4件中 1-4件表示") && !notBarred.contains("株式会社101"))
            let narrowed = try await client.send(.GET, "/customers?dnc=barred&phone=03-0000-0103").body.string
            #expect(narrowed.contains("1件中 1-1件表示"))
            #expect(barred.contains("<option value=\"barred\" selected>架電禁止のみ</option>"))

            // Lifting the refusal takes the customer out of 「架電禁止のみ」.
            _ = try await fixture.store.lift(id: try fixture.refusal.requireID(), reason: "再開", by: nil, at: Date())
            #expect(try await client.send(.GET, "/customers?dnc=barred").body.string.contains("1件中 1-1件表示"))
        }
    }

    /// 顧客編集 shows the refusal with who, when, which call and the note; a manager lifts it only with a reason, and
    /// then the customer may be dialled again and the bar is listed as lifted. An agent sees the bar but no 解除.
    @Test func customerEditShowsAndLiftsTheRefusal() async throws {
        try await withTestApp { app, client in
            let fixture = try await DialBarEnforcementTests.fixture(app)
            let scope = fixture.scope
            let admin = try #require(try await scope.query(User.self).filter(\.$loginID == "admin").first())
            let customerID = fixture.customers[1]
            let call = CallAttempt(
                tenantID: scope.tenantID, userID: admin.id, phoneExtension: "101", callListID: nil,
                customerID: customerID, workRowID: nil, number: "+81300000101",
                startedAt: Date(timeIntervalSince1970: 1_795_000_000))
            try await scope.create(call)
            let refusal = try #require(try await scope.find(DialBar.self, id: fixture.refusal.id))
            refusal.callAttemptID = call.id
            refusal.createdBy = admin.id
            try await scope.update(refusal)
            let page = "/customers/\(customerID.uuidString)"

            let agent = client.newBrowser()
            _ = try await agent.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            let seen = try await agent.send(.GET, page).body.string
            #expect(seen.contains("勧誘お断り") && seen.contains("今後は不要") && !seen.contains("lift-bar"))
            let refused = try await agent.send(
                .POST, page + "/lift-bar", form: ["bar": refusal.id!.uuidString, "reason": "勝手に解除"])
            #expect(refused.status == .forbidden)

            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let shown = try await client.send(.GET, page).body.string
            #expect(shown.contains("<h2>架電禁止</h2>") && shown.contains("今後は不要") && shown.contains("alpha admin"))
            #expect(shown.contains("2026年11月18日"), "the call during which the customer refused, in Tokyo time")
            #expect(shown.contains("action=\"/customers/\(customerID.uuidString)/lift-bar\""))

            let noReason = try await client.send(.POST, page + "/lift-bar", form: ["bar": refusal.id!.uuidString])
            #expect(noReason.status == .badRequest && noReason.body.string.contains("解除の理由を入力してください。"))
            #expect(try await fixture.store.barredCustomerIDs(among: [customerID]) == [customerID])

            let lifted = try await client.send(
                .POST, page + "/lift-bar", form: ["bar": refusal.id!.uuidString, "reason": "本人から再開の依頼"])
            #expect(lifted.status == .ok && lifted.body.string.contains("架電禁止を解除しました。"))
            #expect(try await fixture.store.barredCustomerIDs(among: [customerID]).isEmpty, "callable again")
            let history = lifted.body.string
            #expect(history.contains("解除された架電禁止") && history.contains("本人から再開の依頼"))
            #expect(!history.contains("<h2>架電禁止</h2>"), "no bar in force any more")

            // A bar on another customer's number is not this page's to lift.
            let other = try #require(try await fixture.store.activeBar(number: "+81300000103"))
            let wrong = try await client.send(
                .POST, page + "/lift-bar", form: ["bar": other.id!.uuidString, "reason": "違う顧客"])
            #expect(wrong.status == .notFound)
            #expect(try await fixture.store.isBarred(number: "+81300000103"))
        }
    }
}
