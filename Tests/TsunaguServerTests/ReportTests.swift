import FluentKit
import Foundation
import SQLKit
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// レポート: figures per agent and per list over any period equal counts written here in plain SQL over the facts;
/// time in each state makes wrap-up, pause and utilisation; the CSV opens as CP932; bad periods and unknown ids get a
/// message.
@Suite struct ReportTests {
    static let zone = TimeZone(identifier: "Asia/Tokyo")!
    /// 2026-11-02 00:00 JST, a Monday.
    static let monday = Date(timeIntervalSince1970: 1_793_545_200)

    struct Counted: Decodable, Equatable {
        var calls: Int
        var contacts: Int
        var prospects: Int
        var callbacks: Int
    }

    /// The facts counted by hand: calls placed from `from` to the end of `to` (tenant days), by user or list.
    static func counted(
        _ db: any Database, tenant: UUID, from: String, to: String, user: UUID? = nil, list: UUID?? = nil
    ) async throws -> (Counted, Double) {
        let calendar = TenantCalendar(zone: zone)
        let start = calendar.startOfDay(from)!
        let end = calendar.startOfDay(to)!.addingTimeInterval(86_400)
        var filter: SQLQueryString = """
            "tenant_id" = \(bind: tenant) AND "started_at" >= \(bind: start) AND "started_at" < \(bind: end)
            """
        if let user { filter += " AND \"user_id\" = \(bind: user)" }
        switch list {
        case .some(.some(let id)): filter += " AND \"call_list_id\" = \(bind: id)"
        case .some(.none): filter += " AND \"call_list_id\" IS NULL"
        case .none: break
        }
        let counted = try await db.sql.raw(
            """
            SELECT COUNT(*) AS "calls", \
            COALESCE(SUM(CASE WHEN "result" = 'answered' THEN 1 ELSE 0 END), 0) AS "contacts", \
            COALESCE(SUM(CASE WHEN "prospect" THEN 1 ELSE 0 END), 0) AS "prospects", \
            COALESCE(SUM(CASE WHEN "callback" THEN 1 ELSE 0 END), 0) AS "callbacks" \
            FROM "call_attempts" WHERE \(filter)
            """
        ).first(decoding: Counted.self)!
        struct Times: Decodable {
            var answered_at: Date?
            var ended_at: Date?
            var result: String?
        }
        let talk = try await db.sql.raw(
            "SELECT \"answered_at\", \"ended_at\", \"result\" FROM \"call_attempts\" WHERE \(filter)"
        ).all(decoding: Times.self).reduce(0.0) { sum, row in
            guard row.result == "answered", let answered = row.answered_at, let ended = row.ended_at else { return sum }
            return sum + ended.timeIntervalSince(answered)
        }
        return (counted, talk)
    }

    /// The calls and contacts counted by hand per weekday (Monday first) and hour of the tenant's zone, and the calls
    /// per day ("2026-11-02 7"), with Foundation's calendar rather than the roll-ups' arithmetic.
    static func countedByHour(_ db: any Database, tenant: UUID, from: String, to: String) async throws -> (
        [[[Int]]], [String]
    ) {
        let calendar = TenantCalendar(zone: zone)
        let start = calendar.startOfDay(from)!
        let end = calendar.startOfDay(to)!.addingTimeInterval(86_400)
        struct Call: Decodable {
            var started_at: Date
            var result: String?
        }
        let calls = try await db.sql.raw(
            """
            SELECT "started_at", "result" FROM "call_attempts" WHERE "tenant_id" = \(bind: tenant) \
            AND "started_at" >= \(bind: start) AND "started_at" < \(bind: end)
            """
        ).all(decoding: Call.self)
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = zone
        var cells = Array(repeating: Array(repeating: [0, 0], count: 24), count: 7)
        var days: [String: Int] = [:]
        for call in calls {
            let parts = gregorian.dateComponents([.year, .month, .day, .hour, .weekday], from: call.started_at)
            let row = (parts.weekday! + 5) % 7  // Sunday is 1
            cells[row][parts.hour!][0] += 1
            if call.result == "answered" { cells[row][parts.hour!][1] += 1 }
            days[String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!), default: 0] += 1
        }
        return (cells, days.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" })
    }

    static func shown(_ figures: CallFigures) -> Counted {
        Counted(
            calls: figures.calls, contacts: figures.contacts, prospects: figures.prospects,
            callbacks: figures.callbacks)
    }

    @Test func figuresEqualCountsInPlainSQLForEveryPeriodAndGrouping() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            let secondList = try await CallListBuilder(scope: fixture.scope).create(
                name: "第二リスト", customerIDs: [fixture.customerIDs[0]], createdBy: nil)
            let tenantB = TenantScope(tenantID: fixture.tenants.b, database: app.db)
            let agentB = try #require(try await tenantB.query(User.self).first()?.id)
            var generator = SystemRandomNumberGenerator()
            // 400 calls over six weeks around the periods asked for, at any hour (midnight edges included).
            for index in 0..<400 {
                let inB = index % 7 == 6
                let started = Self.monday.addingTimeInterval(
                    Double.random(in: (-7 * 86_400)...(35 * 86_400), using: &generator))
                let list: UUID? = inB || index % 5 == 0 ? nil : index % 2 == 0 ? fixture.listID : secondList
                try await ReportSeed(scope: inB ? tenantB : fixture.scope).call(
                    user: inB ? agentB : index % 3 == 0 ? fixture.otherAgentID : fixture.agentID, list: list,
                    number: "+8130001\(index)", started: started, talk: index % 4 == 0 ? nil : Double(index % 90),
                    prospect: index % 6 == 0, callback: index % 8 == 0)
            }
            let periods = [
                ReportPeriod.around("2026-11-02", kind: .day), ReportPeriod.around("2026-11-04", kind: .week),
                ReportPeriod.around("2026-11-15", kind: .month),
                ReportPeriod(kind: .range, from: "2026-10-28", to: "2026-12-03"),
            ]
            for period in periods {
                for grouping in ReportQuery.Grouping.allCases {
                    let report = try await ReportQuery(
                        scope: fixture.scope, period: period, grouping: grouping, zone: Self.zone, now: Date()
                    ).run()
                    let keys: [(UUID, UUID??)] =
                        grouping == .agent
                        ? [(fixture.agentID, nil), (fixture.otherAgentID, nil)]
                        : [
                            (fixture.listID, .some(fixture.listID)), (secondList, .some(secondList)),
                            (ReportRollups.none, .some(nil)),
                        ]
                    for (key, list) in keys {
                        let (counted, talk) = try await Self.counted(
                            app.db, tenant: fixture.scope.tenantID, from: period.from, to: period.to,
                            user: grouping == .agent ? key : nil, list: list)
                        let row = report.rows.first { $0.key == key }?.calls ?? CallFigures()
                        #expect(Self.shown(row) == counted, "\(period) \(grouping) \(key)")
                        #expect(abs(row.talkSeconds - talk) < 0.001, "\(period) \(grouping) \(key)")
                    }
                    let (all, _) = try await Self.counted(
                        app.db, tenant: fixture.scope.tenantID, from: period.from, to: period.to)
                    #expect(Self.shown(report.total.calls) == all)
                    #expect(report.days.map(\.calls).reduce(0, +) == all.calls)
                    #expect(report.heatMap.joined().map(\.contacts).reduce(0, +) == all.contacts)
                    let (cells, perDay) = try await Self.countedByHour(
                        app.db, tenant: fixture.scope.tenantID, from: period.from, to: period.to)
                    #expect(report.heatMap.map { $0.map { [$0.calls, $0.contacts] } } == cells, "\(period)")
                    #expect(report.days.filter { $0.calls > 0 }.map { "\($0.day) \($0.calls)" } == perDay)
                }
            }
            // Narrowed to one list and one agent.
            let period = ReportPeriod.around("2026-11-15", kind: .month)
            let narrowed = try await ReportQuery(
                scope: fixture.scope, period: period, grouping: .agent, agentID: fixture.agentID,
                listID: fixture.listID, zone: Self.zone, now: Date()
            ).run()
            let (counted, _) = try await Self.counted(
                app.db, tenant: fixture.scope.tenantID, from: period.from, to: period.to, user: fixture.agentID,
                list: .some(fixture.listID))
            #expect(Self.shown(narrowed.total.calls) == counted)

            // The roll-up built again from the facts (the migration's path) holds the same sums.
            let before = try await ReportQuery(
                scope: fixture.scope, period: ReportPeriod(kind: .range, from: "2026-10-20", to: "2026-12-10"),
                grouping: .list, zone: Self.zone, now: Date()
            ).run()
            try await ReportRollups(scope: fixture.scope).rebuild(zone: Self.zone)
            let after = try await ReportQuery(
                scope: fixture.scope, period: ReportPeriod(kind: .range, from: "2026-10-20", to: "2026-12-10"),
                grouping: .list, zone: Self.zone, now: Date()
            ).run()
            #expect(Self.shown(before.total.calls) == Self.shown(after.total.calls))
            #expect(abs(before.total.calls.talkSeconds - after.total.calls.talkSeconds) < 0.001)
            // And by the migration that replaced the hourly roll-ups, run again.
            try await CreateDailyReportRollups().revert(on: app.db)
            try await CreateDailyReportRollups().prepare(on: app.db)
            let migrated = try await ReportQuery(
                scope: fixture.scope, period: ReportPeriod(kind: .range, from: "2026-10-20", to: "2026-12-10"),
                grouping: .agent, zone: Self.zone, now: Date()
            ).run()
            #expect(Self.shown(before.total.calls) == Self.shown(migrated.total.calls))
            #expect(migrated.heatMap.map { $0.map(\.calls) } == before.heatMap.map { $0.map(\.calls) })
        }
    }

    @Test func stateTimeMakesWrapUpPauseAndUtilisation() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            let nine = Self.monday.addingTimeInterval(9 * 3600)
            func at(_ minutes: Double) -> Date { nine.addingTimeInterval(minutes * 60) }
            try await ReportSeed(scope: fixture.scope).states(
                user: fixture.agentID,
                [
                    (.idle, at(0)), (.dialing, at(10)), (.talking, at(11)), (.wrapUp, at(20)),
                    (.paused(reason: "会議"), at(30)), (.idle, at(60)), (.offline, at(90)),
                ], list: fixture.listID)
            let day = ReportPeriod.around("2026-11-02", kind: .day)
            let report = try await ReportQuery(
                scope: fixture.scope, period: day, grouping: .agent, zone: Self.zone, now: Date()
            ).run()
            let time = try #require(report.rows.first { $0.key == fixture.agentID }?.time)
            #expect(time.seconds(in: .idle) == 2_400)
            #expect(time.seconds(in: .dialing) == 60)
            #expect(time.seconds(in: .talking) == 540)
            #expect(time.wrapUpSeconds == 600)
            #expect(time.pausedByReason == ["会議": 1_800])
            #expect(time.signedInSeconds == 5_400)
            #expect(time.utilisation == 1_200.0 / 3_600.0)
            // The list's 後処理 is the wrap-up after its call.
            let lists = try await ReportQuery(
                scope: fixture.scope, period: day, grouping: .list, zone: Self.zone, now: Date()
            ).run()
            #expect(lists.rows.first { $0.key == fixture.listID }?.time.wrapUpSeconds == 600)
            // Summed again from the facts (the migration's path, a new time zone), 後処理 keeps its list: that of the
            // agent's last answered call before it, not an earlier one from the dial pad.
            let seed = ReportSeed(scope: fixture.scope)
            try await seed.call(
                user: fixture.agentID, list: nil, number: "+81300020008", started: at(-30), talk: 60, prospect: false,
                callback: false)
            try await seed.call(
                user: fixture.agentID, list: fixture.listID, number: "+81300020009", started: at(10), talk: 535,
                prospect: false, callback: false)
            try await ReportRollups(scope: fixture.scope).rebuild(zone: Self.zone)
            let rebuilt = try await ReportQuery(
                scope: fixture.scope, period: day, grouping: .list, zone: Self.zone, now: Date()
            ).run()
            #expect(rebuilt.rows.first { $0.key == fixture.listID }?.time.wrapUpSeconds == 600)
            #expect((rebuilt.rows.first { $0.key == ReportRollups.none }?.time.wrapUpSeconds ?? 0) == 0)
            // The next day holds none of it.
            let next = try await ReportQuery(
                scope: fixture.scope, period: day.shifted(by: 1), grouping: .agent, zone: Self.zone, now: Date()
            ).run()
            #expect(next.rows.isEmpty)
        }
    }

    @Test func thePageAndItsCSVInCP932AndUTF8() async throws {
        try await withTestApp { app, client in
            let fixture = try await DeskFixture.make(app, rows: 1)
            try await ReportSeed(scope: fixture.scope).call(
                user: fixture.agentID, list: fixture.listID, number: "+81300020001",
                started: Self.monday.addingTimeInterval(10 * 3600), talk: 60, prospect: true, callback: false)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let page = try await client.send(.GET, "/reports?kind=day&date=2026-11-02")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("class=\"heat-map\""))
            #expect(html.contains("class=\"trend\""))
            #expect(html.contains("応答率 = 応答数 ÷ 架電数"))
            #expect(html.contains("data-hour=\"10\" data-calls=\"1\" data-contacts=\"1\""))

            let csv = try await client.send(.GET, "/reports/export?kind=day&date=2026-11-02")
            #expect(csv.status == .ok)
            #expect(csv.headers.contentType?.parameters["charset"] == "Shift_JIS")
            let bytes = Array(csv.body.readableBytesView)
            let text = try #require(CP932.decode(bytes))
            let lines = text.split(separator: "\r\n").map(String.init)
            #expect(lines.first?.hasPrefix("担当者,架電数,応答数,応答率,見込み,再架電,通話時間") == true)
            #expect(lines.contains { $0.hasPrefix("alpha agent(302),1,1,100.0%,1,0,60,60,0,") })
            let utf8 = try await client.send(.GET, "/reports/export?kind=day&date=2026-11-02&encoding=utf8")
            #expect(Array(utf8.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])

            // An agent gets none of it.
            let agent = client.newBrowser()
            _ = try await agent.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            #expect(try await agent.send(.GET, "/reports").status == .forbidden)
            #expect(try await agent.send(.GET, "/reports/export").status == .forbidden)
        }
    }

    /// A report's 架電数 and 応答数 for a list and period are the counts 通話一覧 shows for the same filter (with
    /// deleted customers' calls, which the report counts too).
    @Test func reportAgreesWithTheCallLog() async throws {
        try await withTestApp { app, client in
            let fixture = try await DeskFixture.make(app, rows: 1)
            var generator = SystemRandomNumberGenerator()
            for index in 0..<60 {
                let started = Self.monday.addingTimeInterval(
                    Double.random(in: (-3 * 86_400)...(10 * 86_400), using: &generator))
                try await ReportSeed(scope: fixture.scope).call(
                    user: fixture.agentID, list: index % 4 == 0 ? nil : fixture.listID, number: "+8130003\(index)",
                    started: started, talk: index % 3 == 0 ? nil : 30, prospect: false, callback: false)
            }
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            func count(_ query: String) async throws -> Int {
                let body = try await client.send(.GET, "/calls?\(query)").body.string
                guard let range = body.range(of: #"(\d+)件中"#, options: .regularExpression) else {
                    return body.contains("class=\"count\"") ? 0 : -1
                }
                return Int(body[range].dropLast(2)) ?? -1
            }
            for period in [
                ReportPeriod.around("2026-11-03", kind: .day), ReportPeriod.around("2026-11-03", kind: .week),
            ] {
                let report = try await ReportQuery(
                    scope: fixture.scope, period: period, grouping: .list, zone: Self.zone, now: Date()
                ).run()
                let row = report.rows.first { $0.key == fixture.listID }?.calls ?? CallFigures()
                let filter = "list=\(fixture.listID.uuidString)&from=\(period.from)&to=\(period.to)&deleted=1"
                #expect(try await count(filter) == row.calls, "\(period)")
                #expect(try await count(filter + "&status=answered") == row.contacts, "\(period)")
                #expect(row.calls > 0, "\(period) has calls")
            }
        }
    }

    /// Calls a crash left open end at the last thing known of them, so the downtime is never talk time, and the
    /// roll-up takes their results in the same transaction.
    @Test func callsCutByACrashEndAtTheirLastKnownTime() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            let started = Self.monday.addingTimeInterval(10 * 3600)
            let writer = DeskChangesWriter(database: app.db)
            var open = DeskChanges(tenantID: fixture.scope.tenantID, userID: fixture.agentID)
            let (talking, ringing) = (UUID(), UUID())
            open.newAttempts = [talking, ringing].enumerated().map { index, id in
                DeskChanges.NewAttempt(
                    id: id, phoneExtension: "302", callListID: fixture.listID, customerID: nil, workRowID: nil,
                    number: "+8130004000\(index)", startedAt: started,
                    notes: DeskChanges.Notes(memo: "", prospect: false, callback: false),
                    kind: .dialPad)
            }
            open.answered = [(talking, started.addingTimeInterval(5))]
            try await writer.store([open])
            let closed = try await InterruptedCalls.close(
                on: app.db, placedBy: [], includingUnknown: true, at: started.addingTimeInterval(3 * 3600))
            #expect(closed == 2)
            let answered = try #require(try await fixture.scope.find(CallAttempt.self, id: talking))
            #expect(answered.endedAt == started.addingTimeInterval(5))
            #expect(answered.result == .answered)
            let rang = try #require(try await fixture.scope.find(CallAttempt.self, id: ringing))
            #expect(rang.endedAt == started)
            #expect(rang.result == .unanswered(.failed))
            let report = try await ReportQuery(
                scope: fixture.scope, period: ReportPeriod.around("2026-11-02", kind: .day), grouping: .agent,
                zone: Self.zone, now: Date()
            ).run()
            let row = try #require(report.rows.first { $0.key == fixture.agentID }?.calls)
            #expect(row == CallFigures(calls: 2, contacts: 1, prospects: 0, callbacks: 0, talkSeconds: 0))
        }
    }

    /// The roll-ups sum by the tenant's hours: a new time zone on 設定 sums them again in it.
    @Test func aNewTimeZoneMovesTheFiguresToItsDays() async throws {
        try await withTestApp { app, client in
            let fixture = try await DeskFixture.make(app, rows: 1)
            // 2026-11-02 08:30 in Tokyo is 2026-11-01 23:30 in UTC.
            try await ReportSeed(scope: fixture.scope).call(
                user: fixture.agentID, list: fixture.listID, number: "+81300050001",
                started: Self.monday.addingTimeInterval(8.5 * 3600), talk: 30, prospect: false, callback: false)
            func calls(on day: String, zone: TimeZone) async throws -> Int {
                try await ReportQuery(
                    scope: fixture.scope, period: ReportPeriod.around(day, kind: .day), grouping: .agent, zone: zone,
                    now: Date()
                ).run().total.calls.calls
            }
            #expect(try await calls(on: "2026-11-02", zone: Self.zone) == 1)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let saved = try await client.send(.POST, "/admin/settings", form: ["timeZoneIdentifier": "UTC"])
            #expect(saved.status == .seeOther)
            let utc = TimeZone(identifier: "UTC")!
            #expect(try await calls(on: "2026-11-01", zone: utc) == 1)
            #expect(try await calls(on: "2026-11-02", zone: utc) == 0)
        }
    }

    @Test(arguments: [
        ("kind=day&date=2026-02-30", "日付「2026-02-30」は正しくありません"),
        ("kind=range&from=2026-12-01&to=2026-11-01", "終了日は開始日以降にしてください。"),
        ("kind=range&from=2025-01-01&to=2026-01-01", "期間は1年以内にしてください。"),
        ("kind=range&from=2026-13-01&to=2026-12-01", "日付「2026-13-01」は正しくありません"),
        ("agent=not-a-user", "指定された担当者が見つかりません。"),
        ("agent=6F9619FF-8B86-D011-B42D-00CF4FC964FF", "指定された担当者が見つかりません。"),
        ("list=6F9619FF-8B86-D011-B42D-00CF4FC964FF", "指定されたリストが見つかりません。"),
    ])
    func badInputGetsAMessage(query: String, message: String) async throws {
        try await withTestApp { app, client in
            _ = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let page = try await client.send(.GET, "/reports?\(query)")
            #expect(page.status == .badRequest)
            #expect(page.body.string.contains(message))
            let csv = try await client.send(.GET, "/reports/export?\(query)")
            #expect(csv.status == .badRequest)
        }
    }

    /// Another tenant's list is unknown here, like one that does not exist.
    @Test func anotherTenantsListIsUnknown() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            let scopeB = TenantScope(tenantID: tenants.b, database: app.db)
            let listOfB = try await CallListBuilder(scope: scopeB).create(
                name: "Bのリスト", customerIDs: [tenants.customerOfB], createdBy: nil)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let page = try await client.send(.GET, "/reports?list=\(listOfB.uuidString)")
            #expect(page.status == .badRequest)
            #expect(page.body.string.contains("指定されたリストが見つかりません。"))
            #expect(!page.body.string.contains("Bのリスト"))
        }
    }
}
