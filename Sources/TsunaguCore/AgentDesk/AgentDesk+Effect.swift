import Foundation

extension AgentDesk {
    /// What the desk asks its host to do after an event.
    public enum Effect: Sendable, Hashable {
        /// Place a call to a row of the list.
        case dial(CallID, row: AgentDeskRow.ID, number: String)
        /// Place a dial-pad call (not tied to a row).
        case dialNumber(CallID, number: String)
        case hangUp(CallID)
        /// Fetch at most `limit` rows for this agent; answer with `.rowsFetched`.
        case fetchRows(limit: Int)
        /// Rows the desk could not take (over the cap, or already held): give them back to the pool.
        case returnToPool(rows: [AgentDeskRow.ID])
        /// Report these rows' final state and release them; answer with `.uploadCompleted` or `.uploadFailed`.
        case upload(rows: [AgentDeskRow.ID])
        /// Ask the agent, then send `.confirmationAnswered`.
        case confirm(Confirmation)
        case show(Notice)
        /// A row changed: store it before showing it as saved.
        case rowChanged(AgentDeskRow.ID)
    }

    /// A question the agent must answer before the desk goes on.
    public enum Confirmation: Sendable, Hashable {
        /// 「結果をアップロードしますか?」
        case upload
        /// The row's number was dialled a short while ago; dial it again?
        case redialRecentlyCalled(row: AgentDeskRow.ID, lastDialedAt: Date, arming: Bool)

        public func text(now: Date, rowNumber: Int?) -> LocalizedText {
            switch self {
            case .upload:
                return Label.deskConfirmUpload.text
            case .redialRecentlyCalled(_, let lastDialedAt, _):
                let minutes = max(0, Int(now.timeIntervalSince(lastDialedAt) / 60))
                return Message.deskRedialQuestion(rowNumber: rowNumber, minutesAgo: minutes).text
            }
        }
    }

    /// A message for the agent.
    public enum Notice: Sendable, Hashable, UserExplainable {
        /// 「取得可能なリストがありません。」
        case noListAvailable
        /// 「登録上限人数(500名)を超えた分のデータはインポートされませんでした。」
        case workListCapExceeded(cap: Int)
        /// Auto-dial walked past the last row.
        case endOfList
        case nothingToDial
        case callInProgress
        case uploadRefusedDuringCall
        case nothingToUpload
        case uploadFailed
        case fetchFailed
        case busyWithPreviousRequest
        case phoneNotReady
        case unknownRow
        case invalidCursor
        case textTooLong(maximum: Int)
        case invalidNumber(PhoneNumberError)
        /// The server held a dial back: why, with times in the tenant's zone.
        case dialRefused(DialRefusal, timeZone: TimeZone)

        public var explanation: LocalizedText {
            switch self {
            case .noListAvailable:
                Label.deskNoListAvailable.text
            case .workListCapExceeded(let cap):
                Message.deskWorkListCapExceeded(cap: cap).text
            case .endOfList:
                Label.deskEndOfList.text
            case .nothingToDial:
                Label.deskNothingToDial.text
            case .callInProgress:
                Label.deskCallInProgress.text
            case .uploadRefusedDuringCall:
                Label.deskUploadRefusedDuringCall.text
            case .nothingToUpload:
                Label.deskNothingToUpload.text
            case .uploadFailed:
                Label.deskUploadFailed.text
            case .fetchFailed:
                Label.deskFetchFailed.text
            case .busyWithPreviousRequest:
                Label.deskBusyWithPreviousRequest.text
            case .phoneNotReady:
                Label.deskPhoneNotReady.text
            case .unknownRow:
                Label.deskUnknownRow.text
            case .invalidCursor:
                Label.deskInvalidCursor.text
            case .textTooLong(let maximum):
                Message.deskTextTooLong(maximum: maximum).text
            case .invalidNumber(let error):
                error.explanation
            case .dialRefused(let refusal, let timeZone):
                refusal.explanation(in: timeZone)
            }
        }
    }
}
