import Foundation

/// 顧客一覧's filters (manual §4-1), read from a query string and checked. Empty fields filter nothing.
public struct CustomerSearch: Sendable, Equatable {
    public enum Distribution: String, Sendable, CaseIterable {
        case any = ""
        case distributed
        case notDistributed
    }

    /// 架電禁止: customers barred from dialling (by a refusal or by the 架電禁止リスト), or those that are not.
    public enum DialBarFilter: String, Sendable, CaseIterable {
        case any = ""
        case barred
        case notBarred
    }

    /// How a typed phone number is matched.
    public enum PhoneMatch: Sendable, Equatable {
        /// A whole number, however it was typed: compare E.164.
        case exact(String)
        /// Part of a number: E.164 starting with this (a typed leading 0 means "+81…").
        case prefix(String)
        /// Digits anywhere in the number.
        case contains(String)

        /// The end of the strings that start with `prefix`, for a range an index can seek (`prefix ≤ n < end`);
        /// a LIKE 'prefix%' cannot use a plain index in SQLite, whose LIKE ignores case. The last character goes up
        /// by one, so `+81904` ends at `+81905` and `+8109` at `+810:`.
        public static func end(ofPrefix prefix: String) -> String {
            var scalars = Array(prefix.unicodeScalars)
            guard let last = scalars.popLast(), let next = Unicode.Scalar(last.value + 1) else { return prefix }
            scalars.append(next)
            return String(String.UnicodeScalarView(scalars))
        }
    }

    public var listID: String?
    public var distribution: Distribution = .any
    public var dialBar: DialBarFilter = .any
    /// yyyy-MM-dd, inclusive.
    public var registeredFrom: String?
    public var registeredTo: String?
    public var statuses: Set<FinalStatus> = []
    public var includeDeleted = false
    /// 上限到達のみ: customers who have had the most attempts the retry rules allow (on the chosen list, or on any).
    public var limitReachedOnly = false
    public var company: String?
    public var companyKana: String?
    public var phone: PhoneMatch?
    public var prefecture: String?
    public var address: String?
    public var page = 1

    public init() {}

    public enum Problem: Error, Sendable, Equatable, UserExplainable {
        case invalidDate(String)
        case fromAfterTo
        case unknownPrefecture(String)

        public var explanation: LocalizedText {
            switch self {
            case .invalidDate(let text):
                Message.customersInvalidDate(text: text).text
            case .fromAfterTo:
                Label.customersDateRangeReversed.text
            case .unknownPrefecture(let text):
                Message.unknownPrefecture(text: text).text
            }
        }
    }

    /// Every problem of one form.
    public struct Problems: Error, Sendable, Equatable {
        public var all: [Problem]

        public init(all: [Problem]) {
            self.all = all
        }
    }

    /// Reads the form; every field that is wrong is reported, and nothing is searched.
    public static func parse(_ fields: [String: String], statuses: [String]) -> Result<CustomerSearch, Problems> {
        var search = CustomerSearch()
        var problems: [Problem] = []
        func value(_ key: String) -> String? {
            guard let text = fields[key]?.trimmingWhitespace(), !text.isEmpty else { return nil }
            return String(text.prefix(200))
        }
        search.listID = value("list")
        search.distribution = Distribution(rawValue: value("distributed") ?? "") ?? .any
        search.dialBar = DialBarFilter(rawValue: value("dnc") ?? "") ?? .any
        for (key, keyPath) in [("from", \CustomerSearch.registeredFrom), ("to", \CustomerSearch.registeredTo)] {
            guard let text = value(key) else { continue }
            if let day = Self.day(text) { search[keyPath: keyPath] = day } else { problems.append(.invalidDate(text)) }
        }
        if let from = search.registeredFrom, let to = search.registeredTo, from > to { problems.append(.fromAfterTo) }
        search.statuses = Set(statuses.compactMap(FinalStatus.init(rawValue:)))
        search.includeDeleted = value("deleted") != nil
        search.limitReachedOnly = value("limit") != nil
        search.company = value("company")
        search.companyKana = value("kana")
        search.address = value("address")
        if let prefecture = value("prefecture") {
            if let canonical = Prefecture.canonical(prefecture) {
                search.prefecture = canonical
            } else {
                problems.append(.unknownPrefecture(prefecture))
            }
        }
        if let phone = value("phone") { search.phone = Self.phoneMatch(phone) }
        search.page = max(1, Int(value("page") ?? "") ?? 1)
        return problems.isEmpty ? .success(search) : .failure(Problems(all: problems))
    }

    public static func phoneMatch(_ text: String) -> PhoneMatch? {
        if case .success(let number) = PhoneNumber.parse(text) { return .exact(number.e164) }
        let digits = String(
            text.unicodeScalars.compactMap { scalar -> Character? in
                switch scalar.value {
                case 0x30...0x39: Character(scalar)
                case 0xFF10...0xFF19: Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
                default: nil
                }
            })
        guard !digits.isEmpty else { return nil }
        if digits.hasPrefix("0") && digits.count > 1 { return .prefix("+81" + digits.dropFirst()) }
        return .contains(digits)
    }

    /// A calendar day written yyyy-MM-dd, yyyy/MM/dd or yyyy/M/d, checked against the calendar (no 2月30日).
    public static func day(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]),
            (1900...2999).contains(year), (1...12).contains(month)
        else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(dayOfMonth) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
    }
}
