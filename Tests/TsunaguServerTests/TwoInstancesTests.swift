import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Telephony
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// Two instances in one process on one PostgreSQL database, each with its own pool, writer and heartbeat: one of
/// them leads, an agent is served by one at a time, the leader settles a dead instance and never a live one, and an
/// instance that stops gives its agents up to the other at once.
@Suite(.enabled(if: TestDatabase.isPostgres, "several instances share a PostgreSQL database only"))
struct TwoInstancesTests {
    /// Runs `body` with two instances configured, migrated and started on one new database, and shuts down whichever
    /// of them `body` left running.
    static func withTwoInstances(_ body: (Application, Application) async throws -> Void) async throws {
        let url = try #require(try await TestDatabase.create())
        var configuration = ServerConfiguration()
        configuration.databaseURL = url
        let apps = [try await Application.make(.testing), try await Application.make(.testing)]
        do {
            for app in apps {
                try await app.configureTsunagu(configuration)
                try await app.migrateTsunagu()
                try await app.startInstance()
            }
            try await body(apps[0], apps[1])
        } catch {
            for app in apps where !app.didShutdown { try? await app.asyncShutdown() }
            throw error
        }
        for app in apps where !app.didShutdown { try await app.asyncShutdown() }
    }

    @Test(.timeLimit(.minutes(2))) func twoInstancesShareTheAgentsAndOneLeads() async throws {
        try await Self.withTwoInstances { a, b in
            try await eventually("exactly one leader", seconds: 8) {
                let leaders = [await a.instanceLiveness.leads, await b.instanceLiveness.leads]
                return leaders.filter { $0 }.count == 1 ? true : nil
            }

            let fixture = try await DeskFixture.make(a, rows: 2)
            let telephony = AgentLeaseTests.RingingTelephony()
            a.useTelephony(telephony)
            let session = try await a.deskRegistry.session(tenantID: fixture.scope.tenantID, userID: fixture.agentID)
            await #expect(throws: DeskHeldElsewhere.self) {
                try await b.deskRegistry.session(tenantID: fixture.scope.tenantID, userID: fixture.agentID)
            }
            let probe = DeskProbe(session)
            try await probe.send("download")
            try await probe.send("dial")
            let call = try await eventually("A's call to ring") {
                try await fixture.scope.query(CallAttempt.self).filter(\.$endedAt == nil).first()
            }
            #expect(call.instanceID == a.serverInstance.id)

            // An instance silent for 11 s with a call still open: the leader closes that call, and only that one.
            let dead = InstanceRecord()
            dead.id = UUID()
            dead.name = "killed"
            dead.startedAt = Date().addingTimeInterval(-60)
            dead.heartbeatAt = Date().addingTimeInterval(-11)
            try await dead.create(on: a.db)
            let orphan = CallAttempt(
                tenantID: fixture.scope.tenantID, userID: fixture.otherAgentID, phoneExtension: "303",
                callListID: nil, customerID: nil, workRowID: nil, number: "+81300000009",
                startedAt: Date().addingTimeInterval(-30))
            orphan.instanceID = dead.id
            try await fixture.scope.create(orphan)
            try await eventually("the leader to close the dead instance's call", seconds: 8) {
                try await fixture.scope.find(CallAttempt.self, id: orphan.id)?.endedAt != nil ? true : nil
            }
            // The row goes last, after the calls are closed (the same sweep, a moment later).
            try await eventually("the dead instance's row to go") {
                try await InstanceRecord.find(dead.id, on: a.db) == nil ? true : nil
            }
            #expect(try await fixture.scope.find(CallAttempt.self, id: call.id)?.endedAt == nil, "A's call goes on")
            #expect(await telephony.placed.count == 1)

            // A stops: the agent's lease is given up, and B serves the agent at once, as A left the screen.
            probe.session.submit(.command(.event(.hangUpPressed), requestID: nil, client: probe.id))
            try await eventually("A's call to end") {
                try await fixture.scope.find(CallAttempt.self, id: call.id)?.endedAt != nil ? true : nil
            }
            try await a.asyncShutdown()
            let moved = try await b.deskRegistry.session(tenantID: fixture.scope.tenantID, userID: fixture.agentID)
            #expect(moved.lease == DeskLease(instance: b.serverInstance.id, epoch: 2))
            #expect(await moved.snapshot.rows.count == 2)
            try await eventually("B to lead once A is gone", seconds: 8) { await b.instanceLiveness.leads ? true : nil }
        }
    }

    /// Changes made on one instance reach the other's boards and screens through LISTEN/NOTIFY: an agent's commit
    /// reaches the other's board, a settings change its screens; and a listener that lost its connection makes
    /// every board read everything once it is back.
    @Test(.timeLimit(.minutes(2))) func boardsAndScreensFollowTheOtherInstance() async throws {
        try await Self.withTwoInstances { a, b in
            let fixture = try await DeskFixture.make(a, rows: 2)
            let seenOnB = NIOLockedValueBox<[FloorEvent]>([])
            let following = Task {
                for await event in b.floorHubs.bus.subscribe() { seenOnB.withLockedValue { $0.append(event) } }
            }
            defer { following.cancel() }
            // B's listener may still be connecting: A's changes count once it hears its own notifications' kind.
            try await eventually("B to hear A", seconds: 10) { () -> Bool? in
                a.floorHubs.bus.publish(FloorEvent(tenantID: fixture.scope.tenantID, lists: [fixture.listID]))
                try await Task.sleep(for: .milliseconds(100))
                return seenOnB.withLockedValue { $0.contains { $0.lists == [fixture.listID] } } ? true : nil
            }

            let session = try await a.deskRegistry.session(tenantID: fixture.scope.tenantID, userID: fixture.agentID)
            let probe = DeskProbe(session)
            try await probe.send("download")
            try await eventually("A's agent's commit on B's board") {
                seenOnB.withLockedValue { $0.contains { $0.agents.contains(fixture.agentID) } } ? true : nil
            }

            // The other agent's screen is on B; A's manager changes the settings.
            let other = try await b.deskRegistry.session(tenantID: fixture.scope.tenantID, userID: fixture.otherAgentID)
            _ = DeskProbe(other)
            let tenant = try #require(try await Tenant.find(fixture.scope.tenantID, on: a.db))
            var settings = tenant.settings
            settings.workListCap = 7
            tenant.settings = settings
            try await tenant.save(on: a.db)
            await a.deskRegistry.settingsChanged(tenantID: fixture.scope.tenantID, settings: settings)
            try await eventually("B's screen to take the new settings") {
                await other.snapshot.settings.workListCap == 7 ? true : nil
            }

            // B's listener is cut off: once back, every board of B reads everything.
            try await b.db.sql.raw(
                """
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
                WHERE application_name = 'tsunagu events' AND datname = current_database()
                """
            ).run()
            try await eventually("B to read everything after reconnecting", seconds: 15) {
                seenOnB.withLockedValue { $0.contains { $0.tenantID == FloorEvent.everyTenant } } ? true : nil
            }
        }
    }

    /// The calling rules stay atomic across instances: two instances' writers recording automatic dials of one
    /// number at the same moment never both let theirs through (the number was dialled a minute ago; the redial
    /// limit allows one more).
    @Test(.timeLimit(.minutes(2))) func twoInstancesDiallingOneNumberAtOnceCannotBothPass() async throws {
        try await Self.withTwoInstances { a, b in
            let fixture = try await DeskFixture.make(a, rows: 1, first: 2)
            let now = Date()
            for trial in 0..<20 {
                let number = "+8130000\(String(format: "%04d", trial))"
                try await fixture.scope.create(
                    CallAttempt(
                        tenantID: fixture.scope.tenantID, userID: fixture.agentID, phoneExtension: "302",
                        callListID: nil, customerID: nil, workRowID: nil, number: number,
                        startedAt: now.addingTimeInterval(-60)))
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
                async let onA = a.deskRegistry.writer.write(changes(fixture.agentID))
                async let onB = b.deskRegistry.writer.write(changes(fixture.otherAgentID))
                let outcomes = try await [onA, onB]
                #expect(outcomes.filter(\.isEmpty).count == 1, "trial \(trial): exactly one dial goes out")
                #expect(outcomes.flatMap(\.values) == [.redialLimit])
            }
        }
    }

    /// The agent's screen reconnects to the other instance (nginx moved it): that instance asks for the agent, and
    /// the holder, with no screen open and no call, gives it up at once rather than after the reconnection grace.
    @Test(.timeLimit(.minutes(2))) func aScreenThatMovesIsHandedOverBetweenCalls() async throws {
        try await Self.withTwoInstances { a, b in
            let fixture = try await DeskFixture.make(a, rows: 2)
            let onA = try await a.deskRegistry.session(tenantID: fixture.scope.tenantID, userID: fixture.agentID)
            let probe = DeskProbe(onA)
            try await probe.send("download")
            onA.submit(.leave(probe.id))
            let asked = ContinuousClock.now
            let onB = try await eventually("B to serve the agent", seconds: 8) { () -> AgentDeskSession? in
                do {
                    return try await b.deskRegistry.session(tenantID: fixture.scope.tenantID, userID: fixture.agentID)
                } catch is DeskHeldElsewhere {
                    try await Task.sleep(for: .milliseconds(200))
                    return nil
                }
            }
            #expect(ContinuousClock.now - asked < .seconds(8), "well before the 10 s grace")
            #expect(onA.isRetired)
            #expect(onB.lease == DeskLease(instance: b.serverInstance.id, epoch: 2))
            #expect(await onB.snapshot.rows.count == 2)
        }
    }

    /// Hand-out under contention: 40 agents, 20 on each instance, download at once from one shared pool of 8,000
    /// rows. Every agent gets its full 200, and no row is held twice.
    @Test(.timeLimit(.minutes(5))) func fortyAgentsOnTwoInstancesDownloadFromOnePool() async throws {
        try await Self.withTwoInstances { a, b in
            let fixture = try await DistributionTests.fixture(a, rows: 8_000, agents: 40)
            try await ListDistributor(scope: fixture.scope).distribute(
                listID: fixture.listID, mode: .sharedPool, agentIDs: [])
            let tenant = try #require(try await Tenant.find(fixture.scope.tenantID, on: a.db))
            tenant.settings.workListCap = 200
            try await tenant.save(on: a.db)

            let sessions = try await withThrowingTaskGroup(of: AgentDeskSession.self) { group in
                for (index, agent) in fixture.agents.enumerated() {
                    let app = index.isMultiple(of: 2) ? a : b
                    group.addTask {
                        let session = try await app.deskRegistry.session(
                            tenantID: fixture.scope.tenantID, userID: agent)
                        let probe = DeskProbe(session)
                        session.submit(.command(.event(.downloadPressed), requestID: nil, client: probe.id))
                        // Forty claims on two writers at once, beside the rest of the suite: allow far more than
                        // the few seconds they take alone.
                        try await eventually("a full download", seconds: 120) {
                            await session.snapshot.rows.count == 200 ? true : nil
                        }
                        return session
                    }
                }
                var all: [AgentDeskSession] = []
                for try await session in group { all.append(session) }
                return all
            }
            var held: [UUID] = []
            for session in sessions {
                let rows = await session.snapshot.rows
                #expect(rows.count == 200, "every agent gets its full 200")
                held += rows.map(\.id)
            }
            #expect(held.count == 8_000 && Set(held).count == 8_000, "no row is held twice")
            let holders = try await fixture.scope.query(AgentWorkRow.self).all()
            #expect(holders.count == 8_000)
            #expect(Set(sessions.map(\.lease.instance)) == [a.serverInstance.id, b.serverInstance.id])
        }
    }
}
