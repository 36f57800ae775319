import Foundation

/// The manual's 「管理者側の設定」 (manual §1-3), one set per tenant (docs/ARCHITECTURE.md#tenant-settings).
public struct TenantSettings: Sendable, Hashable, Codable {
    public enum CustomerScope: String, Sendable, Codable, CaseIterable {
        /// 全顧客表示
        case allCustomers
        /// ご自身が担当者の顧客のみ
        case ownCustomersOnly
    }

    public enum CustomerEditRight: String, Sendable, Codable, CaseIterable {
        case all
        case own
        case none
    }

    public var fetchMode: AgentDeskSettings.FetchMode = .manual
    public var dialingMode: AgentDeskSettings.DialingMode = .automatic
    public var autoNextAfter: AgentDeskSettings.AutoNextAfter = .unansweredCallsOnly
    public var doneMarkedOn: AgentDeskSettings.DoneMarkedOn = .answeredCallsOnly
    /// Clicking a number on the phone screen opens 顧客編集.
    public var phoneNumberOpensCustomerEdit = true
    public var customerScope: CustomerScope = .allCustomers
    public var customerEdit: CustomerEditRight = .all
    /// 顧客 CSV ダウンロード and 削除 buttons are shown.
    public var csvExportAndDeleteEnabled = true
    public var idleLogoutMinutes = 60
    public var workListCap = AgentDeskSettings.defaultWorkListCap
    /// Seconds an unanswered call may ring; never more than 120 (端末設備等規則 releases it within 2 minutes).
    public var ringTimeoutSeconds = 30
    public var doubleDialGuardMinutes = 10
    /// IANA time zone the tenant's times are shown in.
    public var timeZoneIdentifier = "Asia/Tokyo"
    /// 架電可能時間: when calls may be made, in `timeZoneIdentifier`'s wall time. A call list may narrow it.
    public var callingWindow: CallingWindow = .default
    /// How long to wait before dialling a customer again after each unanswered reason, and the most attempts per
    /// customer per list; off by default. A call list may override it.
    public var retryPolicy = RetryPolicy.off
    /// Minutes a timed callback stays its agent's alone after it is due, then open to every agent (0 … 1440).
    public var callbacksOpenToEveryoneAfterMinutes = CallbackSettings().openToEveryoneAfterMinutes
    /// 期限の来た再架電を次に発信: a due callback is the next automatic dial, ahead of the list's next row.
    public var dueCallbacksDialNext = false
    /// 休憩's reasons an agent picks from on the phone screen (設定).
    public var pauseReasons = PauseReasons.defaults
    /// 後処理 longer than this is flagged on the manager's board (the state never changes by itself).
    public var wrapUpLimitMinutes = 5

    public static let wrapUpLimitMinutesRange = 1...120

    public static let maximumRingTimeoutSeconds = 120

    public init() {}

    /// The settings with every number brought into its allowed range.
    public var clamped: TenantSettings {
        var copy = self
        copy.ringTimeoutSeconds = min(max(5, ringTimeoutSeconds), Self.maximumRingTimeoutSeconds)
        copy.workListCap = min(max(1, workListCap), AgentDeskSettings.defaultWorkListCap)
        copy.idleLogoutMinutes = min(max(1, idleLogoutMinutes), 24 * 60)
        copy.doubleDialGuardMinutes = min(max(0, doubleDialGuardMinutes), 24 * 60)
        let callbackMinutes = CallbackSettings.openToEveryoneAfterMinutesRange
        copy.callbacksOpenToEveryoneAfterMinutes = min(
            max(callbackMinutes.lowerBound, callbacksOpenToEveryoneAfterMinutes), callbackMinutes.upperBound)
        copy.wrapUpLimitMinutes = min(
            max(Self.wrapUpLimitMinutesRange.lowerBound, wrapUpLimitMinutes), Self.wrapUpLimitMinutesRange.upperBound)
        // 設定 checks the reasons as they are typed; only an empty list (never saved by the form) falls back.
        if pauseReasons.isEmpty { copy.pauseReasons = PauseReasons.defaults }
        return copy
    }

    public var deskSettings: AgentDeskSettings {
        let settings = clamped
        return AgentDeskSettings(
            fetchMode: settings.fetchMode, dialingMode: settings.dialingMode, autoNextAfter: settings.autoNextAfter,
            doneMarkedOn: settings.doneMarkedOn, workListCap: settings.workListCap,
            doubleDialGuardSeconds: settings.doubleDialGuardMinutes * 60,
            timeZone: TimeZone(identifier: settings.timeZoneIdentifier) ?? TimeZone(identifier: "Asia/Tokyo")!)
    }
}
