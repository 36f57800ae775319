/// When calls may be made (架電可能時間): a weekly schedule, Japanese public holidays off or not, and closed days.
/// Written in wall time and evaluated in the tenant's time zone (`CallingWindow+Evaluation.swift`).
///
/// A tenant has one; a call list may have one too, which only narrows the tenant's (`narrowed(by:)`).
public struct CallingWindow: Sendable, Hashable {
    public var schedule: WeeklySchedule
    /// 祝日は架電しない: no calls on Japan's public holidays, 振替休日 and 国民の休日 included.
    public var holidaysClosed: Bool
    public var closedDays: [ClosedDay]

    /// Without arguments, the `default` window.
    public init(
        schedule: WeeklySchedule = .weekdaysNineToEight, holidaysClosed: Bool = true,
        closedDays: [ClosedDay] = [CallingWindow.yearEndBreak]
    ) {
        self.schedule = schedule
        self.holidaysClosed = holidaysClosed
        self.closedDays = closedDays
    }

    /// 12/29–1/3, the year-end break most Japanese companies take.
    public static let yearEndBreak = ClosedDay.yearly(
        from: MonthDay(month: 12, day: 29)!, through: MonthDay(month: 1, day: 3)!)

    /// A new tenant's window: Monday to Friday 9:00–20:00, not on public holidays, not over 12/29–1/3.
    public static let `default` = CallingWindow()

    /// Every day, all day, holidays included: for the demo tenant, and as a list's window it narrows nothing.
    public static let always = CallingWindow(schedule: .everyDayAllDay, holidaysClosed: false, closedDays: [])

    /// The window in force for a call list: only the hours both allow, closed on the days either closes. A list can
    /// narrow the tenant's window but never widen it; without a window of its own (nil) the tenant's applies.
    public func narrowed(by list: CallingWindow?) -> CallingWindow {
        guard let list else { return self }
        return CallingWindow(
            schedule: schedule.intersection(list.schedule), holidaysClosed: holidaysClosed || list.holidaysClosed,
            closedDays: closedDays + list.closedDays.filter { !closedDays.contains($0) })
    }

    /// The ranges calls may start in on `date`: the weekday's, or none on a holiday or a closed day.
    public func ranges(on date: CivilDate, isHoliday: (CivilDate) -> Bool) -> [TimeRange] {
        let ranges = schedule[date.weekday]
        if ranges.isEmpty || holidaysClosed && isHoliday(date) || closedDays.contains(where: { $0.contains(date) }) {
            return []
        }
        return ranges
    }
}

/// Stored inside the tenant's settings (and a list's) as
/// `{"schedule": {…}, "holidaysClosed": true, "closedDays": ["12/29-1/3"]}`; a missing key keeps the default's.
extension CallingWindow: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let fallback = CallingWindow.default
        schedule = try container.decodeIfPresent(WeeklySchedule.self, forKey: .schedule) ?? fallback.schedule
        holidaysClosed = try container.decodeIfPresent(Bool.self, forKey: .holidaysClosed) ?? fallback.holidaysClosed
        closedDays = try container.decodeIfPresent([ClosedDay].self, forKey: .closedDays) ?? fallback.closedDays
    }

    private enum CodingKeys: String, CodingKey {
        case schedule, holidaysClosed, closedDays
    }
}
