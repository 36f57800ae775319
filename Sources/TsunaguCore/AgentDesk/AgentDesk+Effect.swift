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
                return LocalizedText(ja: "結果をアップロードしますか?", en: "Upload the results?")
            case .redialRecentlyCalled(_, let lastDialedAt, _):
                let minutes = max(0, Int(now.timeIntervalSince(lastDialedAt) / 60))
                let number = rowNumber.map { "No.\($0) " } ?? ""
                return LocalizedText(
                    ja: "\(number)の電話番号には\(minutes)分前に架電しています。もう一度発信しますか?",
                    en: "\(number)was dialled \(minutes) minute(s) ago. Dial it again?"
                )
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

        public var explanation: LocalizedText {
            switch self {
            case .noListAvailable:
                LocalizedText(ja: "取得可能なリストがありません。", en: "No call list is available.")
            case .workListCapExceeded(let cap):
                LocalizedText(
                    ja: "登録上限人数(\(cap)名)を超えた分のデータはインポートされませんでした。",
                    en: "Rows beyond the limit of \(cap) were not loaded."
                )
            case .endOfList:
                LocalizedText(ja: "リストの最後まで架電しました。自動発信を終了します。", en: "Reached the end of the list. Auto-dial stopped.")
            case .nothingToDial:
                LocalizedText(ja: "架電できる行がありません。", en: "There is no row to dial.")
            case .callInProgress:
                LocalizedText(ja: "通話中です。通話が終わってから操作してください。", en: "A call is in progress. Try again when it ends.")
            case .uploadRefusedDuringCall:
                LocalizedText(
                    ja: "通話中はアップロードできません。通話終了後にアップロードしてください。",
                    en: "You cannot upload during a call. Upload after it ends.")
            case .nothingToUpload:
                LocalizedText(ja: "アップロードする結果がありません。", en: "There are no results to upload.")
            case .uploadFailed:
                LocalizedText(
                    ja: "アップロードできませんでした。結果は保存されています。もう一度お試しください。",
                    en: "The upload failed. Your results are saved; please try again.")
            case .fetchFailed:
                LocalizedText(ja: "リストを取得できませんでした。もう一度お試しください。", en: "Could not fetch rows. Please try again.")
            case .busyWithPreviousRequest:
                LocalizedText(ja: "前の処理が終わるまでお待ちください。", en: "Please wait for the previous request to finish.")
            case .phoneNotReady:
                LocalizedText(ja: "電話が利用できない状態です(ランプが赤)。", en: "The phone is not ready (red lamp).")
            case .unknownRow:
                LocalizedText(ja: "この行は画面にありません。", en: "This row is not on your screen.")
            case .invalidCursor:
                LocalizedText(ja: "その No の行はありません。", en: "There is no row with that No.")
            case .textTooLong(let maximum):
                LocalizedText(ja: "\(maximum)文字以内で入力してください。", en: "Please enter at most \(maximum) characters.")
            case .invalidNumber(let error):
                error.explanation
            }
        }
    }
}
