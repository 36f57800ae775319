import FluentKit
import Foundation
import SQLKit
import Testing
import TsunaguCore

@testable import TsunaguServer

/// Timed callbacks on the server: set from a row with a date, a time and a note; refused as typed when they cannot
/// be kept (in the past, outside the window, barred); shown in the section above the list, across アップロード;
/// taken atomically by the dial that records them; handed on by a manager on 再架電予定.
@Suite struct CallbackDeskTests {
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!

    /// `yyyy-MM-dd` and `HH:mm:ss` of `date` in Tokyo, as the phone screen's fields send them.
    static func fields(_ date: Date) -> (date: String, time: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = tokyo
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: date)
        return (
            String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!),
            String(format: "%02d:%02d:%02d", parts.hour!, parts.minute!, parts.second!)
        )
    }

    @discardableResult
    static func schedule(_ probe: DeskProbe, row: UUID, date: String, time: String, note: String) async throws
        -> [String: Any]
    {
        let text = String(decoding: try JSONEncoder().encode(note), as: UTF8.self)
        return try await probe.sendJSON(
            #"{"type":"scheduleCallback","row":"\#(row.uuidString)","date":"\#(date)","time":"\#(time)","text":\#(text)}"#
        )
    }

    /// The callback section of the latest state a probe received.
    static func section(_ probe: DeskProbe) -> [String: Any]? {
        (probe.messages(ofType: "state").last?["desk"] as? [String: Any])?["callbacks"] as? [String: Any]
    }

    static func entries(_ probe: DeskProbe) -> [[String: Any]] {
        section(probe)?["entries"] as? [[String: Any]] ?? []
    }

    /// Bad input changes nothing and says why; a good one is stored with the row's customer and list, ticks 再架電,
    /// shows in the section, and stays there after アップロード.
    @Test func setOnARowCheckedStoredAndKeptAcrossUpload() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 2, first: 5)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            let row = await session.snapshot.rows[0]
            let target = Date().addingTimeInterval(3600)
            let ahead = Self.fields(target)

            let refusals: [(String, String, String)] = [
                (
                    Self.fields(Date().addingTimeInterval(-3600)).date,
                    Self.fields(Date().addingTimeInterval(-3600)).time,
                    "再架電日時が過去です。"
                ),
                (ahead.date, "25:00", "25:00"),
                ("2026-02-30", "10:00", "2026-02-30"),
                ("", "10:00", "再架電日を入力してください。"),
            ]
            for (date, time, says) in refusals {
                let ack = try await Self.schedule(probe, row: row.id, date: date, time: time, note: "")
                #expect(ack["ok"] as? Bool == false)
                #expect((ack["message"] as? String)?.contains(says) == true, "\(date) \(time): \(ack)")
            }
            #expect(try await fixture.scope.query(CallbackRecord.self).count() == 0)
            #expect(await session.snapshot.rows[0].callback == false)

            let ack = try await Self.schedule(probe, row: row.id, date: ahead.date, time: ahead.time, note: "見積の件")
            #expect(ack["ok"] as? Bool == true)
            let stored = try #require(try await fixture.scope.query(CallbackRecord.self).first())
            #expect(stored.customerID == row.customerID && stored.number == row.dialNumber)
            #expect(stored.callListID == fixture.listID && stored.ownerID == fixture.agentID)
            #expect(stored.note == "見積の件" && stored.state == "scheduled")
            #expect(abs(stored.dueAt.timeIntervalSince(target)) < 1, "the second typed, in Tokyo")
            #expect(await session.snapshot.rows[0].callback)
            let entries = Self.entries(probe)
            #expect(entries.count == 1)
            #expect(entries.first?["note"] as? String == "見積の件" && entries.first?["isDue"] as? Bool == false)

            // Setting another for the same customer replaces the first: the latest promise counts.
            try await Self.schedule(probe, row: row.id, date: ahead.date, time: ahead.time, note: "再度")
            #expect(try await fixture.scope.query(CallbackRecord.self).filter(\.$state == "scheduled").count() == 1)
            #expect(try await fixture.scope.query(CallbackRecord.self).count() == 2)

            try await probe.send("upload")
            try await probe.sendJSON(#"{"type":"answer","confirmation":"upload","accepted":true}"#)
            try await eventually("the upload") { await session.snapshot.rows.isEmpty ? true : nil }
            try await probe.send("refresh")
            #expect(Self.entries(probe).count == 1, "the section survives アップロード")
            #expect(Self.entries(probe).first?["note"] as? String == "再度")
        }
    }

    /// The calling window and the bars: a callback at a closed hour is refused with the next opening; a barred
    /// customer cannot get one.
    @Test func outsideTheWindowOrBarredIsRefused() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1, first: 5)
            let tenant = try #require(try await Tenant.find(fixture.scope.tenantID, on: app.db))
            tenant.settings.callingWindow = .default
            try await tenant.save(on: app.db)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            let row = await session.snapshot.rows[0]
            // 2100-01-01 is closed (1/1); 23:00 is closed on every day.
            let ack = try await Self.schedule(probe, row: row.id, date: "2099-12-30", time: "23:00", note: "")
            #expect(ack["ok"] as? Bool == false)
            #expect((ack["message"] as? String)?.contains("架電可能時間外") == true, "\(ack)")

            try await fixture.scope.create(
                DialBar(
                    tenantID: fixture.scope.tenantID, number: row.dialNumber, customerID: nil, source: .manual,
                    note: "", createdAt: Date(), createdBy: nil))
            tenant.settings.callingWindow = .always
            try await tenant.save(on: app.db)
            await app.deskRegistry.settingsChanged(tenantID: fixture.scope.tenantID, settings: tenant.settings)
            let ahead = Self.fields(Date().addingTimeInterval(600))
            let barred = try await Self.schedule(probe, row: row.id, date: ahead.date, time: ahead.time, note: "")
            #expect(barred["ok"] as? Bool == false)
            #expect((barred["message"] as? String)?.contains("架電禁止") == true)
            #expect(try await fixture.scope.query(CallbackRecord.self).count() == 0)
        }
    }

    /// A callback stored directly, as another agent's screen would.
    static func callback(
        _ fixture: DeskFixture, owner: UUID, dueIn seconds: TimeInterval, number: String = "+81300009990"
    ) async throws -> Callback {
        let callback = Callback(
            id: UUID(), customerID: nil, number: number, company: "折返株式会社", contactName: "山田",
            callListID: nil, ownerID: owner, dueAt: Date().addingTimeInterval(seconds), note: "午後に折り返し",
            createdAt: Date())
        try await CallbackStore(scope: fixture.scope).schedule(callback, by: owner, setAttemptID: nil, at: Date())
        return callback
    }

    /// Another agent's callback shows on a screen only once it has been due for N minutes (default 30); then the
    /// first dial takes it, and a second agent's dial of it is held back and recorded nowhere.
    @Test func openCallbackIsTakenByTheFirstDialOnly() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1, first: 5)
            let notYet = try await Self.callback(
                fixture, owner: fixture.agentID, dueIn: -10 * 60, number: "+81300009991")
            let open = try await Self.callback(fixture, owner: fixture.agentID, dueIn: -40 * 60)
            let other = try await app.deskRegistry.session(
                tenantID: fixture.scope.tenantID, userID: fixture.otherAgentID)
            let probe = DeskProbe(other)
            try await eventually("the section") { Self.entries(probe).isEmpty ? nil : true }
            let shown = Self.entries(probe).compactMap { $0["id"] as? String }
            #expect(shown == [open.id.uuidString], "only the one open to everyone")
            #expect(Self.section(probe)?["dueCount"] as? Int == 1)
            #expect(Self.entries(probe).first?["own"] as? Bool == false)

            let refused = try await probe.sendJSON(#"{"type":"dialCallback","callback":"\#(notYet.id.uuidString)"}"#)
            #expect(refused["ok"] as? Bool == false)

            try await probe.sendJSON(#"{"type":"dialCallback","callback":"\#(open.id.uuidString)"}"#)
            let attempt = try await eventually("the callback's call to be recorded") {
                try await fixture.scope.query(CallAttempt.self).filter(\.$number == open.number).first()
            }
            #expect(attempt.userID == fixture.otherAgentID && attempt.memo == "午後に折り返し")
            let taken = try #require(try await CallbackStore(scope: fixture.scope).find(open.id))
            #expect(taken.state == "taken" && taken.takenBy == fixture.otherAgentID)
            #expect(taken.takenAttemptID == attempt.id)

            // Its owner's dial of it, recorded in the same transaction's way, is held back: the first take won.
            var late = DeskChanges(tenantID: fixture.scope.tenantID, userID: fixture.agentID)
            late.newAttempts = [
                DeskChanges.NewAttempt(
                    id: UUID(), phoneExtension: "302", callListID: nil, customerID: nil, workRowID: nil,
                    number: open.number, startedAt: Date(), notes: .init(memo: "", prospect: false, callback: false),
                    kind: .manualRow, callback: .init(id: open.id, openAfterMinutes: 30))
            ]
            let outcome = try await app.deskRegistry.writer.write(late)
            #expect(outcome.values.first == .callbackTaken)
            #expect(try await fixture.scope.query(CallAttempt.self).filter(\.$number == open.number).count() == 1)
        }
    }

    /// Two screens take one callback at the same moment, in one batch or through the writer from two tasks: one
    /// dial is recorded, the other is held back as taken.
    @Test func concurrentTakesOfOneCallback() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1, first: 5)
            let tenantID = fixture.scope.tenantID
            @Sendable func dial(_ callback: Callback, by userID: UUID) -> DeskChanges {
                var changes = DeskChanges(tenantID: tenantID, userID: userID)
                changes.newAttempts = [
                    DeskChanges.NewAttempt(
                        id: UUID(), phoneExtension: "", callListID: nil, customerID: nil, workRowID: nil,
                        number: callback.number, startedAt: Date(),
                        notes: .init(memo: "", prospect: false, callback: false), kind: .manualRow,
                        callback: .init(id: callback.id, openAfterMinutes: 30))
                ]
                return changes
            }
            let first = try await Self.callback(
                fixture, owner: fixture.agentID, dueIn: -45 * 60, number: "+81300009992")
            let refused = try await app.db.writeTransaction { transaction in
                try await DeskChangesWriter(database: transaction).store([
                    dial(first, by: fixture.agentID), dial(first, by: fixture.otherAgentID),
                ])
            }
            #expect(Array(refused.values) == [.callbackTaken])

            let second = try await Self.callback(
                fixture, owner: fixture.agentID, dueIn: -45 * 60, number: "+81300009993")
            let writer = app.deskRegistry.writer
            async let one = writer.write(dial(second, by: fixture.agentID))
            async let two = writer.write(dial(second, by: fixture.otherAgentID))
            let outcomes = try await [one, two]
            #expect(outcomes.filter(\.isEmpty).count == 1)
            #expect(outcomes.flatMap(\.values) == [.callbackTaken])
            #expect(try await fixture.scope.query(CallAttempt.self).filter(\.$number == second.number).count() == 1)
        }
    }

    /// A callback is the customer's own request: the retry rules (here: one attempt per customer per list, already
    /// used) do not hold its dial back, while the same dial without the callback is held back.
    @Test func retryRulesDoNotHoldBackACallback() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1, first: 5)
            let tenant = try #require(try await Tenant.find(fixture.scope.tenantID, on: app.db))
            tenant.settings.retryPolicy = RetryPolicy(enabled: true, maximumAttempts: 1)
            try await tenant.save(on: app.db)
            let customer = fixture.customerIDs[0]
            let number = "+81300000005"
            let earlier = CallAttempt(
                tenantID: fixture.scope.tenantID, userID: fixture.agentID, phoneExtension: "302",
                callListID: fixture.listID, customerID: customer, workRowID: nil, number: number,
                startedAt: Date().addingTimeInterval(-3600))
            earlier.endedAt = Date().addingTimeInterval(-3570)
            earlier.result = .unanswered(.noAnswer)
            try await fixture.scope.create(earlier)
            var callback = try await Self.callback(fixture, owner: fixture.agentID, dueIn: -60, number: number)
            callback.customerID = customer
            func dial(claim: Bool) -> DeskChanges {
                var changes = DeskChanges(tenantID: fixture.scope.tenantID, userID: fixture.agentID)
                changes.newAttempts = [
                    DeskChanges.NewAttempt(
                        id: UUID(), phoneExtension: "302", callListID: fixture.listID, customerID: customer,
                        workRowID: nil, number: number, startedAt: Date(),
                        notes: .init(memo: "", prospect: false, callback: false), kind: .manualRow,
                        callback: claim ? .init(id: callback.id, openAfterMinutes: 30) : nil)
                ]
                return changes
            }
            #expect(try await app.deskRegistry.writer.write(dial(claim: false)).values.first == .attemptLimitReached)
            #expect(try await app.deskRegistry.writer.write(dial(claim: true)).isEmpty)
        }
    }

    /// With 「期限の来た再架電を次に発信」 on, 開始 dials the due callback before ▶'s row; a barred callback is shown
    /// as barred and never dialled.
    @Test func dueCallbackDialledNextWhenTheTenantSaysSo() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 2, first: 5)
            let tenant = try #require(try await Tenant.find(fixture.scope.tenantID, on: app.db))
            tenant.settings.dueCallbacksDialNext = true
            tenant.settings.doubleDialGuardMinutes = 0
            try await tenant.save(on: app.db)
            let barred = try await Self.callback(fixture, owner: fixture.agentID, dueIn: -120, number: "+81300009994")
            try await fixture.scope.create(
                DialBar(
                    tenantID: fixture.scope.tenantID, number: barred.number, customerID: nil, source: .manual,
                    note: "", createdAt: Date(), createdBy: nil))
            let due = try await Self.callback(fixture, owner: fixture.agentID, dueIn: -60, number: "+81300009995")
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            try await eventually("the section") { Self.entries(probe).count == 2 ? true : nil }
            #expect(Self.section(probe)?["dueCount"] as? Int == 1)
            #expect(
                Self.entries(probe).first { $0["id"] as? String == barred.id.uuidString }?["barred"] as? Bool == true)
            try await probe.send("start")
            let firstCall = try await eventually("the first call") {
                try await fixture.scope.query(CallAttempt.self).sort(\.$startedAt).first()
            }
            #expect(firstCall.number == due.number, "the due callback goes first")
            try await eventually("the walk to reach the list") {
                try await fixture.scope.query(CallAttempt.self).filter(\.$workRowID != nil).first()
            }
            #expect(try await fixture.scope.query(CallAttempt.self).filter(\.$number == barred.number).count() == 0)
        }
    }

    /// 再架電予定: an agent sees their own; a manager sees every agent's, overdue first, and hands one on. A taken
    /// callback cannot be handed on; no agent means nothing changes.
    @Test func pageListsAndReassigns() async throws {
        try await withTestApp { app, client in
            let fixture = try await DeskFixture.make(app, rows: 1, first: 5)
            let later = try await Self.callback(
                fixture, owner: fixture.agentID, dueIn: 3 * 3600, number: "+81300009996")
            let overdue = try await Self.callback(
                fixture, owner: fixture.otherAgentID, dueIn: -600, number: "+81300009997")

            #expect(
                try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password).status
                    == .seeOther)
            let own = try await client.send(.GET, "/callbacks").body.string
            #expect(own.contains(later.id.uuidString) && !own.contains(overdue.id.uuidString))
            #expect(!own.contains("/reassign"))
            let forbidden = try await client.send(
                .POST, "/callbacks/\(later.id.uuidString)/reassign", form: ["owner": fixture.agentID.uuidString])
            #expect(forbidden.status == .forbidden)

            #expect(
                try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password).status
                    == .seeOther)
            let all = try await client.send(.GET, "/callbacks").body.string
            let overdueAt = try #require(all.range(of: overdue.id.uuidString)).lowerBound
            let laterAt = try #require(all.range(of: later.id.uuidString)).lowerBound
            #expect(overdueAt < laterAt, "overdue first")
            #expect(all.contains("期限切れ"))

            let missing = try await client.send(
                .POST, "/callbacks/\(later.id.uuidString)/reassign", form: ["owner": ""])
            #expect(missing.status == .badRequest)
            #expect(try await CallbackStore(scope: fixture.scope).find(later.id)?.ownerID == fixture.agentID)

            let moved = try await client.send(
                .POST, "/callbacks/\(later.id.uuidString)/reassign", form: ["owner": fixture.otherAgentID.uuidString])
            #expect(moved.status == .ok)
            let record = try #require(try await CallbackStore(scope: fixture.scope).find(later.id))
            #expect(record.ownerID == fixture.otherAgentID && record.reassignedAt != nil)

            _ = try await CallbackStore(scope: fixture.scope).take(
                overdue.id, by: fixture.otherAgentID, attemptID: UUID(), at: Date(), openAfterMinutes: 30)
            let gone = try await client.send(
                .POST, "/callbacks/\(overdue.id.uuidString)/reassign", form: ["owner": fixture.agentID.uuidString])
            #expect(gone.status == .conflict)
        }
    }
}
