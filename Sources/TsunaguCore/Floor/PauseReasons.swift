import Foundation

/// 休憩's reasons (設定): the tenant's list an agent picks from on the phone screen, e.g. 休憩, 会議, 研修, 離席.
public enum PauseReasons {
    public static let defaults = ["休憩", "会議", "研修", "離席"]
    public static let maximumCount = 12
    public static let maximumLength = 20

    public enum Problem: Error, Sendable, Hashable {
        case empty
        case tooMany(maximum: Int)
        case tooLong(String, maximum: Int)
        case duplicate(String)
    }

    /// One reason per line: lines are trimmed and blank ones dropped. At least one, at most `maximumCount`, each at
    /// most `maximumLength` characters, none twice.
    public static func parse(_ text: String) -> Result<[String], Problem> {
        let reasons = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !reasons.isEmpty else { return .failure(.empty) }
        guard reasons.count <= maximumCount else { return .failure(.tooMany(maximum: maximumCount)) }
        var seen = Set<String>()
        for reason in reasons {
            guard reason.count <= maximumLength else { return .failure(.tooLong(reason, maximum: maximumLength)) }
            guard seen.insert(reason).inserted else { return .failure(.duplicate(reason)) }
        }
        return .success(reasons)
    }
}

extension PauseReasons.Problem {
    /// What 設定 says about the reasons.
    public var explanation: LocalizedText {
        switch self {
        case .empty: Label.settingPauseReasonsEmpty.text
        case .tooMany(let maximum): Message.settingPauseReasonsTooMany(maximum: maximum).text
        case .tooLong(let reason, let maximum): Message.settingPauseReasonTooLong(reason, maximum: maximum).text
        case .duplicate(let reason): Message.settingPauseReasonDuplicate(reason).text
        }
    }
}
