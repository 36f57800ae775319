import Foundation

/// 通話一覧's filters (manual §4-2), read from a query string and checked. Empty fields filter nothing.
public struct CallLogSearch: Sendable, Equatable {
    public enum Outcome: String, Sendable, CaseIterable {
        case answered
        case unanswered
    }

    public var listID: String?
    public var company: String?
    public var companyKana: String?
    /// 内線番号, exactly.
    public var phoneExtension: String?
    /// 通話日付, yyyy-MM-dd in the tenant's time zone, inclusive.
    public var from: String?
    public var to: String?
    public var phone: CustomerSearch.PhoneMatch?
    /// 架電ステータス
    public var outcome: Outcome?
    public var includeDeleted = false
    public var page = 1

    public init() {}

    public enum Problem: Error, Sendable, Equatable, UserExplainable {
        case invalidDate(String)
        case fromAfterTo

        public var explanation: LocalizedText {
            switch self {
            case .invalidDate(let text):
                Message.callsInvalidDate(text: text).text
            case .fromAfterTo:
                Label.callsDateRangeReversed.text
            }
        }
    }

    public struct Problems: Error, Sendable, Equatable {
        public var all: [Problem]
    }

    public static func parse(_ fields: [String: String]) -> Result<CallLogSearch, Problems> {
        var search = CallLogSearch()
        var problems: [Problem] = []
        func value(_ key: String) -> String? {
            guard let text = fields[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                return nil
            }
            return String(text.prefix(200))
        }
        search.listID = value("list")
        search.company = value("company")
        search.companyKana = value("kana")
        search.phoneExtension = value("extension")
        for (key, keyPath) in [("from", \CallLogSearch.from), ("to", \CallLogSearch.to)] {
            guard let text = value(key) else { continue }
            if let day = CustomerSearch.day(text) {
                search[keyPath: keyPath] = day
            } else {
                problems.append(.invalidDate(text))
            }
        }
        if let from = search.from, let to = search.to, from > to { problems.append(.fromAfterTo) }
        if let phone = value("phone") { search.phone = CustomerSearch.phoneMatch(phone) }
        search.outcome = value("status").flatMap(Outcome.init(rawValue:))
        search.includeDeleted = value("deleted") != nil
        search.page = max(1, Int(value("page") ?? "") ?? 1)
        return problems.isEmpty ? .success(search) : .failure(Problems(all: problems))
    }
}
