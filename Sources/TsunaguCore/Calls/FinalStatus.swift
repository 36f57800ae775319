/// 最終ステータス: a customer's status once results are reported.
public enum FinalStatus: String, Sendable, Codable, CaseIterable, Comparable {
    /// 未架電: never dialled.
    case notCalled
    /// 不応答
    case noAnswer
    /// 応答
    case answered
    /// 見込み
    case prospect
    /// 再架電
    case callback

    /// The result of one reported row: 再架電 > 見込み > 応答 / 不応答; 未架電 before the first attempt.
    public static func reported(result: CallResult?, prospect: Bool, callback: Bool) -> FinalStatus {
        if callback { return .callback }
        if prospect { return .prospect }
        switch result {
        case .answered: return .answered
        case .unanswered: return .noAnswer
        case nil: return .notCalled
        }
    }

    /// Rank in the reporting priority (higher wins).
    public var priority: Int {
        switch self {
        case .notCalled: 0
        case .noAnswer, .answered: 1
        case .prospect: 2
        case .callback: 3
        }
    }

    public static func < (lhs: FinalStatus, rhs: FinalStatus) -> Bool {
        (lhs.priority, lhs.sortOrder) < (rhs.priority, rhs.sortOrder)
    }

    private var sortOrder: Int { Self.allCases.firstIndex(of: self)! }

    public var label: LocalizedText {
        switch self {
        case .notCalled: Label.statusNotCalled.text
        case .noAnswer: Label.resultUnanswered.text
        case .answered: Label.resultAnswered.text
        case .prospect: Label.statusProspect.text
        case .callback: Label.statusCallback.text
        }
    }
}
