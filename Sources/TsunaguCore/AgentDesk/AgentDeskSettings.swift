import Foundation

/// The tenant settings (管理者側の設定) that change how the phone screen behaves.
public struct AgentDeskSettings: Sendable, Hashable, Codable {
    public enum FetchMode: String, Sendable, Codable, CaseIterable {
        /// Every ダウンロード click fetches rows.
        case manual
        /// After the first ダウンロード click, rows are fetched again whenever they run out.
        case automatic
    }

    public enum DialingMode: String, Sendable, Codable, CaseIterable {
        /// 開始/発信 dials the ▶ row only; nothing is dialled by itself.
        case manual
        /// 開始 starts auto-dial: unanswered calls move on to the next row by themselves.
        case automatic
    }

    public enum AutoNextAfter: String, Sendable, Codable, CaseIterable {
        case unansweredCallsOnly
        case everyCall
    }

    public enum DoneMarkedOn: String, Sendable, Codable, CaseIterable {
        case answeredCallsOnly
        case everyDialedCall
    }

    /// The most rows an agent may hold on the phone screen (the manual's 500).
    public static let defaultWorkListCap = 500

    public var fetchMode: FetchMode
    public var dialingMode: DialingMode
    public var autoNextAfter: AutoNextAfter
    public var doneMarkedOn: DoneMarkedOn
    public var workListCap: Int
    /// 開始 on a number dialled less than this many seconds ago asks first. Zero turns the guard off.
    public var doubleDialGuardSeconds: Int
    /// The tenant's time zone, for times in messages (「再架電待ち 14:35」).
    public var timeZone: TimeZone

    public init(
        fetchMode: FetchMode = .manual,
        dialingMode: DialingMode = .automatic,
        autoNextAfter: AutoNextAfter = .unansweredCallsOnly,
        doneMarkedOn: DoneMarkedOn = .answeredCallsOnly,
        workListCap: Int = AgentDeskSettings.defaultWorkListCap,
        doubleDialGuardSeconds: Int = 10 * 60,
        timeZone: TimeZone = TimeZone(identifier: "Asia/Tokyo")!
    ) {
        precondition(workListCap > 0, "the work list must hold at least one row")
        self.fetchMode = fetchMode
        self.dialingMode = dialingMode
        self.autoNextAfter = autoNextAfter
        self.doneMarkedOn = doneMarkedOn
        self.workListCap = workListCap
        self.doubleDialGuardSeconds = max(0, doubleDialGuardSeconds)
        self.timeZone = timeZone
    }
}
