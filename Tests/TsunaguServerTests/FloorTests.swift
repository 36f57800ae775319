import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// 稼働状況: the live board follows the desks' facts, pushed to open boards; the JSON API serves the same snapshot to
/// managers of the tenant only; and the figures equal counts written here in plain SQL.
@Suite struct FloorTests {
    /// A board that keeps what the hub pushes.
    final class BoardProbe: Sendable {
        let id = UUID()
        private let received = NIOLockedValueBox<[String]>([])

        var board: FloorHub.Board {
            let received = received
            return FloorHub.Board(id: id, send: { text in received.withLockedValue { $0.append(text) } })
        }

        /// The agent rows as the board now knows them: the last snapshot with every update after it applied.
        var agents: [String: [String: Any]] {
            var agents: [String: [String: Any]] = [:]
            for text in received.withLockedValue({ $0 }) {
                guard let message = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                else { continue }
                let rows: [[String: Any]]
                if message["type"] as? String == "snapshot" {
                    agents = [:]
                    rows = (message["snapshot"] as? [String: Any])?["agents"] as? [[String: Any]] ?? []
                } else {
                    rows = (message["update"] as? [String: Any])?["agents"] as? [[String: Any]] ?? []
                }
                for row in rows { agents[row["loginID"] as? String ?? ""] = row }
            }
            return agents
        }

        var lists: [String: [String: Any]] {
            var lists: [String: [String: Any]] = [:]
            for text in received.withLockedValue({ $0 }) {
                guard let message = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                else { continue }
                let body = (message["snapshot"] ?? message["update"]) as? [String: Any]
                for row in body?["lists"] as? [[String: Any]] ?? [] { lists[row["name"] as? String ?? ""] = row }
            }
            return lists
        }

        /// Every state the board showed for an agent, in order, without repeats.
        func states(of loginID: String) -> [String] {
            var states: [String] = []
            for text in received.withLockedValue({ $0 }) {
                guard let message = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                else { continue }
                let body = (message["snapshot"] ?? message["update"]) as? [String: Any]
                for row in body?["agents"] as? [[String: Any]] ?? [] where row["loginID"] as? String == loginID {
                    if let state = row["state"] as? String, states.last != state { states.append(state) }
                }
            }
            return states
        }
    }

    @Test func theBoardFollowsAnAgentThroughACall() async throws {
        try await withTestApp { app, _ in
            // 03-0000-0000 answers (the standard rules); slow enough that 発信中 lasts longer than a board's tick.
            let fixture = try await DeskFixture.make(app, rows: 2, first: 0, timeScale: 4)
            let hub = await app.floorHubs.hub(for: fixture.scope.tenantID)
            let board = BoardProbe()
            try await hub.attach(board.board)
            #expect(board.agents["agent"]?["state"] as? String == "offline")

            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await eventually("待機中 on the board") { board.agents["agent"]?["state"] as? String == "idle" ? 1 : nil }
            try await probe.send("download")
            try await eventually("the list in use") { board.lists["架電リスト"]?["onScreen"] as? Int == 2 ? 1 : nil }
            try await probe.send("start")
            try await eventually("通話中 on the board") {
                board.agents["agent"]?["state"] as? String == "talking" ? 1 : nil
            }
            #expect(board.agents["agent"]?["customer"] as? String != nil)
            #expect(board.agents["agent"]?["list"] as? String == "架電リスト")
            try await probe.send("stop")
            try await probe.send("hangUp")
            let row = try await eventually("後処理 with today's call counted") {
                let row = board.agents["agent"]
                let today = row?["today"] as? [String: Any]
                return row?["state"] as? String == "wrapUp" && today?["calls"] as? Int == 1 ? row : nil
            }
            let today = try #require(row["today"] as? [String: Any])
            #expect(today["contacts"] as? Int == 1)
            #expect(board.states(of: "agent") == ["offline", "idle", "dialing", "talking", "wrapUp"])
            // The other agent never opened a screen.
            #expect(board.agents["agent2"]?["state"] as? String == "offline")

            // 休憩 with a reason.
            try await probe.send("pause", text: "会議")
            try await eventually("休憩 (会議) on the board") {
                let row = board.agents["agent"]
                return row?["state"] as? String == "paused" && row?["reason"] as? String == "会議" ? 1 : nil
            }
            let stored = try await AgentStateRecordingTests.stored(fixture)
            #expect(stored.last?.state == "paused")
            #expect(stored.last?.reason == "会議")
        }
    }

    @Test func pauseTakesOnlyTheTenantsReasonsAndResumes() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1, first: 1)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await eventually("待機中") { await session.agentState.state == .idle ? 1 : nil }
            let refused = try await probe.send("pause", text: "昼寝")
            #expect(refused["ok"] as? Bool == false)
            #expect((refused["message"] as? String)?.contains("休憩の理由") == true)
            #expect(await session.agentState.state == .idle)
            let missing = try await probe.sendJSON(#"{"type":"pause"}"#)
            #expect(missing["ok"] as? Bool == false)

            try await probe.send("pause", text: "研修")
            #expect(await session.agentState.state == .paused(reason: "研修"))
            let state = try #require(probe.messages(ofType: "state").last?["desk"] as? [String: Any])
            let presence = try #require(state["presence"] as? [String: Any])
            #expect(presence["pausedText"] as? String == "休憩中（研修）")
            #expect(presence["reasons"] as? [String] == PauseReasons.defaults)

            try await probe.send("resume")
            #expect(await session.agentState.state == .idle)
            let stored = try await AgentStateRecordingTests.stored(fixture).map(\.state)
            #expect(stored == ["idle", "paused", "idle"])
        }
    }

    /// An upload changes no state: the agent is still 待機中 with an empty screen.
    @Test func uploadKeepsTheState() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1, first: 1)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            try await probe.send("upload")
            if let confirmation = (probe.messages(ofType: "state").last?["desk"] as? [String: Any])?["confirmation"]
                as? [String: Any], let key = confirmation["key"] as? String
            {
                try await probe.sendJSON(#"{"type":"answer","confirmation":"\#(key)","accepted":true}"#)
            }
            try await eventually("uploaded") { await session.snapshot.rows.isEmpty ? 1 : nil }
            #expect(await session.agentState.state == .idle)
            #expect(try await AgentStateRecordingTests.stored(fixture).map(\.state) == ["idle"])
        }
    }

    /// Today's figures on the board equal counts written here in SQL over a seeded day: calls of yesterday, of
    /// another agent, of another tenant and still ringing are each counted where they belong.
    @Test func figuresEqualCountsInPlainSQL() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 4, first: 0)
            let tenant = try #require(try await Tenant.find(fixture.scope.tenantID, on: app.db))
            let zone = TimeZone(identifier: tenant.settings.timeZoneIdentifier)!
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let now = Date()
            let dayStart = calendar.startOfDay(for: now)
            let tenantB = TenantScope(tenantID: fixture.tenants.b, database: app.db)
            let agentB = try #require(try await tenantB.query(User.self).filter(\.$loginID == "agent").first())
            var generator = SystemRandomNumberGenerator()
            // 200 calls over the last two days, by two agents of A and one of B, with every kind of outcome, written
            // as the phone screens write them.
            for index in 0..<200 {
                let scope = index % 5 == 4 ? tenantB : fixture.scope
                let user =
                    index % 5 == 4 ? try agentB.requireID() : index % 2 == 0 ? fixture.agentID : fixture.otherAgentID
                let started = now.addingTimeInterval(-Double.random(in: 60...(2 * 86_400), using: &generator))
                try await ReportSeed(scope: scope).call(
                    user: user, list: index % 3 == 0 || index % 5 == 4 ? nil : fixture.listID,
                    number: "+8130000\(index)", started: started, talk: index % 4 == 0 ? nil : Double(10 + index),
                    prospect: index % 6 == 0, callback: index % 9 == 0)
            }
            struct Expected: Decodable, Equatable {
                var calls: Int
                var contacts: Int
                var prospects: Int
                var callbacks: Int
            }
            func expected(user: UUID? = nil, list: UUID? = nil) async throws -> Expected {
                var statement: SQLQueryString = """
                    SELECT COUNT(*) AS "calls", \
                    COALESCE(SUM(CASE WHEN "result" = 'answered' THEN 1 ELSE 0 END), 0) AS "contacts", \
                    COALESCE(SUM(CASE WHEN "prospect" THEN 1 ELSE 0 END), 0) AS "prospects", \
                    COALESCE(SUM(CASE WHEN "callback" THEN 1 ELSE 0 END), 0) AS "callbacks" \
                    FROM "call_attempts" WHERE "tenant_id" = \(bind: fixture.scope.tenantID) \
                    AND "started_at" >= \(bind: dayStart)
                    """
                if let user { statement += " AND \"user_id\" = \(bind: user)" }
                if let list { statement += " AND \"call_list_id\" = \(bind: list)" }
                return try await app.db.sql.raw(statement).first(decoding: Expected.self)!
            }
            let snapshot = try await app.floorHubs.hub(for: fixture.scope.tenantID).current()
            func shown(_ figures: CallFigures) -> Expected {
                Expected(
                    calls: figures.calls, contacts: figures.contacts, prospects: figures.prospects,
                    callbacks: figures.callbacks)
            }
            let agent = try #require(snapshot.agents.first { $0.id == fixture.agentID })
            let other = try #require(snapshot.agents.first { $0.id == fixture.otherAgentID })
            #expect(shown(agent.today) == (try await expected(user: fixture.agentID)))
            #expect(shown(other.today) == (try await expected(user: fixture.otherAgentID)))
            #expect(shown(snapshot.totals.today) == (try await expected()))
            let list = try #require(snapshot.lists.first { $0.id == fixture.listID })
            #expect(shown(list.today) == (try await expected(list: fixture.listID)))
            #expect(agent.today.calls > 0 && agent.today.calls < 200)

            // Talk time: the answered and ended calls' seconds, computed here from the rows themselves.
            let rows = try await fixture.scope.query(CallAttempt.self).filter(\.$startedAt >= dayStart)
                .filter(\.$userID == fixture.agentID).all()
            let talk = rows.compactMap { row in
                row.answeredAt.flatMap { answered in row.endedAt.map { $0.timeIntervalSince(answered) } }
            }.reduce(0, +)
            #expect(abs(agent.today.talkSeconds - talk) < 0.01)
            // Tenant B's agent is not on A's board.
            #expect(!snapshot.agents.contains { $0.id == (try? agentB.requireID()) })
        }
    }

    /// The JSON is written once per change of the snapshot: a change the hub has read shows in the next answer.
    @Test func theJSONFollowsTheSnapshot() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            let hub = await app.floorHubs.hub(for: fixture.scope.tenantID)
            struct Board: Decodable {
                struct Agent: Decodable {
                    var id: UUID
                    var state: String
                }
                var agents: [Agent]
            }
            func state() async throws -> String? {
                let board = try JSONDecoder().decode(Board.self, from: Data(try await hub.currentJSON().utf8))
                return board.agents.first { $0.id == fixture.agentID }?.state
            }
            #expect(try await state() == AgentState.offline.code)
            #expect(try await state() == AgentState.offline.code, "asked again, unchanged")
            try await ReportSeed(scope: fixture.scope).states(
                user: fixture.agentID, [(.idle, Date())], list: nil)
            await hub.note(FloorEvent(tenantID: fixture.scope.tenantID, agents: [fixture.agentID]))
            _ = try await hub.current(pending: true)
            #expect(try await state() == AgentState.idle.code)
        }
    }

    @Test func theJSONIsForManagersOfTheTenantOnly() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let response = try await client.send(.GET, "/api/v1/floor")
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "json")
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            let agents = try #require(json["agents"] as? [[String: Any]])
            #expect(Set(agents.compactMap { $0["name"] as? String }) == ["alpha agent", "alpha admin"])
            let first = try #require(agents.first)
            for key in ["loginID", "name", "extension", "state", "today"] { #expect(first[key] != nil, "\(key)") }
            let today = try #require(first["today"] as? [String: Any])
            for key in ["calls", "contacts", "prospects", "callbacks", "talkSeconds"] {
                #expect(today[key] != nil, "\(key)")
            }
            #expect(json["lists"] is [Any])
            #expect((json["totals"] as? [String: Any])?["byState"] != nil)
            // The tenant's zone in every time.
            #expect((json["generatedAt"] as? String)?.hasSuffix("+09:00") == true)
            _ = tenants

            // The admin's home is the board; an agent's is 顧客一覧 and the board is refused.
            let home = try await client.send(.GET, "/")
            #expect(home.body.string.contains("id=\"floor\""))
            let agent = client.newBrowser()
            _ = try await agent.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            #expect(try await agent.send(.GET, "/api/v1/floor").status == .forbidden)
            #expect(try await agent.send(.GET, "/floor").status == .forbidden)
            let agentHome = try await agent.send(.GET, "/")
            #expect(agentHome.status == .ok)
            #expect(!agentHome.body.string.contains("id=\"floor\""))
            let signedOut = client.newBrowser()
            #expect(try await signedOut.send(.GET, "/api/v1/floor").status == .unauthorized)
        }
    }

    /// A list's rows waiting for their retry (設定's retry rules): the latest call on the list went unanswered less
    /// than the wait ago and the row is waiting to be handed out again.
    @Test func listsCountRowsWaitingForTheirRetry() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 4)
            let tenant = try #require(try await Tenant.find(fixture.scope.tenantID, on: app.db))
            var settings = tenant.settings
            settings.retryPolicy = RetryPolicy(
                enabled: true, busyWaitMinutes: 10, noAnswerWaitMinutes: 60, rejectedWaitMinutes: 0,
                maximumAttempts: nil)
            tenant.settings = settings
            try await tenant.save(on: app.db)
            let now = Date()
            let seed = ReportSeed(scope: fixture.scope)
            let customers = fixture.customerIDs
            // 0: 応答なし 30 min ago → waiting (60 min). 1: 話し中 30 min ago → not (10 min). 2: answered → not.
            // 3: 応答なし 5 min ago, then answered 1 min ago → its latest call was answered → not.
            try await seed.call(
                user: fixture.agentID, list: fixture.listID, number: "+81300000000", started: now - 1_800, talk: nil,
                prospect: false, callback: false, customer: customers[0])
            try await seed.call(
                user: fixture.agentID, list: fixture.listID, number: "+81300000001", started: now - 1_800, talk: nil,
                prospect: false, callback: false, customer: customers[1], unanswered: .busy)
            try await seed.call(
                user: fixture.agentID, list: fixture.listID, number: "+81300000002", started: now - 1_800, talk: 30,
                prospect: false, callback: false, customer: customers[2])
            try await seed.call(
                user: fixture.agentID, list: fixture.listID, number: "+81300000003", started: now - 300, talk: nil,
                prospect: false, callback: false, customer: customers[3])
            try await seed.call(
                user: fixture.agentID, list: fixture.listID, number: "+81300000003", started: now - 60, talk: 10,
                prospect: false, callback: false, customer: customers[3])
            let snapshot = try await app.floorHubs.hub(for: fixture.scope.tenantID).current()
            let list = try #require(snapshot.lists.first { $0.id == fixture.listID })
            #expect(list.waitingForRetry == 1)
            #expect(list.total == 4)
        }
    }

    /// Many readers at once (wall displays, boards opening together): each waits for the read in progress and all
    /// get the board; none spins on the hub or fails for finding no snapshot yet.
    @Test func readersAtOnceAllGetTheBoard() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            let hub = await app.floorHubs.hub(for: fixture.scope.tenantID)
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 { group.addTask { try await hub.current().agents.count } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(counts == Array(repeating: 3, count: 20))
            // And again while events keep the hub busy.
            let bus = app.floorHubs.bus
            let again = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        bus.publish(FloorEvent(tenantID: fixture.scope.tenantID, agents: [fixture.agentID]))
                        return try await hub.current(pending: true).agents.count
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(again == Array(repeating: 3, count: 20))
        }
    }

    /// A server that stopped with agents signed in: each gets オフライン dated at the last thing known of them.
    @Test func agentsLeftSignedInGoOfflineAtTheirLastFact() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            try await fixture.scope.insertRows(
                into: "agent_state_changes", columns: ["id", "user_id", "state", "reason", "at"],
                rows: [
                    [UUID(), fixture.agentID, "idle", String?.none, start],
                    [UUID(), fixture.agentID, "dialing", String?.none, start.addingTimeInterval(60)],
                    [UUID(), fixture.otherAgentID, "idle", String?.none, start],
                    [UUID(), fixture.otherAgentID, "offline", String?.none, start.addingTimeInterval(30)],
                ])
            let attempt = CallAttempt(
                tenantID: fixture.scope.tenantID, userID: fixture.agentID, phoneExtension: "302", callListID: nil,
                customerID: nil, workRowID: nil, number: "+81300000000", startedAt: start.addingTimeInterval(60))
            attempt.answeredAt = start.addingTimeInterval(70)
            try await fixture.scope.create(attempt)
            let count = try await AgentsLeftSignedIn.signOut(
                on: app.db, leftBy: [], includingUnowned: true, at: start.addingTimeInterval(3_600))
            #expect(count == 1)
            let stored = try await AgentStateRecordingTests.stored(fixture)
            #expect(stored.map(\.state) == ["idle", "dialing", "offline"])
            #expect(stored.last?.at == start.addingTimeInterval(70))
            #expect(
                try await AgentsLeftSignedIn.signOut(
                    on: app.db, leftBy: [], includingUnowned: true, at: start.addingTimeInterval(3_600)) == 0)
        }
    }
}
