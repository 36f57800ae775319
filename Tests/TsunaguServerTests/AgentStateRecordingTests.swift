import FluentKit
import Foundation
import SQLKit
import Testing
import TsunaguCore

@testable import TsunaguServer

/// The agent's state (the manager's floor) as the phone screen's session records it: every change is stored with
/// its time, from the screen opening through a call to the screen closing for longer than the grace.
@Suite struct AgentStateRecordingTests {
    static func stored(_ fixture: DeskFixture) async throws -> [(state: String, reason: String?, at: Date)] {
        try await fixture.scope.sql.select().columns("state", "reason", "at").from("agent_state_changes")
            .where("tenant_id", .equal, fixture.scope.tenantID).where("user_id", .equal, fixture.agentID)
            .orderBy("at").all()
            .map {
                (
                    try $0.decode(column: "state", as: String.self), try $0.decode(column: "reason", as: String?.self),
                    try $0.decode(column: "at", as: Date.self)
                )
            }
    }

    @Test func aCallAndAnAbsenceAreStoredAsFacts() async throws {
        try await withTestApp { app, _ in
            // Number 03-0000-0000 answers (the standard rules), at 200 times real speed.
            let fixture = try await DeskFixture.make(app, rows: 1, first: 0)
            let session = try await fixture.session(app)
            let probe = DeskProbe(session)
            try await eventually("待機中 stored") { try await Self.stored(fixture).map(\.state) == ["idle"] ? true : nil }
            try await probe.send("download")
            try await probe.send("start")
            try await eventually("the answered call") {
                try await Self.stored(fixture).map(\.state) == ["idle", "dialing", "talking"] ? true : nil
            }
            try await probe.send("hangUp")
            try await eventually("後処理 after the answered call") {
                try await Self.stored(fixture).map(\.state).last == "wrapUp" ? true : nil
            }
            #expect(await session.agentState.state == .wrapUp)
            let states = try await Self.stored(fixture)
            #expect(zip(states, states.dropFirst()).allSatisfy { $0.at <= $1.at })

            // The screen closes: nothing changes within the grace; after it, オフライン dated when it closed.
            let closed = Date()
            session.submit(.leave(probe.id))
            try await Task.sleep(for: .seconds(2))
            #expect(try await Self.stored(fixture).map(\.state).last == "wrapUp")
            let offline = try await eventually("オフライン after the grace", seconds: 15) {
                try await Self.stored(fixture).last.flatMap { $0.state == "offline" ? $0 : nil }
            }
            #expect(abs(offline.at.timeIntervalSince(closed)) < 1)
        }
    }
}
