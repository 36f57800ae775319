import Foundation

/// Timed callbacks on the phone screen. They are not rows: the host keeps them (`CallbackSection`) and the desk only
/// dials them, on a click or, when the tenant turns on 「期限の来た再架電を次に発信」, as the walk's next dial.
extension AgentDesk {
    /// A due callback the walk may dial next.
    public struct DueCallback: Sendable, Hashable {
        public var id: UUID
        /// E.164.
        public var number: String
        /// The customer's row on this screen, if the list still holds it: the call's result, 見込み and memo go
        /// there, as for any row. Nil after アップロード: the call is recorded without a row.
        public var row: AgentDeskRow.ID?

        public init(id: UUID, number: String, row: AgentDeskRow.ID? = nil) {
            self.id = id
            self.number = number
            self.row = row
        }
    }

    /// The host's current choice for the next automatic dial (`CallbackSection.dialNext`), or nil for none. The
    /// walk dials it once, ahead of ▶'s row; ▶ stays where it was, so the walk goes on from there afterwards.
    public mutating func offerDueCallback(_ callback: DueCallback?) {
        dueCallback = callback
    }

    mutating func takeDueCallback() -> DueCallback? {
        defer { dueCallback = nil }
        return dueCallback
    }

    /// A click on a callback: dialled now, like 発信 on a row (manual: the redial limit never holds it back).
    mutating func dialCallback(_ callback: DueCallback, now: Date) -> [Effect] {
        if activeCall != nil { return [.show(.callInProgress)] }
        if pending == .upload || isFetching { return [.show(.busyWithPreviousRequest)] }
        guard phoneReady else { return [.show(.phoneNotReady)] }
        return dial(callback, kind: .manualRow, now: now)
    }

    mutating func dial(_ callback: DueCallback, kind: DialKind, now: Date) -> [Effect] {
        if dueCallback?.id == callback.id { dueCallback = nil }
        // On the customer's row, the row gets the call as if it were dialled itself.
        if let index = callback.row.flatMap({ self.index(of: $0) }) {
            return dial(rowAt: index, kind: kind, now: now, callback: callback)
        }
        guard phoneReady else {
            autoDialArmed = false
            return [.show(.phoneNotReady)]
        }
        lastCallNumber += 1
        let id = CallID(lastCallNumber)
        activeCall = ActiveCall(
            id: id, row: nil, number: callback.number, stage: .dialing, startedAt: now, answeredAt: nil,
            kind: kind, cursorMovedByAgent: false, callback: callback.id)
        return [.dialNumber(id, number: callback.number)]
    }

    /// After an automatic callback call the walk goes on from ▶, under the same rules as after a row's call.
    mutating func walkOnAfterCallback(_ call: ActiveCall, answered: Bool, now: Date) -> [Effect] {
        guard call.kind == .automatic, autoDialArmed else { return [] }
        guard !answered || settings.autoNextAfter == .everyCall else { return [] }
        return walkOn(from: cursor, cursorMovedByAgent: true, dialNext: true, now: now)
    }
}
