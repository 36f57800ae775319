import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Telephony
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// Agents' sessions as leases with a fencing epoch (DESIGN "Several instances"), on both databases: one instance
/// serves an agent at a time; an instance that lost the lease writes and dials nothing more; a paused instance places
/// no call until the database gives its lease again; only dead instances' calls and agents are settled.
@Suite struct AgentLeaseTests {
    /// A provider whose calls ring until hung up; it records every call placed and every hang-up.
    actor RingingTelephony: Telephony {
        nonisolated func run() async {}
        private(set) var placed: [String] = []
        private(set) var hungUp: [UUID] = []
        private var reports: [UUID: @Sendable (CallProgress) -> Void] = [:]

        func placeCall(_ request: CallRequest, report: @escaping @Sendable (CallProgress) -> Void) async {
            placed.append(request.number)
            reports[request.id] = report
            report(.ringing)
        }

        func hangUp(_ call: UUID) async {
            hungUp.append(call)
            reports.removeValue(forKey: call)?(.ended(.unanswered(.noAnswer)))
        }

        func readiness(tenantID: UUID) async -> TelephonyReadiness { .ready }
        func sendTone(_ key: Character, call: UUID) async {}
    }

    /// A monotonic clock the test moves by hand (a paused process wakes with it far ahead).
    final class ManualMonotonicClock: Sendable {
        private let current = NIOLockedValueBox(Duration.seconds(1_000))
        var now: Duration { current.withLockedValue { $0 } }
        func advance(_ seconds: Double) { current.withLockedValue { $0 += .milliseconds(Int64(seconds * 1000)) } }
    }

    struct StoredLease: Decodable {
        var lease_owner: UUID?
        var lease_epoch: Int64
        var lease_until: Date?
    }

    static func lease(_ fixture: DeskFixture, agent: UUID? = nil) async throws -> StoredLease? {
        try await fixture.scope.sql.raw(
            """
            SELECT "lease_owner", "lease_epoch", "lease_until" FROM "agent_desks" \
            WHERE "tenant_id" = \(uuid: fixture.scope.tenantID) AND "user_id" = \(uuid: agent ?? fixture.agentID)
            """
        ).first(decoding: StoredLease.self)
    }

    /// What a paused or lost instance looks like from the database: its lease on the agent has run out.
    static func expireLease(_ fixture: DeskFixture) async throws {
        try await fixture.scope.sql.raw(
            """
            UPDATE "agent_desks" SET "lease_until" = \(bind: Date().addingTimeInterval(-1)) \
            WHERE "tenant_id" = \(uuid: fixture.scope.tenantID) AND "user_id" = \(uuid: fixture.agentID)
            """
        ).run()
    }

    /// Another instance taking the agent, as its registry does.
    static func take(_ app: Application, _ fixture: DeskFixture, as instance: UUID) async throws -> DeskLeaseStore.Taken
    {
        try await app.deskRegistry.writer.write { database in
            try await DeskLeaseStore(database: database, instance: instance).take(
                tenantID: fixture.scope.tenantID, userID: fixture.agentID, at: Date())
        }
    }

    static func latestState(_ fixture: DeskFixture, agent: UUID? = nil) async throws -> String? {
        struct Row: Decodable { var state: String }
        return try await fixture.scope.sql.raw(
            """
            SELECT "state" FROM "agent_state_changes" WHERE "tenant_id" = \(uuid: fixture.scope.tenantID) \
            AND "user_id" = \(uuid: agent ?? fixture.agentID) ORDER BY "at" DESC LIMIT 1
            """
        ).first(decoding: Row.self)?.state
    }

    @Test func oneInstanceHoldsTheLeaseAndAnotherIsRefusedUntilItRunsOut() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 2)
            let session = try await fixture.session(app)
            let stored = try #require(try await Self.lease(fixture))
            #expect(stored.lease_owner == app.serverInstance.id)
            #expect(stored.lease_epoch == 1)
            #expect(session.lease == DeskLease(instance: app.serverInstance.id, epoch: 1))
            #expect(try await fixture.session(app) === session, "asking again gives the same session")

            let other = UUID()
            await #expect(throws: DeskHeldElsewhere.self) { try await Self.take(app, fixture, as: other) }
            #expect(
                try await Self.lease(fixture)?.lease_owner == app.serverInstance.id, "a refused take changes nothing")

            try await Self.expireLease(fixture)
            let taken = try await Self.take(app, fixture, as: other)
            #expect(
                taken
                    == DeskLeaseStore.Taken(
                        lease: DeskLease(instance: other, epoch: 2), previousOwner: app.serverInstance.id))
            // Now this instance finds the agent served elsewhere, and its renewal finds the lease lost.
            await #expect(throws: DeskHeldElsewhere.self) {
                try await Self.take(app, fixture, as: app.serverInstance.id)
            }
            try await eventually("the renewal to find the lease lost") { session.isRetired ? true : nil }
        }
    }

    /// Taken over mid-call: the old session's next commit is refused by the fence, nothing of it is stored, its call
    /// is hung up, its screen is told and sent on, and it dials nothing more. The taker closed the call it left.
    @Test func anInstanceThatLostTheLeaseWritesAndDialsNothingMore() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 3)
            let telephony = RingingTelephony()
            app.useTelephony(telephony)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            let rows = await session.snapshot.rows
            try await probe.send("dial")
            try await eventually("the call to ring") { await telephony.placed.count == 1 ? true : nil }
            let open = try #require(try await fixture.scope.query(CallAttempt.self).first())
            #expect(open.instanceID == app.serverInstance.id && open.endedAt == nil)

            try await Self.expireLease(fixture)
            let other = UUID()
            let taken = try await Self.take(app, fixture, as: other)
            #expect(taken.previousOwner == app.serverInstance.id)
            let closed = try #require(try await fixture.scope.find(CallAttempt.self, id: open.id))
            #expect(closed.endedAt == open.startedAt && closed.result == .unanswered(.failed), "closed as interrupted")
            #expect(try await Self.latestState(fixture) == AgentState.offline.code)

            // Unacknowledged: the screen keeps the edit and sends it again where the agent is served now. (The fence
            // refuses the commit, or the renewal every 3 s found the loss first and the session took no more input.)
            session.submit(.command(.event(.doneSet(rows[1].id, true)), requestID: 99, client: probe.id))
            try await eventually("the screen to be sent on") {
                probe.notices.contains(Label.deskServedElsewhere.text.ja) ? true : nil
            }
            #expect(probe.messages(ofType: "ack").first { $0["id"] as? Int == 99 } == nil)
            let row = try #require(try await fixture.scope.find(AgentWorkRow.self, id: rows[1].id))
            #expect(row.done == false, "the late write changed nothing")
            try await eventually("the session to retire") { session.isRetired ? true : nil }
            #expect(await telephony.hungUp == [open.id!])
            #expect(!session.submit(.command(.event(.dialPressed), requestID: nil, client: probe.id)))
            #expect(await telephony.placed.count == 1)
            #expect(
                try await Self.lease(fixture)?.lease_owner == other,
                "the retiring session released nothing of the taker's")
            await #expect(throws: DeskHeldElsewhere.self) { try await fixture.session(app) }
        }
    }

    /// An instance paused between recording a call and placing it wakes past its lease's deadline: it places the
    /// call only once the database gives it the lease again, and never after another instance took the agent.
    @Test(arguments: [false, true]) func aPausedInstanceDialsOnlyWithItsLeaseConfirmed(takenMeanwhile: Bool)
        async throws
    {
        let clock = ManualMonotonicClock()
        try await withTestApp(prepare: { app in app.useInstanceLeases(InstanceLeases { clock.now }) }) { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 2)
            let telephony = RingingTelephony()
            app.useTelephony(telephony)
            let other = UUID()
            await app.deskRegistry.pauseBeforeInvite { _ in
                // The process stops for 15 s: its lease runs out, and maybe another instance takes the agent.
                clock.advance(15)
                guard takenMeanwhile else { return }
                do {
                    try await Self.expireLease(fixture)
                    _ = try await Self.take(app, fixture, as: other)
                } catch {
                    Issue.record("taking the agent over failed: \(error)")
                }
            }
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            // Not waited for: a session that loses its lease sends its screens on without an answer.
            session.submit(.command(.event(.dialPressed), requestID: nil, client: probe.id))
            let attempt = try await eventually("the call to be recorded") {
                try await fixture.scope.query(CallAttempt.self).first()
            }
            if takenMeanwhile {
                try await eventually("the session to retire") { session.isRetired ? true : nil }
                #expect(await telephony.placed.isEmpty, "the INVITE was never sent")
                let closed = try #require(try await fixture.scope.find(CallAttempt.self, id: attempt.id))
                #expect(closed.endedAt != nil, "the taker closed the recorded call")
                #expect(try await Self.lease(fixture)?.lease_owner == other)
            } else {
                try await eventually("the call to be placed") { await telephony.placed.count == 1 ? true : nil }
                #expect(!session.isRetired)
                #expect(try await Self.lease(fixture)?.lease_epoch == 1, "the lease was confirmed, not taken again")
            }
        }
    }

    /// The agent closed the screen: after the reconnection grace the session retires and gives the lease up, so
    /// another instance may serve the agent at once; coming back opens a new session with the next epoch.
    @Test func anAgentWhoLeftReleasesTheLease() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 2)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await probe.send("download")
            session.submit(.leave(probe.id))
            try await eventually("the session to retire", seconds: 20) { session.isRetired ? true : nil }
            try await eventually("the lease to be released") {
                try await Self.lease(fixture)?.lease_owner == nil ? true : nil
            }
            #expect(try await Self.latestState(fixture) == AgentState.offline.code)
            let next = try await fixture.session(app)
            #expect(next !== session)
            #expect(next.lease.epoch == 2)
            #expect(await next.snapshot.rows.count == 2, "the screen comes back as it was")
        }
    }

    /// Only instances silent for 10 s are settled: their calls closed, their agents オフライン and free, their rows
    /// gone. A live instance's call and agent are untouched, and settling twice changes nothing.
    @Test func onlyDeadInstancesAreSettled() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            let now = Date()
            let (dead, live) = (UUID(), UUID())
            for (id, heartbeat) in [(dead, now.addingTimeInterval(-11)), (live, now.addingTimeInterval(-1))] {
                let record = InstanceRecord()
                record.id = id
                record.name = "test"
                record.startedAt = now.addingTimeInterval(-3600)
                record.heartbeatAt = heartbeat
                try await record.create(on: app.db)
            }
            var attempts: [UUID: UUID] = [:]
            for (agent, instance) in [(fixture.agentID, dead), (fixture.otherAgentID, live)] {
                let attempt = CallAttempt(
                    tenantID: fixture.scope.tenantID, userID: agent, phoneExtension: "302", callListID: nil,
                    customerID: nil, workRowID: nil, number: "+81300000001", startedAt: now.addingTimeInterval(-60))
                attempt.answeredAt = now.addingTimeInterval(-50)
                attempt.instanceID = instance
                try await fixture.scope.create(attempt)
                attempts[instance] = attempt.id
                let desk = AgentDeskRecord(tenantID: fixture.scope.tenantID, userID: agent)
                desk.leaseOwner = instance
                desk.leaseEpoch = 1
                desk.leaseUntil = now.addingTimeInterval(5)
                try await fixture.scope.create(desk)
                try await fixture.scope.insertRows(
                    into: "agent_state_changes", columns: ["id", "user_id", "state", "reason", "at"],
                    rows: [[UUID(), agent, AgentState.talking.code, String?.none, now.addingTimeInterval(-50)]])
            }
            let found = try await DeadInstanceSweep.deadInstances(
                on: app.db, me: app.serverInstance.id, now: now, everyOtherIsDead: false)
            #expect(found == [dead])
            let outcome = try await DeadInstanceSweep.settle(found, includingUnowned: false, on: app.db, at: now)
            #expect(outcome == DeadInstanceSweep.Outcome(instances: [dead], agents: 1, calls: 1))

            let closed = try #require(try await fixture.scope.find(CallAttempt.self, id: attempts[dead]))
            let ended = try #require(closed.endedAt)
            #expect(abs(ended.timeIntervalSince(now.addingTimeInterval(-50))) < 0.001 && closed.result == .answered)
            #expect(try await fixture.scope.find(CallAttempt.self, id: attempts[live])?.endedAt == nil)
            #expect(try await Self.latestState(fixture) == AgentState.offline.code)
            #expect(try await Self.latestState(fixture, agent: fixture.otherAgentID) == AgentState.talking.code)
            #expect(try await Self.lease(fixture)?.lease_owner == nil)
            #expect(try await Self.lease(fixture, agent: fixture.otherAgentID)?.lease_owner == live)
            let left = try await InstanceRecord.query(on: app.db).all().compactMap(\.id)
            #expect(Set(left) == [live, app.serverInstance.id])

            let again = try await DeadInstanceSweep.settle(
                try await DeadInstanceSweep.deadInstances(
                    on: app.db, me: app.serverInstance.id, now: now, everyOtherIsDead: false),
                includingUnowned: false, on: app.db, at: now)
            #expect(again == DeadInstanceSweep.Outcome())
            // A call that names no instance was placed before instances were recorded: only a SQLite server at
            // start settles those (on PostgreSQL every call is placed under a lease).
            let legacy = CallAttempt(
                tenantID: fixture.scope.tenantID, userID: fixture.otherAgentID, phoneExtension: "303", callListID: nil,
                customerID: nil, workRowID: nil, number: "+81300000002", startedAt: now.addingTimeInterval(-30))
            try await fixture.scope.create(legacy)
            _ = try await DeadInstanceSweep.settle([], includingUnowned: false, on: app.db, at: now)
            #expect(try await fixture.scope.find(CallAttempt.self, id: legacy.id)?.endedAt == nil)
            let atStart = try await DeadInstanceSweep.settle([], includingUnowned: true, on: app.db, at: now)
            #expect(atStart.calls == 1)
            #expect(try await fixture.scope.find(CallAttempt.self, id: legacy.id)?.endedAt != nil)
            // At the start of a SQLite server, every other instance recorded in its file is a stopped server's.
            #expect(
                try await DeadInstanceSweep.deadInstances(
                    on: app.db, me: app.serverInstance.id, now: now, everyOtherIsDead: true) == [live])
        }
    }

    /// This instance is recorded and heartbeats every 2 s; its renewals keep its leases from running out.
    @Test func theInstanceHeartbeatsAndRenewsItsLeases() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            _ = try await fixture.session(app)
            let first = try #require(try await InstanceRecord.find(app.serverInstance.id, on: app.db))
            let firstUntil = try #require(try await Self.lease(fixture)?.lease_until)
            try await eventually("a heartbeat and a renewal", seconds: 8) { () -> Bool? in
                let beat = try await InstanceRecord.find(app.serverInstance.id, on: app.db)?.heartbeatAt
                let until = try await Self.lease(fixture)?.lease_until
                guard let beat, let until, beat > first.heartbeatAt, until > firstUntil else { return nil }
                return true
            }
        }
    }
}
