import FluentKit
import Foundation
import SQLKit
import Testing
import TsunaguCore

@testable import TsunaguServer

/// The writer stores a batch of several screens' commits with one statement per kind of change: each value must
/// still land on its own row, a row only its holder can write, and another tenant's rows are never touched.
@Suite struct DeskChangesWriterTests {
    @Test func aMergedBatchWritesEachScreensOwnRowsOnly() async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 3)
            let session = try await fixture.session(app)
            try await DeskProbe(session).send("download")
            let rows = await session.snapshot.rows
            #expect(rows.count == 3)
            let (tenantA, tenantB) = (fixture.tenants.a, fixture.tenants.b)
            let started = Date(timeIntervalSince1970: 1_800_000_000)
            let attemptID = UUID()

            var mine = DeskChanges(tenantID: tenantA, userID: fixture.agentID)
            var first = rows[0]
            first.memo = "折り返し希望"
            first.prospect = true
            first.result = .unanswered(.busy)
            var second = rows[1]
            second.contactName = "山田"
            mine.rows = [first, second]
            mine.newAttempts = [
                DeskChanges.NewAttempt(
                    id: attemptID, phoneExtension: "302", callListID: fixture.listID, customerID: first.customerID,
                    workRowID: first.id, number: first.dialNumber, startedAt: started,
                    notes: DeskChanges.Notes(first), kind: .manualRow)
            ]
            mine.answered = [(attemptID, started.addingTimeInterval(5))]
            mine.endings = [
                DeskChanges.Ending(
                    attemptID: attemptID, at: started.addingTimeInterval(65), result: .answered, signallingCode: 200)
            ]
            mine.position = DeskStore.Position(cursor: 2, autoFetchActive: true, lastCallNumber: 7)

            // Another agent of the same tenant, and the other tenant, aim at the same rows.
            var thief = DeskChanges(tenantID: tenantA, userID: fixture.otherAgentID)
            var stolen = rows[2]
            stolen.memo = "別の担当者"
            thief.rows = [stolen]
            var foreign = DeskChanges(tenantID: tenantB, userID: fixture.agentID)
            var crossed = rows[2]
            crossed.memo = "他テナント"
            foreign.rows = [crossed]
            foreign.notes = [(attemptID, DeskChanges.Notes(memo: "他テナント", prospect: false, callback: true))]

            let batch = [thief, mine, foreign]
            _ = try await app.db.writeTransaction { transaction in
                try await DeskChangesWriter(database: transaction).store(batch)
            }

            let stored = try await fixture.scope.query(AgentWorkRow.self).sort(\.$position).all()
            #expect(stored.map(\.memo) == ["折り返し希望", "", ""])
            #expect(stored.map(\.prospect) == [true, false, false])
            #expect(stored[0].result == .unanswered(.busy))
            #expect(stored.map(\.contactName)[1] == "山田")
            let attempt = try #require(try await fixture.scope.find(CallAttempt.self, id: attemptID))
            #expect(attempt.callListID == fixture.listID)
            #expect(attempt.userID == fixture.agentID)
            #expect(attempt.memo == "折り返し希望" && attempt.prospect && !attempt.callback)
            #expect(attempt.answeredAt == started.addingTimeInterval(5))
            #expect(attempt.endedAt == started.addingTimeInterval(65))
            #expect(attempt.result == .answered && attempt.sipStatus == 200)
            let record = try #require(
                try await fixture.scope.query(AgentDeskRecord.self).filter(\.$userID == fixture.agentID).first())
            #expect(record.cursor == 2 && record.autoFetchActive && record.lastCallNumber == 7)

            // A second answer never moves the first; the position record now exists and is updated in place.
            var later = DeskChanges(tenantID: tenantA, userID: fixture.agentID)
            later.answered = [(attemptID, started.addingTimeInterval(30))]
            later.position = DeskStore.Position(cursor: 0, autoFetchActive: false, lastCallNumber: 8)
            later.positionRecordExists = true
            try await app.deskRegistry.writer.write(later)
            let again = try #require(try await fixture.scope.find(CallAttempt.self, id: attemptID))
            #expect(again.answeredAt == started.addingTimeInterval(5))
            let moved = try #require(
                try await fixture.scope.query(AgentDeskRecord.self).filter(\.$userID == fixture.agentID).first())
            #expect(moved.cursor == 0 && !moved.autoFetchActive && moved.lastCallNumber == 8)
            #expect(try await fixture.scope.query(AgentDeskRecord.self).count() == 1)
        }
    }

    /// A batch's UPDATE finds its rows by their keys: with a bare `tenant_id = ?` SQLite preferred a tenant index
    /// for a long key list and scanned every call of the tenant, a cost that grew all day.
    @Test(.enabled(if: TestDatabase.isSQLite, "SQLite's query plan"))
    func batchUpdatesSeekTheirRowsByKey() async throws {
        try await withTestApp { app, _ in
            let scope = TenantScope(tenantID: UUID(), database: app.db)
            let rows: [(key: TenantScope.Value, values: [TenantScope.Value])] = (0..<64).map { _ in (UUID(), [1]) }
            for (table, key, column) in [
                (CallAttempt.schema, "id", "prospect"), (AgentWorkRow.schema, "id", "done"),
                (AgentDeskRecord.schema, "user_id", "cursor"),
            ] {
                let statement = try #require(
                    scope.updateStatements(in: table, key: key, columns: [column], rows: rows).first)
                let explain: SQLQueryString = "EXPLAIN QUERY PLAN "
                let plan = try await scope.sql.raw(explain + statement).all()
                let details = try plan.map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "; ")
                #expect(details.contains("(\(key)=?)"), "\(table): \(details)")
            }
        }
    }
}
