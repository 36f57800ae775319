import Foundation
import TsunaguCore

/// Fixed instants and zones for the calling-window tests: never the real clock.
enum CallingWindowFixtures {
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    static let newYork = TimeZone(identifier: "America/New_York")!
    static let losAngeles = TimeZone(identifier: "America/Los_Angeles")!
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// An instant written with its offset: `2025-12-08T09:00:00+09:00`.
    static func at(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func time(_ text: String) -> TimeOfDay { try! TimeOfDay.parse(text).get() }

    static func range(_ text: String) -> TimeRange { try! TimeRange.parse(text).get() }

    /// A calendar without public holidays, so a test decides them itself.
    static func noHoliday(_ date: CivilDate) -> Bool { false }

    /// One made-up holiday, Monday 2025-12-08, to see it close (or not) an ordinary weekday.
    static func madeUpHoliday(_ date: CivilDate) -> Bool { date == CivilDate(year: 2025, month: 12, day: 8)! }

    /// Monday to Friday 9:00–20:00, nothing else closed: the default without its year-end break.
    static let weekdays = CallingWindow(closedDays: [])

    /// The given ranges on one weekday only, nothing else closed.
    static func only(_ weekday: Weekday, _ ranges: String) -> CallingWindow {
        CallingWindow(
            schedule: WeeklySchedule(try! TimeRange.parseList(ranges).get(), on: [weekday]), holidaysClosed: false,
            closedDays: [])
    }

    /// Every day 9:00–20:00, nothing closed.
    static let everyDay = CallingWindow(
        schedule: WeeklySchedule([range("9:00-20:00")], on: Weekday.allCases), holidaysClosed: false, closedDays: [])
}
