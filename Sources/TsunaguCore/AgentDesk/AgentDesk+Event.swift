import Foundation

extension AgentDesk {
    /// Everything that can happen to the phone screen: the agent's actions and the telephony's reports.
    public enum Event: Sendable, Hashable {
        // Agent actions.
        /// 開始: arms auto-dial (in automatic dialing) and dials the first row without 済 at or below ▶.
        case startPressed
        /// 終了: stops auto-dial; the call in progress goes on.
        case stopPressed
        /// 発信: dials the first row without 済 at or below ▶ now, without changing auto-dial.
        case dialPressed
        /// The red handset: ends the call in progress (CANCEL while ringing, BYE after answer).
        case hangUpPressed
        case cursorMoved(toIndex: Int)
        case doneSet(AgentDeskRow.ID, Bool)
        case prospectSet(AgentDeskRow.ID, Bool)
        case callbackSet(AgentDeskRow.ID, Bool)
        case memoEdited(AgentDeskRow.ID, String)
        case contactNameEdited(AgentDeskRow.ID, String)
        /// The host recorded 「今後の勧誘お断り」 for this row's customer and number: the walk skips it from now on.
        case refusalRecorded(AgentDeskRow.ID)
        /// ダウンロード
        case downloadPressed
        /// アップロード
        case uploadPressed
        case confirmationAnswered(Confirmation, accepted: Bool)
        /// A number typed on the dial pad.
        case manualDialRequested(String)
        /// A click on a callback of the section above the list: dials its number now, like 発信 on a row.
        case callbackDialRequested(DueCallback)

        // Results of the effects the desk asked for.
        /// Rows the host assigned to this agent; `moreAvailable` when the pool held more than was asked for.
        case rowsFetched([AgentDeskRow], moreAvailable: Bool)
        /// The host could not fetch rows (the database failed): nothing was taken.
        case fetchFailed
        case uploadCompleted
        case uploadFailed

        // Telephony reports.
        case callRinging(CallID)
        case callAnswered(CallID)
        case callEnded(CallID, CallEnding)
        /// The server held the dial back before placing it (a calling rule): nothing was dialled.
        case dialRefused(CallID, DialRefusal)
        case phoneReadinessChanged(Bool)

        case settingsChanged(AgentDeskSettings)
    }
}
