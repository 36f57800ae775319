/// When calls may start within one day, end-exclusive: 9:00–20:00 lets a call start from 9:00:00 up to 19:59:59,
/// never at 20:00. A range never crosses midnight (22:00–2:00 is two ranges on two days); 24:00 ends a range that
/// runs to midnight.
public struct TimeRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public let from: TimeOfDay
    public let to: TimeOfDay

    /// The range from `from` up to `to`; an end at or before its start is refused, not read as crossing midnight.
    public init(from: TimeOfDay, to: TimeOfDay) throws(CallingWindowProblem) {
        guard from < to else { throw .endNotAfterStart(from: from, to: to) }
        self.from = from
        self.to = to
    }

    /// For ranges the caller has already checked: `from` < `to`.
    init(checkedFrom from: TimeOfDay, to: TimeOfDay) {
        assert(from < to)
        self.from = from
        self.to = to
    }

    /// 0:00–24:00.
    public static let allDay = TimeRange(checkedFrom: .midnight, to: .endOfDay)

    /// `9:00-20:00`, as the settings show and store it.
    public var description: String { "\(from)-\(to)" }

    public func contains(_ time: TimeOfDay) -> Bool { from <= time && time < to }

    /// The part both ranges allow, or nil when they do not meet.
    public func intersection(_ other: TimeRange) -> TimeRange? {
        let from = max(self.from, other.from)
        let to = min(self.to, other.to)
        return from < to ? TimeRange(checkedFrom: from, to: to) : nil
    }

    /// The characters people put between the two times: `9:00-20:00`, `9:00〜20:00`, `9:00～20:00`, `9:00–20:00`.
    static let separators: Set<Character> = ["-", "~", "〜", "–", "—"]

    /// A range as people type it: `9:00-20:00`, `09:00 〜 20:00`, `18:00-24:00`.
    public static func parse(_ text: String) -> Result<TimeRange, CallingWindowProblem> {
        let typed = text.trimmingWhitespace()
        let parts = typed.foldingFullWidthASCII.split(omittingEmptySubsequences: false) { separators.contains($0) }
        guard parts.count == 2 else { return .failure(.invalidRange(typed)) }
        return TimeOfDay.parse(String(parts[0])).flatMap { from in
            TimeOfDay.parse(String(parts[1])).flatMap { to in
                Result { () throws(CallingWindowProblem) in try TimeRange(from: from, to: to) }
            }
        }
    }

    /// One day's ranges as people type them, separated by commas: `9:00-12:00, 13:00-18:00`; empty for a day off.
    public static func parseList(_ text: String) -> Result<[TimeRange], CallingWindowProblem> {
        var ranges: [TimeRange] = []
        for part in text.split(whereSeparator: { [",", "、", "，", ";"].contains($0) }) {
            let typed = String(part).trimmingWhitespace()
            if typed.isEmpty { continue }
            switch parse(typed) {
            case .success(let range): ranges.append(range)
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(ranges)
    }

    /// Stored as `09:00-20:00`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode("\(from.zeroPadded)-\(to.zeroPadded)")
    }

    public init(from decoder: any Decoder) throws {
        self = try Self.parse(decoder.singleValueContainer().decode(String.self)).get()
    }
}
