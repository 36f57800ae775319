import FluentKit
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// 設定's calling window and retry rules, the カレンダー page, and the window enforced at the dial even when it
/// changed after ダウンロード.
@Suite struct CallingWindowSettingsTests {
    @Test func savedWindowShowsOnTheCalendar() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let page = try await client.send(.GET, "/admin/settings")
            #expect(page.body.string.contains("毎日24時間"), "the always-open note")
            let saved = try await client.send(
                .POST, "/admin/settings",
                form: [
                    "windowMonday": "9:00-12:00, 13:00-18:00", "windowTuesday": "10:00-19:00", "windowWednesday": "",
                    "windowThursday": "", "windowFriday": "9:00-20:00", "windowSaturday": "", "windowSunday": "",
                    "holidaysClosed": "on", "closedDays": "12/29-1/3\n2026/08/13",
                    "retryEnabled": "on", "retryBusyMinutes": "10", "retryNoAnswerMinutes": "60",
                    "retryRejectedMinutes": "1440", "retryMaximumAttempts": "5",
                    "callbacksOpenAfterMinutes": "45", "dueCallbacksDialNext": "on",
                ])
            #expect(saved.status == .seeOther)
            let settings = try #require(try await Tenant.find(tenants.a, on: app.db)).settings
            #expect(settings.callingWindow.schedule[.monday].map(\.description) == ["9:00-12:00", "13:00-18:00"])
            #expect(settings.callingWindow.schedule[.wednesday].isEmpty)
            #expect(settings.callingWindow.closedDays.map(\.description) == ["12/29-1/3", "2026/08/13"])
            #expect(
                settings.retryPolicy
                    == RetryPolicy(
                        enabled: true, busyWaitMinutes: 10, noAnswerWaitMinutes: 60, rejectedWaitMinutes: 1440,
                        maximumAttempts: 5))
            #expect(
                settings.callbackSettings
                    == CallbackSettings(openToEveryoneAfterMinutes: 45, dueCallbacksDialNext: true))

            let august = try await client.send(.GET, "/calendar?month=2026-08")
            #expect(august.status == .ok)
            let cells = Self.cells(august.body.string)
            // 2026-08-11 (Tue) 山の日; 2026-08-13 (Thu) closed; 2026-08-10 (Mon) two ranges.
            #expect(cells["11"]?.contains("山の日") == true && cells["11"]?.contains("架電なし") == true)
            #expect(cells["13"]?.contains("休業日") == true)
            #expect(cells["10"]?.contains("9:00-12:00, 13:00-18:00") == true)
            let september = try await client.send(.GET, "/calendar?month=2026-09")
            #expect(Self.cells(september.body.string)["22"]?.contains("国民の休日") == true)
            #expect(try await client.send(.GET, "/calendar?month=2100-01").status == .badRequest)
            #expect(try await client.send(.GET, "/calendar?month=2026-13").status == .badRequest)
        }
    }

    /// An impossible time, an end before its start, a bad closed day or a bad number changes nothing and says why.
    @Test(arguments: [
        ("windowMonday", "25:00-26:00", "25:00"),
        ("windowMonday", "18:00-9:00", "月曜日: 終了時刻は開始時刻より後に"),
        ("windowTuesday", "9:00-9:00", "火曜日: 終了時刻は開始時刻より後に"),
        ("closedDays", "13/40", "13/40"),
        ("retryBusyMinutes", "-1", "話し中"),
        ("retryMaximumAttempts", "0", "上限回数"),
        ("callbacksOpenAfterMinutes", "1441", "全員に開放するまでの時間"),
        ("callbacksOpenAfterMinutes", "三十", "全員に開放するまでの時間"),
    ])
    func badValuesChangeNothing(field: String, value: String, named: String) async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let before = try #require(try await Tenant.find(tenants.a, on: app.db)).settings
            let response = try await client.send(
                .POST, "/admin/settings",
                form: [field: value, "windowSunday": "9:00-10:00", "ringTimeoutSeconds": "45"])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains(named))
            #expect(try #require(try await Tenant.find(tenants.a, on: app.db)).settings == before)
        }
    }

    /// The window closes after ダウンロード: 開始 is refused with the next allowed time and nothing is dialled.
    @Test func windowChangedAfterDownloadStopsTheDial() async throws {
        try await withTestApp { app, client in
            let fixture = try await DeskFixture.make(app, rows: 2, first: 5)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            // Today (in Tokyo) is closed; every other day is open all day: the next opening is tomorrow 0:00.
            let tokyo = TimeZone(identifier: "Asia/Tokyo")!
            let today = CivilDate(Date(), in: tokyo)
            let tomorrow = today.adding(days: 1)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            var form = Dictionary(uniqueKeysWithValues: CallingRulesForm.dayFields.map { ($0.1, "0:00-24:00") })
            form["closedDays"] = String(format: "%04d/%02d/%02d", today.year, today.month, today.day)
            form["holidaysClosed"] = "off"
            #expect(try await client.send(.POST, "/admin/settings", form: form).status == .seeOther)
            try await probe.send("start")
            let notice = try await eventually("the refusal") { probe.notices.first { $0.contains("架電可能時間外です") } }
            #expect(notice.contains("次は\(tomorrow.month)月\(tomorrow.day)日("))
            #expect(notice.contains(" 0:00 から架電できます。"))
            #expect(await session.snapshot.autoDialArmed == false)
            #expect(try await fixture.scope.query(CallAttempt.self).count() == 0)
            // The dial pad is refused too; 110 is not.
            try await probe.sendJSON(#"{"type":"dialNumber","number":"03-1234-5678"}"#)
            #expect(try await fixture.scope.query(CallAttempt.self).count() == 0)
            try await probe.sendJSON(#"{"type":"dialNumber","number":"110"}"#)
            try await eventually("the emergency call to be recorded") {
                try await fixture.scope.query(CallAttempt.self).filter(\.$number == "110").first()
            }
        }
    }

    /// Each day cell's text by its day number (days of the shown month only).
    static func cells(_ html: String) -> [String: String] {
        var cells: [String: String] = [:]
        for part in html.components(separatedBy: "<td class=\"").dropFirst() where !part.contains("other-month\"") {
            let cell = part.components(separatedBy: "</td>")[0]
            guard let dayStart = cell.range(of: "<span class=\"day\">"),
                let dayEnd = cell.range(of: "</span>", range: dayStart.upperBound..<cell.endIndex)
            else { continue }
            cells[String(cell[dayStart.upperBound..<dayEnd.lowerBound])] = cell
        }
        return cells
    }
}
