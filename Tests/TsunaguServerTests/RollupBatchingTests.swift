import FluentKit
import Foundation
import SQLKit
import Testing
import TsunaguCore

@testable import TsunaguServer

/// The phone screens' writer keeps the report roll-ups without reading an attempt back after writing it: it applies
/// the batch's answers, endings and notes to what it read before. Whatever way the commits fall into batches (a call
/// placed, answered and ended in one; 見込み set and cleared again; one attempt noted twice in a batch; an answer for
/// an attempt that does not exist), the roll-ups equal the calls counted in plain SQL.
@Suite struct RollupBatchingTests {
    /// A small deterministic generator, so a failure can be run again as it was.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func rollupsEqualTheCallsHoweverTheCommitsAreBatched(seed: UInt64) async throws {
        try await withTestApp { app, _ in
            let fixture = try await DeskFixture.make(app, rows: 1)
            let zone = TimeZone(identifier: "Asia/Tokyo")!
            var generator = SplitMix(state: seed)
            let start = ReportTests.monday.addingTimeInterval(9 * 3_600)
            // Each call's commits in the order a screen makes them.
            var pending: [[DeskChanges]] = []
            for index in 0..<40 {
                let user = index % 3 == 0 ? fixture.otherAgentID : fixture.agentID
                func changes() -> DeskChanges {
                    var changes = DeskChanges(tenantID: fixture.scope.tenantID, userID: user)
                    changes.timeZone = zone
                    return changes
                }
                let id = UUID()
                // Near the hour's edge, so some calls fall in the next hour's bucket.
                let started = start.addingTimeInterval(Double(index) * 97)
                var placed = changes()
                placed.newAttempts = [
                    DeskChanges.NewAttempt(
                        id: id, phoneExtension: "302", callListID: index % 4 == 0 ? nil : fixture.listID,
                        customerID: nil, workRowID: nil, number: "+8130009\(index)", startedAt: started,
                        notes: DeskChanges.Notes(memo: "", prospect: index % 5 == 0, callback: false), kind: .dialPad)
                ]
                var steps = [placed]
                let answered = Bool.random(using: &generator)
                if answered {
                    var answer = changes()
                    answer.answered = [(id, started.addingTimeInterval(4))]
                    steps.append(answer)
                }
                var ending = changes()
                ending.endings = [
                    DeskChanges.Ending(
                        attemptID: id, at: started.addingTimeInterval(answered ? 4 + Double(index) : 15),
                        result: answered ? .answered : .unanswered(.noAnswer))
                ]
                steps.append(ending)
                for _ in 0..<Int.random(in: 0...3, using: &generator) {
                    var notes = changes()
                    notes.notes = [
                        (
                            id,
                            DeskChanges.Notes(
                                memo: "メモ", prospect: Bool.random(using: &generator),
                                callback: Bool.random(using: &generator))
                        )
                    ]
                    steps.append(notes)
                }
                pending.append(steps)
            }
            // An answer and an ending for attempts that were never stored change nothing.
            var stray = DeskChanges(tenantID: fixture.scope.tenantID, userID: fixture.agentID)
            stray.answered = [(UUID(), start)]
            stray.endings = [DeskChanges.Ending(attemptID: UUID(), at: start, result: .answered)]
            pending.append([stray])

            // Interleaved as many screens commit, each call's commits in order, cut into batches of 1 to 8.
            let writer = DeskChangesWriter(database: app.db)
            var batches = 0
            while !pending.isEmpty {
                var batch: [DeskChanges] = []
                for _ in 0..<Int.random(in: 1...8, using: &generator) where !pending.isEmpty {
                    let call = Int.random(in: 0..<pending.count, using: &generator)
                    batch.append(pending[call].removeFirst())
                    if pending[call].isEmpty { pending.remove(at: call) }
                }
                try await writer.store(batch)
                batches += 1
            }
            #expect(batches > 20)

            struct Rolled: Decodable {
                var calls: Int
                var contacts: Int
                var prospects: Int
                var callbacks: Int
                var talk: Double
            }
            for user in [fixture.agentID, fixture.otherAgentID] {
                let (counted, talk) = try await ReportTests.counted(
                    app.db, tenant: fixture.scope.tenantID, from: "2026-11-01", to: "2026-11-03", user: user)
                let rolled = try #require(
                    try await app.db.sql.raw(
                        """
                        SELECT CAST(COALESCE(SUM("calls"), 0) AS BIGINT) AS "calls", CAST(COALESCE(SUM("contacts"), 0) AS BIGINT) AS "contacts", \
                        CAST(COALESCE(SUM("prospects"), 0) AS BIGINT) AS "prospects", CAST(COALESCE(SUM("callbacks"), 0) AS BIGINT) AS "callbacks", \
                        COALESCE(SUM("talk_seconds"), 0) AS "talk" FROM "call_figures_daily" \
                        WHERE "tenant_id" = \(bind: fixture.scope.tenantID) AND "user_id" = \(bind: user)
                        """
                    ).first(decoding: Rolled.self))
                #expect(counted.calls > 0)
                #expect(
                    ReportTests.Counted(
                        calls: rolled.calls, contacts: rolled.contacts, prospects: rolled.prospects,
                        callbacks: rolled.callbacks) == counted)
                #expect(abs(rolled.talk - talk) < 0.001)
            }
        }
    }
}
