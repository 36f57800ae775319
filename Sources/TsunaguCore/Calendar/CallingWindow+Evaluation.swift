import Foundation

/// The window at an instant, in the tenant's time zone. Each open range of a day becomes one stretch of instants, from
/// the first instant its start shows on the clock to the first its end does (`LocalDateTime.firstInstant(in:)`), so
/// a daylight-saving change never makes a range open twice or not close.
extension CallingWindow {
    /// How far ahead `nextOpening` and `closing` look: more than a year, so every weekday and every yearly closed
    /// range is passed at least once. A window that opens less often than that is treated as never opening.
    public static let searchHorizonDays = 400

    /// Japan's public holidays (`JapaneseHolidays`): what evaluation asks unless a test injects its own.
    public static func isJapaneseHoliday(_ date: CivilDate) -> Bool { JapaneseHolidays.holiday(on: date) != nil }

    /// Whether a call may start at `instant`.
    public func isOpen(
        at instant: Date, in timeZone: TimeZone, isHoliday: (CivilDate) -> Bool = CallingWindow.isJapaneseHoliday
    ) -> Bool {
        let today = LocalDateTime(instant, in: timeZone).date
        // The day before and after too: a clock turned back over midnight shows one day's time after the next began.
        return (-1...1).contains { offset in
            openStretches(on: today.adding(days: offset), in: timeZone, isHoliday: isHoliday).contains {
                $0.contains(instant)
            }
        }
    }

    /// The first instant at or after `instant` at which a call may start: `instant` itself while the window is open,
    /// else the start of the next open range. Nil when no day opens within `searchHorizonDays` (every weekday off,
    /// say): then there is no time to offer.
    public func nextOpening(
        after instant: Date, in timeZone: TimeZone, isHoliday: (CivilDate) -> Bool = CallingWindow.isJapaneseHoliday
    ) -> Date? {
        guard schedule.hasOpenDay else { return nil }
        let today = LocalDateTime(instant, in: timeZone).date
        for offset in -1...Self.searchHorizonDays {
            for stretch in openStretches(on: today.adding(days: offset), in: timeZone, isHoliday: isHoliday)
            where instant < stretch.upperBound {
                return max(instant, stretch.lowerBound)
            }
        }
        return nil
    }

    /// The first instant at or after `instant` at which no call may start: when the open range `instant` is in ends
    /// (ranges that meet at midnight count as one), or `instant` itself when the window is closed. Nil when it stays
    /// open past `searchHorizonDays` (`always`). The host stops an auto-dial walk then; a call in progress goes on.
    public func closing(
        after instant: Date, in timeZone: TimeZone, isHoliday: (CivilDate) -> Bool = CallingWindow.isJapaneseHoliday
    ) -> Date? {
        let today = LocalDateTime(instant, in: timeZone).date
        var end: Date?
        for offset in -1...Self.searchHorizonDays {
            for stretch in openStretches(on: today.adding(days: offset), in: timeZone, isHoliday: isHoliday) {
                if let current = end {
                    if stretch.lowerBound > current { return current }
                    end = max(current, stretch.upperBound)
                } else if stretch.contains(instant) {
                    end = stretch.upperBound
                } else if stretch.lowerBound > instant {
                    return instant
                }
            }
        }
        return end == nil ? instant : nil
    }

    /// The instants a call may start at on `date`, in time order; a range the clock skips entirely is left out.
    func openStretches(on date: CivilDate, in timeZone: TimeZone, isHoliday: (CivilDate) -> Bool) -> [Range<Date>] {
        ranges(on: date, isHoliday: isHoliday).compactMap { range in
            let start = LocalDateTime(date: date, time: range.from).firstInstant(in: timeZone)
            let end = LocalDateTime(date: date, time: range.to).firstInstant(in: timeZone)
            return start < end ? start..<end : nil
        }
    }
}
