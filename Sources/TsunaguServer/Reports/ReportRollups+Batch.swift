import Foundation
import TsunaguCore

extension ReportRollups {
    /// The attempts a batch of phone-screen commits touches as its statements leave them, worked out without reading
    /// them back: `before` (those read before the writes) and the batch's new attempts, with its answers, endings
    /// and notes applied as the UPDATEs apply them (an answer only where none is stored yet; an attempt of another
    /// tenant, or none at all, is not in `before` and stays untouched). Nil when one attempt is answered, ended or
    /// noted twice in the batch: which value the statements keep then depends on how they are split, so the caller
    /// reads the attempts back instead.
    static func after(
        _ batch: [DeskChanges], before: [AttemptFacts], newAttempts: [(UUID, DeskChanges.NewAttempt)],
        tenantID: UUID
    ) -> [AttemptFacts]? {
        let answered = batch.flatMap(\.answered)
        let endings = batch.flatMap(\.endings)
        let notes = batch.flatMap(\.notes)
        guard Set(answered.map(\.attemptID)).count == answered.count,
            Set(endings.map(\.attemptID)).count == endings.count,
            Set(notes.map(\.attemptID)).count == notes.count
        else { return nil }
        var facts: [UUID: AttemptFacts] = [:]
        var order: [UUID] = []
        for fact in before where facts[fact.id] == nil {
            facts[fact.id] = fact
            order.append(fact.id)
        }
        for (userID, attempt) in newAttempts where facts[attempt.id] == nil {
            facts[attempt.id] = AttemptFacts(
                tenant_id: tenantID, id: attempt.id, user_id: userID, call_list_id: attempt.callListID,
                started_at: attempt.startedAt, answered_at: nil, ended_at: nil, result: nil,
                prospect: attempt.notes.prospect, callback: attempt.notes.callback)
            order.append(attempt.id)
        }
        for answer in answered where facts[answer.attemptID]?.answered_at == nil {
            facts[answer.attemptID]?.answered_at = answer.at
        }
        for ending in endings {
            facts[ending.attemptID]?.ended_at = ending.at
            facts[ending.attemptID]?.result = ending.result.storageValue
        }
        for note in notes {
            facts[note.attemptID]?.prospect = note.notes.prospect
            facts[note.attemptID]?.callback = note.notes.callback
        }
        return order.compactMap { facts[$0] }
    }
}
