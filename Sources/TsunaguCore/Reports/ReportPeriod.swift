import Foundation

/// A report's period: whole days of the tenant, from–to inclusive, at most a year. Read from the page's fields: a
/// kind (day, week, month, or from–to) and its dates; impossible or reversed dates and periods over a year are
/// refused with a message.
public struct ReportPeriod: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case day, week, month, range
    }

    public var kind: Kind
    /// yyyy-MM-dd, inclusive.
    public var from: String
    public var to: String

    public init(kind: Kind, from: String, to: String) {
        self.kind = kind
        self.from = from
        self.to = to
    }

    public enum Problem: Error, Sendable, Hashable, UserExplainable {
        case invalidDate(String)
        case endBeforeStart
        case longerThanAYear

        public var explanation: LocalizedText {
            switch self {
            case .invalidDate(let text): Message.reportInvalidDate(text).text
            case .endBeforeStart: Label.reportEndBeforeStart.text
            case .longerThanAYear: Label.reportLongerThanAYear.text
            }
        }
    }

    /// Reads `kind` with `date` (day and week: any day in it; month: yyyy-MM or a day in it) or `from` and `to`.
    /// Without a date, the period containing `today`.
    public static func parse(
        kind text: String?, date: String?, from: String?, to: String?, today: String
    ) -> Result<ReportPeriod, Problem> {
        let kind = text.flatMap(Kind.init(rawValue:)) ?? .day
        func day(_ text: String?) -> Result<String?, Problem> {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return .success(nil) }
            guard let day = Self.day(text) else { return .failure(.invalidDate(String(text.prefix(40)))) }
            return .success(day)
        }
        switch kind {
        case .range:
            let start: String?
            let end: String?
            switch (day(from), day(to)) {
            case (.failure(let problem), _), (_, .failure(let problem)): return .failure(problem)
            case (.success(let a), .success(let b)): (start, end) = (a, b)
            }
            let first = start ?? today
            let last = end ?? first
            guard first <= last else { return .failure(.endBeforeStart) }
            guard let limit = Self.adding(years: 1, to: first), last < limit else {
                return .failure(.longerThanAYear)
            }
            return .success(ReportPeriod(kind: .range, from: first, to: last))
        case .day, .week, .month:
            var anchor = today
            if kind == .month, let text = date?.trimmingCharacters(in: .whitespaces), text.count == 7,
                let first = Self.day(text + "-01")
            {
                anchor = first
            } else {
                switch day(date) {
                case .failure(let problem): return .failure(problem)
                case .success(let value): anchor = value ?? today
                }
            }
            return .success(around(anchor, kind: kind))
        }
    }

    /// The day, the week (Monday to Sunday) or the month holding `day`.
    public static func around(_ day: String, kind: Kind) -> ReportPeriod {
        let (year, month, dayOfMonth) = parts(day)
        switch kind {
        case .day, .range:
            return ReportPeriod(kind: kind, from: day, to: day)
        case .week:
            let weekday = Self.weekday(year, month, dayOfMonth)  // 0 = Sunday
            let back = (weekday + 6) % 7
            let monday = Self.adding(days: -back, to: day)
            return ReportPeriod(kind: .week, from: monday, to: Self.adding(days: 6, to: monday))
        case .month:
            let first = String(format: "%04d-%02d-01", year, month)
            let last = String(format: "%04d-%02d-%02d", year, month, Self.length(year, month))
            return ReportPeriod(kind: .month, from: first, to: last)
        }
    }

    /// Every day of the period, in order.
    public var days: [String] {
        var days: [String] = []
        var day = from
        while day <= to {
            days.append(day)
            day = Self.adding(days: 1, to: day)
        }
        return days
    }

    /// The period before or after this one, of the same kind (for ◀ ▶).
    public func shifted(by steps: Int) -> ReportPeriod {
        switch kind {
        case .day: return Self.around(Self.adding(days: steps, to: from), kind: .day)
        case .week: return Self.around(Self.adding(days: 7 * steps, to: from), kind: .week)
        case .month:
            var (year, month, _) = Self.parts(from)
            month += steps
            while month < 1 {
                month += 12
                year -= 1
            }
            while month > 12 {
                month -= 12
                year += 1
            }
            return Self.around(String(format: "%04d-%02d-01", year, month), kind: .month)
        case .range:
            let length = days.count
            return ReportPeriod(
                kind: .range, from: Self.adding(days: steps * length, to: from),
                to: Self.adding(days: steps * length, to: to))
        }
    }

    // MARK: Dates as yyyy-MM-dd, without a time zone

    /// yyyy-MM-dd or yyyy/MM/dd of a real date (no 2月30日), years 2000–2099.
    public static func day(_ text: String) -> String? {
        let pieces = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" })
        guard pieces.count == 3, pieces.allSatisfy({ piece in !piece.isEmpty && piece.allSatisfy { $0.isASCII } }),
            let year = Int(pieces[0]), let month = Int(pieces[1]), let day = Int(pieces[2]),
            (2000...2099).contains(year), (1...12).contains(month), (1...length(year, month)).contains(day)
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Year, month and day of a yyyy-MM-dd date.
    public static func parts(_ day: String) -> (Int, Int, Int) {
        let numbers = day.split(separator: "-").compactMap { Int($0) }
        return (numbers[0], numbers[1], numbers[2])
    }

    static func length(_ year: Int, _ month: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Days since 1970-01-01 of a civil date (proleptic Gregorian).
    static func ordinal(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date (year, month, day) `ordinal` days after 1970-01-01.
    public static func civil(_ ordinal: Int) -> (Int, Int, Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public static func adding(days: Int, to day: String) -> String {
        let (year, month, dayOfMonth) = parts(day)
        let (y, m, d) = civil(ordinal(year, month, dayOfMonth) + days)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// The same date `years` later (29 Feb → 28 Feb), or nil past 2099.
    static func adding(years: Int, to day: String) -> String? {
        let (year, month, dayOfMonth) = parts(day)
        let target = year + years
        guard target <= 2100 else { return nil }
        return String(format: "%04d-%02d-%02d", target, month, min(dayOfMonth, length(target, month)))
    }

    /// 0 = Sunday … 6 = Saturday.
    public static func weekday(_ year: Int, _ month: Int, _ day: Int) -> Int {
        ((ordinal(year, month, day) % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
    }
}
