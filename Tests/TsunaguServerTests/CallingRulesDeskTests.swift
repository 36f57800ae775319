import FluentKit
import Foundation
import SQLKit
import Testing
import TsunaguCore

@testable import TsunaguServer

/// The calling rules enforced in the transaction that records each attempt, right before the dial: bars and
/// refusals, the redial limit (also between two screens at the same moment), for auto-dial, 発信 and the dial pad.
@Suite struct CallingRulesDeskTests {
    /// 「今後の勧誘お断り」 on one agent's row is kept with who, when, which call and the words; after it, a second
    /// agent can no longer call that number from the dial pad, and the first agent's walk skips the row.
    @Test func refusalBarsTheNumberForTheWholeTenant() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 3, first: 0)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            try await probe.send("start")
            // A number ending in 0 answers (the standard rules): the customer refuses during the call.
            try await eventually("the answered call") {
                await session.snapshot.activeCall.flatMap { $0.stage == .talking ? $0 : nil }
            }
            let row = await session.snapshot.rows[0]
            let attempt = try #require(
                try await fixture.scope.query(CallAttempt.self).filter(\.$workRowID == row.id).first())
            let ack = try await probe.send("refuse", row: row.id, text: "二度とかけてこないで")
            #expect(ack["ok"] as? Bool == true)
            #expect(await session.snapshot.activeCall != nil, "the call in progress is never cut")
            try await probe.send("hangUp")
            try await eventually("the call to end") { await session.snapshot.activeCall == nil ? true : nil }
            // Sent again after a reconnection: nothing is duplicated.
            try await probe.send("refuse", row: row.id, text: "二度とかけてこないで")
            let bars = try await fixture.scope.query(DialBar.self).all()
            #expect(bars.count == 1)
            let bar = try #require(bars.first)
            #expect(bar.source == .refusal && bar.number == row.dialNumber && bar.customerID == row.customerID)
            #expect(bar.createdBy == fixture.agentID && bar.callAttemptID == attempt.id)
            #expect(bar.note == "二度とかけてこないで" && bar.liftedAt == nil)
            #expect(await session.snapshot.rows[0].hold == .barred)
            #expect(probe.notices.contains("今後の勧誘お断りを登録しました。"))

            let other = try await app.deskRegistry.session(
                tenantID: fixture.scope.tenantID, userID: fixture.otherAgentID)
            let otherProbe = DeskProbe(other)
            let attemptsBefore = try await fixture.scope.query(CallAttempt.self).count()
            try await otherProbe.sendJSON(
                #"{"type":"dialNumber","number":"\#(PhoneNumber.nationalDisplay(of: row.dialNumber))"}"#)
            try await eventually("the refusal to be explained") {
                otherProbe.notices.first { $0.contains("架電禁止") }
            }
            #expect(await other.snapshot.activeCall == nil)
            #expect(try await fixture.scope.query(CallAttempt.self).count() == attemptsBefore)
        }
    }

    /// A number put on the 架電禁止リスト after ダウンロード is still stopped at the dial: the row shows 「架電禁止」,
    /// nothing is recorded for it, and the walk moves on to the next row.
    @Test func barAddedAfterDownloadStopsTheDialAndTheWalkMovesOn() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 3, first: 2)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            let rows = await session.snapshot.rows
            try await fixture.scope.create(
                DialBar(
                    tenantID: fixture.scope.tenantID, number: rows[0].dialNumber, customerID: nil, source: .manual,
                    note: "", createdAt: Date(), createdBy: nil))
            try await probe.send("start")
            try await eventually("the walk to reach row 2") {
                try await fixture.scope.query(CallAttempt.self).filter(\.$workRowID == rows[1].id).first()
            }
            #expect(try await fixture.scope.query(CallAttempt.self).filter(\.$workRowID == rows[0].id).count() == 0)
            #expect(await session.snapshot.rows[0].hold == .barred)
            #expect(await session.snapshot.rows[0].calledAt == nil)
            let shown = try #require(
                probe.messages(ofType: "state").flatMap { ($0["rows"] as? [[String: Any]]) ?? [] }
                    .last { $0["id"] as? String == rows[0].id.uuidString })
            #expect(shown["hold"] as? String == "架電禁止")
        }
    }

    /// A lifted bar no longer stops anything; the history stays.
    @Test func liftedBarLetsTheDialThrough() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1, first: 2)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            let row = await session.snapshot.rows[0]
            let bar = DialBar(
                tenantID: fixture.scope.tenantID, number: row.dialNumber, customerID: nil, source: .manual, note: "",
                createdAt: Date(), createdBy: nil)
            bar.liftedAt = Date()
            bar.liftReason = "誤登録"
            try await fixture.scope.create(bar)
            try await probe.send("start")
            try await eventually("the call to be recorded") {
                try await fixture.scope.query(CallAttempt.self).filter(\.$workRowID == row.id).first()
            }
        }
    }

    /// The redial limit: with two dials of a number in the last 180 s, auto-dial holds it back (「再発信制限」) and
    /// moves on, while 発信 on the same row still dials it.
    @Test func redialLimitHoldsBackAutomaticDialsOnly() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 2, first: 5)
            // The double-dial guard would ask first; the redial limit is what this test is about.
            let tenant = try #require(try await Tenant.find(fixture.scope.tenantID, on: app.db))
            tenant.settings.doubleDialGuardMinutes = 0
            try await tenant.save(on: app.db)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            let rows = await session.snapshot.rows
            for seconds in [30.0, 90.0] {
                try await fixture.scope.create(
                    CallAttempt(
                        tenantID: fixture.scope.tenantID, userID: fixture.otherAgentID, phoneExtension: "303",
                        callListID: nil, customerID: nil, workRowID: nil, number: rows[0].dialNumber,
                        startedAt: Date().addingTimeInterval(-seconds)))
            }
            try await probe.send("start")
            try await eventually("the walk to reach row 2") {
                try await fixture.scope.query(CallAttempt.self).filter(\.$workRowID == rows[1].id).first()
            }
            #expect(await session.snapshot.rows[0].hold == .redialLimit)
            try await eventually("the busy call to row 2 to end") {
                await session.snapshot.activeCall == nil ? true : nil
            }
            try await probe.sendJSON(#"{"type":"moveCursor","index":0}"#)
            try await probe.send("dial")
            try await eventually("発信 to dial row 1") {
                try await fixture.scope.query(CallAttempt.self).filter(\.$workRowID == rows[0].id).first()
            }
        }
    }

    /// Two screens dial the same number at the same moment, one dial of it already in the last 180 s: only one of
    /// the two automatic dials passes, whether they share a batch or not.
    @Test func concurrentAutomaticDialsOfOneNumberCannotBothPass() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1, first: 2)
            let number = "+81300001234"
            let now = Date()
            try await fixture.scope.create(
                CallAttempt(
                    tenantID: fixture.scope.tenantID, userID: fixture.agentID, phoneExtension: "302", callListID: nil,
                    customerID: nil, workRowID: nil, number: number, startedAt: now.addingTimeInterval(-60)))
            func changes(_ userID: UUID) -> DeskChanges {
                var changes = DeskChanges(tenantID: fixture.scope.tenantID, userID: userID)
                changes.newAttempts = [
                    DeskChanges.NewAttempt(
                        id: UUID(), phoneExtension: "", callListID: nil, customerID: nil, workRowID: nil,
                        number: number, startedAt: now, notes: .init(memo: "", prospect: false, callback: false),
                        kind: .automatic)
                ]
                return changes
            }
            // In one batch.
            let batch = [changes(fixture.agentID), changes(fixture.otherAgentID)]
            let refused = try await app.db.writeTransaction { transaction in
                try await DeskChangesWriter(database: transaction).store(batch)
            }
            #expect(refused.count == 1)
            #expect(refused.values.first == .redialLimit)

            // Through the group-commit writer from two tasks at once (a fresh number, one earlier dial).
            let second = "+81300005678"
            try await fixture.scope.create(
                CallAttempt(
                    tenantID: fixture.scope.tenantID, userID: fixture.agentID, phoneExtension: "302", callListID: nil,
                    customerID: nil, workRowID: nil, number: second, startedAt: now.addingTimeInterval(-60)))
            let writer = app.deskRegistry.writer
            var one = changes(fixture.agentID)
            one.newAttempts[0].number = second
            var two = changes(fixture.otherAgentID)
            two.newAttempts[0].number = second
            async let first = writer.write(one)
            async let other = writer.write(two)
            let outcomes = try await [first, other]
            #expect(outcomes.filter(\.isEmpty).count == 1)
            let stored = try await fixture.scope.query(CallAttempt.self).filter(\.$number == second).count()
            #expect(stored == 2)
        }
    }

    /// Retry rules on: a customer whose last call on this list was busy a minute ago waits (「再架電待ち」), one who
    /// has had the most attempts leaves the walk as 「上限到達」, kept on its list entry; the walk moves on.
    @Test func retryRulesHoldBackRowsNotDueAndAtTheirLimit() async throws {
        try await withTestApp { app, client in
            let fixture = try await DeskFixture.make(app, rows: 3, first: 5)
            let tenant = try #require(try await Tenant.find(fixture.scope.tenantID, on: app.db))
            tenant.settings.retryPolicy = RetryPolicy(enabled: true, busyWaitMinutes: 10, maximumAttempts: 2)
            tenant.settings.doubleDialGuardMinutes = 0
            try await tenant.save(on: app.db)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            let rows = await session.snapshot.rows
            func attempt(_ row: AgentDeskRow, endedSecondsAgo: Double, result: CallResult) async throws {
                let attempt = CallAttempt(
                    tenantID: fixture.scope.tenantID, userID: fixture.otherAgentID, phoneExtension: "303",
                    callListID: fixture.listID, customerID: row.customerID, workRowID: nil, number: row.dialNumber,
                    startedAt: Date().addingTimeInterval(-endedSecondsAgo - 30))
                attempt.endedAt = Date().addingTimeInterval(-endedSecondsAgo)
                attempt.result = result
                try await fixture.scope.create(attempt)
            }
            try await attempt(rows[0], endedSecondsAgo: 60, result: .unanswered(.busy))
            try await attempt(rows[1], endedSecondsAgo: 7200, result: .unanswered(.noAnswer))
            try await attempt(rows[1], endedSecondsAgo: 3600, result: .unanswered(.noAnswer))
            try await probe.send("start")
            try await eventually("the walk to reach row 3") {
                try await fixture.scope.query(CallAttempt.self).filter(\.$workRowID == rows[2].id).first()
            }
            let desk = await session.snapshot
            guard case .notDue = desk.rows[0].hold else {
                Issue.record("row 1 should wait, not \(String(describing: desk.rows[0].hold))")
                return
            }
            #expect(desk.rows[1].hold == .attemptLimitReached)
            let shown = probe.messages(ofType: "state").flatMap { ($0["rows"] as? [[String: Any]]) ?? [] }
            #expect(shown.contains { ($0["hold"] as? String)?.hasPrefix("再架電待ち ") == true })
            #expect(shown.contains { $0["hold"] as? String == "上限到達" })
            let entries = try await fixture.scope.query(CallListEntry.self).filter(\.$limitReached == true).all()
            #expect(entries.map(\.customerID) == [rows[1].customerID])
            // 顧客一覧 filters them, コールリスト一覧 counts them.
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let limited = try await client.send(.GET, "/customers?limit=on").body.string
            #expect(limited.contains(rows[1].company) && !limited.contains(rows[0].company))
            let inList = try await client.send(.GET, "/customers?limit=on&list=\(fixture.listID.uuidString)").body
                .string
            #expect(inList.contains(rows[1].company) && !inList.contains(rows[2].company))
            let lists = try await client.send(.GET, "/lists").body.string
            #expect(lists.contains("limit=on\">1</a>"))
        }
    }
}
