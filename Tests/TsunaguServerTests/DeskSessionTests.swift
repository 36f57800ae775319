import Fluent
import Foundation
import Telephony
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// The dialer on the server: the manual's flows on the simulated carrier, every change on disk before it is
/// acknowledged, and the screen restored from disk.
@Suite struct DeskSessionTests {
    /// §3-1 ダウンロード then §3-2 auto-dial: 不応答 calls move on by themselves with their reason; the answered call
    /// stops the walk; the memo written during the call is on disk, in the row and in 通話一覧.
    @Test func autoDialMovesOnUntilAnswered() async throws {
        try await withTestApp { app, _ in
            // Numbers ending 5 ring out, 6 busy, 7 do not exist, 8 reject, 9 answer after 15 s, 0 answer.
            let fixture = try await DeskFixture.make(app, rows: 6, first: 5)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)

            #expect(try await probe.send("download")["ok"] as? Bool == true)
            let rows = await session.snapshot.rows
            #expect(rows.count == 6)
            #expect(try await fixture.scope.query(AgentWorkRow.self).filter(\.$userID == fixture.agentID).count() == 6)
            #expect(try await fixture.scope.query(CallListEntry.self).filter(\.$state == .onScreen).count() == 6)

            try await probe.send("start")
            let talking = try await eventually("the answered call") {
                await session.snapshot.activeCall.flatMap { $0.stage == .talking ? $0 : nil }
            }
            let desk = await session.snapshot
            #expect(talking.row == rows[4].id)
            #expect(
                desk.rows.prefix(5).map(\.result) == [
                    .unanswered(.noAnswer), .unanswered(.busy), .unanswered(.invalidNumber), .unanswered(.rejected),
                    .answered,
                ])
            #expect(desk.rows.prefix(5).map(\.done) == [false, false, false, false, true])
            #expect(desk.cursor == 4 && desk.autoDialArmed)

            let ack = try await probe.send("editMemo", row: rows[4].id, text: "資料送付希望")
            #expect(ack["ok"] as? Bool == true)
            // Acknowledged means committed.
            let stored = try #require(try await fixture.scope.find(AgentWorkRow.self, id: rows[4].id))
            #expect(stored.memo == "資料送付希望" && stored.result == .answered && stored.done)
            let attempts = try await fixture.scope.query(CallAttempt.self).sort(\.$startedAt).all()
            #expect(attempts.count == 5)
            #expect(attempts.last?.memo == "資料送付希望" && attempts.last?.answeredAt != nil)
            #expect(attempts.last?.phoneExtension == "302" && attempts.last?.callListID == fixture.listID)

            try await probe.send("hangUp")
            // The screens hear of the end once it is on disk.
            try await eventually("the call's end on the screen") {
                probe.messages(ofType: "state").last.map { ($0["desk"] as? [String: Any])?["call"] == nil } == true
                    ? true : nil
            }
            let after = await session.snapshot
            #expect(after.cursor == 5, "▶ moves to the next row but nothing is dialled after an answered call")
            #expect(after.autoDialArmed)
            let ended = try await fixture.scope.query(CallAttempt.self).filter(\.$endedAt != nil).count()
            #expect(ended == 5)
            #expect(try await fixture.scope.query(CallAttempt.self).filter(\.$result == .answered).count() == 1)
        }
    }

    /// A server restart: a new session built from the database shows every row, tick, memo and ▶ as they were.
    @Test func restartRestoresTheScreen() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 4, first: 7)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            let rows = await session.snapshot.rows
            try await probe.send("setDone", row: rows[1].id, value: true)
            try await probe.send("setProspect", row: rows[2].id, value: true)
            try await probe.send("setCallback", row: rows[3].id, value: true)
            try await probe.send("editContactName", row: rows[0].id, text: "佐藤")
            try await probe.send("editMemo", row: rows[2].id, text: "午後に再度")
            try await probe.sendJSON(#"{"type":"moveCursor","index":2}"#)
            let before = await session.snapshot

            // A second server on the same database: its writer and the session's input loop run beside the test.
            let writer = DurableWriter(database: app.databaseProvider)
            let tasks = ChildTasks()
            let running = Task {
                async let writing: Void = writer.run()
                await tasks.run()
                await writing
            }
            defer { running.cancel() }
            let restarted = try await AgentDeskSession.open(
                tenantID: fixture.scope.tenantID, userID: fixture.agentID,
                lease: DeskLease(instance: UUID(), epoch: 1), leases: InstanceLeases(), database: app.databaseProvider,
                writer: writer, telephony: app.telephony, tasks: tasks, now: { Date() }, logger: app.logger,
                floorEvents: LocalFloorEventBus())
            let after = await restarted.snapshot
            #expect(after.rows.map(\.id) == before.rows.map(\.id))
            #expect(after.rows.map(\.done) == before.rows.map(\.done))
            #expect(after.rows.map(\.prospect) == before.rows.map(\.prospect))
            #expect(after.rows.map(\.callback) == before.rows.map(\.callback))
            #expect(after.rows.map(\.memo) == before.rows.map(\.memo))
            #expect(after.rows.map(\.contactName) == before.rows.map(\.contactName))
            #expect(after.cursor == 2)
        }
    }

    /// §3-5 アップロード: asks first, reports final statuses by priority, sends uncalled rows back, clears the
    /// screen; repeating it changes nothing.
    @Test func uploadFinalises() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 3, first: 6)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            let rows = await session.snapshot.rows
            // 03-0000-0006 is busy: one 不応答 call, then the agent stops; 再架電 on it wins over 不応答.
            try await probe.send("dial")
            try await eventually("the busy call to end") { await session.snapshot.rows[0].result != nil ? true : nil }
            try await probe.send("setCallback", row: rows[0].id, value: true)
            try await probe.send("editContactName", row: rows[1].id, text: "鈴木")

            try await probe.send("upload")
            let question = try #require(await session.snapshot.pendingConfirmation)
            #expect(question == .upload)
            let wrongKey = try await probe.sendJSON(#"{"type":"answer","confirmation":"redial:x","accepted":true}"#)
            #expect(wrongKey["ok"] as? Bool == false)
            #expect(await session.snapshot.rows.count == 3)
            try await probe.sendJSON(#"{"type":"answer","confirmation":"upload","accepted":true}"#)
            #expect(await session.snapshot.rows.isEmpty)

            let entries = try await fixture.scope.query(CallListEntry.self).sort(\.$position).all()
            #expect(entries.map(\.state) == [.reported, .waiting, .waiting])
            #expect(entries[0].finalStatus == .callback)
            #expect(
                entries[1].assignedUserID == fixture.agentID, "uncalled rows go back to the agent they were handed to")
            let customers = try await fixture.scope.query(Customer.self).filter(\.$id ~~ fixture.customerIDs).all()
            let byID = Dictionary(uniqueKeysWithValues: customers.map { ($0.id!, $0) })
            #expect(byID[fixture.customerIDs[0]]?.finalStatus == .callback)
            #expect(byID[fixture.customerIDs[1]]?.finalStatus == .notCalled)
            #expect(byID[fixture.customerIDs[1]]?.contactName == "鈴木")
            #expect(try await fixture.scope.query(AgentWorkRow.self).count() == 0)

            try await probe.send("upload")
            #expect(probe.notices.last == "アップロードする結果がありません。")
            // The returned rows can be downloaded again.
            try await probe.send("download")
            #expect(await session.snapshot.rows.map(\.company) == ["株式会社7", "株式会社8"])
        }
    }

    /// Bad input: a clear Japanese message, the state and the connection unchanged.
    @Test func badInputChangesNothing() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 2)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            let before = await session.snapshot.rows

            let refused = [
                #"{"type":"setMemo"}"#, #"{"type":"editMemo","row":"not-a-uuid","text":"x"}"#,
                #"{"v":2,"type":"start"}"#, #"{"type":"setDone","row":"\#(before[0].id)"}"#, #"{"type":"moveCursor"}"#,
            ]
            for json in refused {
                let answer = try await probe.sendJSON(json)
                #expect(answer["ok"] as? Bool == false, "\(json)")
                #expect(
                    (answer["message"] as? String).map { !$0.isEmpty && !$0.allSatisfy(\.isASCII) } == true, "\(json)")
            }
            #expect(DeskProtocol.parse("garbage").command == .failure(.malformed))
            #expect(DeskProtocol.parse(String(repeating: "{", count: 100_000)).command == .failure(.malformed))

            try await probe.send("editMemo", row: UUID(), text: "他人の行")
            #expect(probe.notices.last == "この行は画面にありません。")
            try await probe.sendJSON(#"{"type":"dialNumber","number":"でんわ"}"#)
            #expect(probe.notices.last?.isEmpty == false)
            #expect(await session.snapshot.activeCall == nil)
            try await probe.sendJSON(#"{"type":"moveCursor","index":99}"#)
            #expect(probe.notices.last == "その No の行はありません。")
            #expect(await session.snapshot.rows == before)
            #expect(try await probe.send("ping")["ok"] as? Bool == true, "the connection is kept")
        }
    }

    /// Another tenant's rows cannot be touched: their ids are simply not on this screen.
    @Test func anotherTenantsRowsAreNotOnTheScreen() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            let scopeB = TenantScope(tenantID: fixture.tenants.b, database: app.db)
            let agentB = try #require(try await scopeB.query(User.self).filter(\.$loginID == "agent").first())
            let listB = try await CallListBuilder(scope: scopeB).create(
                name: "B", customerIDs: [fixture.tenants.customerOfB], createdBy: nil)
            try await ListDistributor(scope: scopeB).distribute(
                listID: listB, mode: .evenSplit, agentIDs: [try agentB.requireID()])
            let sessionB = try await app.deskRegistry.session(
                tenantID: fixture.tenants.b, userID: try agentB.requireID())
            let probeB = DeskProbe(sessionB)
            try await probeB.send("download")
            let rowOfB = try #require(await sessionB.snapshot.rows.first)

            let probeA = DeskProbe(try await fixture.session(app))
            try await probeA.send("download")
            #expect(await probeA.session.snapshot.rows.map(\.company) == ["株式会社0"], "A never downloads B's rows")
            try await probeA.send("editMemo", row: rowOfB.id, text: "乗っ取り")
            try await probeA.send("setDone", row: rowOfB.id, value: true)
            #expect(probeA.notices.last == "この行は画面にありません。")
            let stored = try #require(try await scopeB.find(AgentWorkRow.self, id: rowOfB.id))
            #expect(stored.memo == "" && !stored.done)
            await #expect(throws: (any Error).self) {
                _ = try await app.deskRegistry.session(tenantID: fixture.tenants.a, userID: try agentB.requireID())
            }
        }
    }

    /// The double-dial guard looks at the number's last call by anyone in the tenant.
    @Test func doubleDialGuardSeesOtherAgentsCalls() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1, first: 5)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            let number = await session.snapshot.rows[0].dialNumber
            try await fixture.scope.create(
                CallAttempt(
                    tenantID: fixture.scope.tenantID, userID: fixture.otherAgentID, phoneExtension: "303",
                    callListID: nil, customerID: nil, workRowID: nil, number: number,
                    startedAt: Date().addingTimeInterval(-120)))
            try await probe.send("start")
            let confirmation = try #require(await session.snapshot.pendingConfirmation)
            #expect(confirmation.key.hasPrefix("redial:"))
            #expect(await session.snapshot.activeCall == nil)
            let state = try #require(probe.messages(ofType: "state").last?["desk"] as? [String: Any])
            let question = try #require((state["confirmation"] as? [String: Any])?["text"] as? String)
            #expect(question.contains("2分前"))
        }
    }

    /// Two tabs of the same agent see the same screen: an edit in one shows in the other.
    @Test func twoTabsStayInStep() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 2)
            let session = try await fixture.session(app)
            let first = DeskProbe(session)
            let second = DeskProbe(session, language: .en)
            try await first.send("download")
            let row = await session.snapshot.rows[1]
            try await first.send("editMemo", row: row.id, text: "二つ目のタブにも")
            let seen = try await eventually("the other tab to see the memo") {
                second.messages(ofType: "state").last.flatMap { message in
                    (message["rows"] as? [[String: Any]])?.first { $0["memo"] as? String == "二つ目のタブにも" }
                }
            }
            #expect(seen["saved"] as? Bool == true)
            #expect(second.messages(ofType: "state").count >= 3)
        }
    }
}
