import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// The check before a dial reads the tenant's settings with its other facts in one statement and keeps the decoded
/// settings between transactions: a change saved on 設定 must still decide the very next dial.
@Suite struct DialGateFactsTests {
    private func attempt(_ fixture: DeskFixture, number: String, listID: UUID? = nil) -> DeskChanges {
        var changes = DeskChanges(tenantID: fixture.scope.tenantID, userID: fixture.agentID)
        changes.newAttempts = [
            DeskChanges.NewAttempt(
                id: UUID(), phoneExtension: "302", callListID: listID, customerID: nil, workRowID: nil,
                number: number, startedAt: Date(), notes: .init(memo: "", prospect: false, callback: false),
                kind: .automatic)
        ]
        return changes
    }

    /// Through the one group-commit writer: a dial passes, the window is closed on 設定, the next dial is refused;
    /// opened again, the next passes.
    @Test func settingsChangedBetweenTwoDialsDecideTheSecond() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            let writer = app.deskRegistry.writer
            #expect(try await writer.write(attempt(fixture, number: "+81300007001")).isEmpty)

            let tenant = try #require(try await Tenant.find(fixture.scope.tenantID, on: app.db))
            tenant.settings.callingWindow = CallingWindow(
                schedule: WeeklySchedule(), holidaysClosed: false, closedDays: [])
            try await tenant.save(on: app.db)
            let refused = try await writer.write(attempt(fixture, number: "+81300007002"))
            guard case .outsideWindow = try #require(refused.values.first) else {
                Issue.record("the closed window should refuse the dial, not \(refused)")
                return
            }

            tenant.settings.callingWindow = .always
            try await tenant.save(on: app.db)
            #expect(try await writer.write(attempt(fixture, number: "+81300007003")).isEmpty)
        }
    }

    /// A list's own window and a bar on the number are read in the same statement as the settings: a list closed
    /// after download stops its dial, and a barred number is refused, in one batch.
    @Test func listRulesAndBarsAreReadWithTheSettings() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            let list = try #require(try await fixture.scope.find(CallList.self, id: fixture.listID))
            var rules = list.rules
            rules.callingWindow = CallingWindow(schedule: WeeklySchedule(), holidaysClosed: false, closedDays: [])
            list.rules = rules
            try await fixture.scope.update(list)
            _ = try await DialBarStore(scope: fixture.scope).importNumbers(
                [.init(line: 1, number: "+81300007102", note: "")], by: nil, at: Date())
            let batch = [
                attempt(fixture, number: "+81300007101", listID: fixture.listID),
                attempt(fixture, number: "+81300007102"),
                attempt(fixture, number: "+81300007103"),
            ]
            let refusals = try await app.db.writeTransaction { transaction in
                try await DeskChangesWriter(database: transaction).store(batch)
            }
            guard case .outsideWindow = try #require(refusals[batch[0].newAttempts[0].id]) else {
                Issue.record("the list's closed window should refuse its dial")
                return
            }
            #expect(refusals[batch[1].newAttempts[0].id] == .barred)
            #expect(refusals[batch[2].newAttempts[0].id] == nil)
        }
    }
}
