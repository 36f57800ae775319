import Foundation
import TsunaguCore

@testable import TsunaguServer

/// Writes calls and state facts the way the phone screens do, through `DeskChangesWriter`, so the report roll-ups
/// are kept as in production; the tests then count the facts themselves in plain SQL.
struct ReportSeed {
    let scope: TenantScope
    let zone = TimeZone(identifier: "Asia/Tokyo")!
    private var generator = SystemRandomNumberGenerator()

    init(scope: TenantScope) {
        self.scope = scope
    }

    /// One call by `user` on `list`, placed at `started`: answered after 5 s and talked `talk` seconds, or rung out
    /// after 20 s; 見込み and 再架電 set after the call, as an agent does during wrap-up.
    func call(
        user: UUID, list: UUID?, number: String, started: Date, talk: Double?, prospect: Bool, callback: Bool,
        customer: UUID? = nil, unanswered: UnansweredReason = .noAnswer
    ) async throws {
        let writer = DeskChangesWriter(database: scope.database)
        let id = UUID()
        var placed = DeskChanges(tenantID: scope.tenantID, userID: user)
        placed.timeZone = zone
        placed.newAttempts = [
            DeskChanges.NewAttempt(
                id: id, phoneExtension: "302", callListID: list, customerID: customer, workRowID: nil, number: number,
                startedAt: started, notes: DeskChanges.Notes(memo: "", prospect: false, callback: false),
                kind: .dialPad)
        ]
        let refused = try await writer.store([placed])
        precondition(refused.isEmpty, "the seed's call was held back: \(refused)")
        var ended = DeskChanges(tenantID: scope.tenantID, userID: user)
        ended.timeZone = zone
        if let talk {
            ended.answered = [(id, started.addingTimeInterval(5))]
            ended.endings = [
                DeskChanges.Ending(attemptID: id, at: started.addingTimeInterval(5 + talk), result: .answered)
            ]
        } else {
            ended.endings = [
                DeskChanges.Ending(attemptID: id, at: started.addingTimeInterval(20), result: .unanswered(unanswered))
            ]
        }
        try await writer.store([ended])
        if prospect || callback {
            var notes = DeskChanges(tenantID: scope.tenantID, userID: user)
            notes.timeZone = zone
            notes.notes = [(id, DeskChanges.Notes(memo: "メモ", prospect: prospect, callback: callback))]
            try await writer.store([notes])
        }
    }

    /// A day's state facts for `user`, as the state machine dates them: each change ends the one before.
    func states(user: UUID, _ sequence: [(AgentState, Date)], list: UUID?) async throws {
        let writer = DeskChangesWriter(database: scope.database)
        var previous: (AgentState, Date) = (.offline, sequence.first?.1 ?? Date())
        for (state, at) in sequence {
            var changes = DeskChanges(tenantID: scope.tenantID, userID: user)
            changes.timeZone = zone
            changes.stateChanges = [
                DeskChanges.StateFact(
                    change: AgentStateMachine.Change(
                        state: state, at: at, previous: previous.0, previousSince: previous.1),
                    callListID: previous.0 == .wrapUp ? list : nil)
            ]
            try await writer.store([changes])
            previous = (state, at)
        }
    }
}
