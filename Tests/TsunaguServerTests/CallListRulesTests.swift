import FluentKit
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// A call list's own rules: 商品・サービス and トークスクリプト shown on the phone screen when the call is answered, and
/// a calling window that narrows the tenant's, enforced at the dial.
@Suite struct CallListRulesTests {
    @Test func talkScriptShowsWhenTheCallIsAnswered() async throws {
        try await withTestApp { app, client in
            let fixture = try await DeskFixture.make(app, rows: 2, first: 0)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let saved = try await client.send(
                .POST, "/lists/\(fixture.listID.uuidString)/rules",
                form: ["product": "法人向け光回線", "talkScript": "{自社名}の{オペレーター名}です。{会社名}様ですか。{勧誘目的}"])
            #expect(saved.status == .seeOther)
            let page = try await client.send(.GET, "/lists/\(fixture.listID.uuidString)/rules")
            #expect(page.body.string.contains("法人向け光回線"))

            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            let company = await session.snapshot.rows[0].company
            try await probe.send("start")
            let script = try await eventually("the talk script") {
                probe.messages(ofType: "state").compactMap { ($0["desk"] as? [String: Any])?["talkScript"] as? String }
                    .last
            }
            #expect(
                script == "alpha centerのalpha agentです。\(company)様ですか。本日は法人向け光回線のご案内(勧誘)のためにお電話いたしました。")
        }
    }

    /// A list narrowed to a window that excludes now: its rows are held back at the dial; the tenant's other lists
    /// are not affected.
    @Test func listWindowNarrowsTheTenants() async throws {
        try await withTestApp { app, client in
            let fixture = try await DeskFixture.make(app, rows: 2, first: 5)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let tokyo = TimeZone(identifier: "Asia/Tokyo")!
            let today = CivilDate(Date(), in: tokyo)
            var form = Dictionary(uniqueKeysWithValues: CallingRulesForm.dayFields.map { ($0.1, "0:00-24:00") })
            form["ownWindow"] = "on"
            form["holidaysClosed"] = "off"
            form["closedDays"] = String(format: "%04d/%02d/%02d", today.year, today.month, today.day)
            let saved = try await client.send(.POST, "/lists/\(fixture.listID.uuidString)/rules", form: form)
            #expect(saved.status == .seeOther)
            let list = try #require(try await fixture.scope.find(CallList.self, id: fixture.listID))
            #expect(list.rules.callingWindow?.closedDays.count == 1)
            #expect(
                try #require(try await Tenant.find(fixture.scope.tenantID, on: app.db)).settings.callingWindow
                    == .always)

            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            try await probe.send("start")
            try await eventually("the refusal") { probe.notices.first { $0.contains("架電可能時間外です") } }
            #expect(try await fixture.scope.query(CallAttempt.self).count() == 0)
            // The dial pad is not tied to the list: the tenant's window (always open) applies.
            try await probe.sendJSON(#"{"type":"dialNumber","number":"03-1234-5670"}"#)
            try await eventually("the dial-pad call") { try await fixture.scope.query(CallAttempt.self).first() }
        }
    }

    @Test func badScriptChangesNothing() async throws {
        try await withTestApp { app, client in
            let fixture = try await DeskFixture.make(app, rows: 1)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let response = try await client.send(
                .POST, "/lists/\(fixture.listID.uuidString)/rules", form: ["product": "x", "talkScript": "{社長名}様"])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("{社長名}"))
            let list = try #require(try await fixture.scope.find(CallList.self, id: fixture.listID))
            #expect(list.rules == CallListRules())
        }
    }
}
