/// The hours of each weekday in which calls may start. A weekday is off (no ranges) or has ranges in time order that
/// neither overlap nor touch.
///
/// Ranges given that overlap or touch are merged (9:00–12:00 and 11:00–14:00 become 9:00–14:00) rather than refused:
/// their union is exactly the time they allow, so nothing a person meant is lost, and a schedule read back from
/// storage can never be in a state the rules would have to reject.
public struct WeeklySchedule: Sendable, Hashable {
    /// Indexed by `Weekday.rawValue`, Sunday first.
    private var days: [[TimeRange]] = Array(repeating: [], count: 7)

    public init(_ ranges: [Weekday: [TimeRange]] = [:]) {
        for (weekday, dayRanges) in ranges { self[weekday] = dayRanges }
    }

    /// The same ranges on each of `weekdays`, the other days off.
    public init(_ ranges: [TimeRange], on weekdays: some Sequence<Weekday>) {
        for weekday in weekdays { self[weekday] = ranges }
    }

    /// A weekday's ranges in time order; empty when the day is off. Setting them merges overlapping ones.
    public subscript(weekday: Weekday) -> [TimeRange] {
        get { days[weekday.rawValue] }
        set { days[weekday.rawValue] = Self.merged(newValue) }
    }

    /// Monday to Friday 9:00–20:00, Saturday and Sunday off.
    public static let weekdaysNineToEight = WeeklySchedule(
        [TimeRange(checkedFrom: TimeOfDay(hour: 9)!, to: TimeOfDay(hour: 20)!)],
        on: [.monday, .tuesday, .wednesday, .thursday, .friday])

    /// Every day 0:00–24:00.
    public static let everyDayAllDay = WeeklySchedule([.allDay], on: Weekday.allCases)

    /// Whether any weekday has a range at all; without one, no day can ever open.
    public var hasOpenDay: Bool { days.contains { !$0.isEmpty } }

    /// The hours both schedules allow, weekday by weekday: what a call list's schedule leaves of the tenant's.
    public func intersection(_ other: WeeklySchedule) -> WeeklySchedule {
        var result = WeeklySchedule()
        for weekday in Weekday.allCases {
            result[weekday] = self[weekday].flatMap { mine in other[weekday].compactMap { mine.intersection($0) } }
        }
        return result
    }

    /// `ranges` in time order, overlapping and touching ones joined.
    static func merged(_ ranges: [TimeRange]) -> [TimeRange] {
        var merged: [TimeRange] = []
        for range in ranges.sorted(by: { $0.from < $1.from }) {
            if let last = merged.last, range.from <= last.to {
                if range.to > last.to { merged[merged.count - 1] = TimeRange(checkedFrom: last.from, to: range.to) }
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
