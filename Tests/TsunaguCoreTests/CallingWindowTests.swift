import Foundation
import Testing
import TsunaguCore

/// The calling window (架電可能時間) at fixed instants: its edges, days off, closed days, other zones and DST.
@Suite struct CallingWindowTests {
    typealias F = CallingWindowFixtures

    /// Monday 2025-12-08 in Tokyo, Mon–Fri 9:00–20:00: open from 9:00:00 up to 19:59:59, closed at 20:00.
    @Test(arguments: [
        ("2025-12-08T08:59:59+09:00", false),
        ("2025-12-08T09:00:00+09:00", true),
        ("2025-12-08T12:00:00+09:00", true),
        ("2025-12-08T19:59:59+09:00", true),
        ("2025-12-08T20:00:00+09:00", false),
        ("2025-12-06T12:00:00+09:00", false),
        ("2025-12-07T12:00:00+09:00", false),
    ])
    func edgesOfTheDay(instant: String, open: Bool) {
        #expect(F.weekdays.isOpen(at: F.at(instant), in: F.tokyo, isHoliday: F.noHoliday) == open)
    }

    /// The next time calls may start: the instant itself while open, later the same day, the next weekday, Monday
    /// after a weekend.
    @Test(arguments: [
        ("2025-12-08T08:59:59+09:00", "2025-12-08T09:00:00+09:00"),
        ("2025-12-08T12:00:00+09:00", "2025-12-08T12:00:00+09:00"),
        ("2025-12-08T20:00:00+09:00", "2025-12-09T09:00:00+09:00"),
        ("2025-12-08T23:59:59+09:00", "2025-12-09T09:00:00+09:00"),
        ("2025-12-05T20:00:00+09:00", "2025-12-08T09:00:00+09:00"),
        ("2025-12-06T10:00:00+09:00", "2025-12-08T09:00:00+09:00"),
        ("2025-12-07T22:00:00+09:00", "2025-12-08T09:00:00+09:00"),
    ])
    func nextOpening(from: String, expected: String) {
        #expect(F.weekdays.nextOpening(after: F.at(from), in: F.tokyo, isHoliday: F.noHoliday) == F.at(expected))
    }

    /// When the open range ends, so the host can stop an auto-dial walk; the instant itself when already closed.
    @Test(arguments: [
        ("2025-12-08T09:00:00+09:00", "2025-12-08T20:00:00+09:00"),
        ("2025-12-08T19:59:59+09:00", "2025-12-08T20:00:00+09:00"),
        ("2025-12-08T20:00:00+09:00", "2025-12-08T20:00:00+09:00"),
        ("2025-12-06T10:00:00+09:00", "2025-12-06T10:00:00+09:00"),
    ])
    func closing(from: String, expected: String) {
        #expect(F.weekdays.closing(after: F.at(from), in: F.tokyo, isHoliday: F.noHoliday) == F.at(expected))
    }

    /// A lunch break: Monday 9:00–12:00 and 13:00–18:00.
    @Test(arguments: [
        ("2025-12-08T11:59:59+09:00", true, "2025-12-08T11:59:59+09:00", "2025-12-08T12:00:00+09:00"),
        ("2025-12-08T12:00:00+09:00", false, "2025-12-08T13:00:00+09:00", "2025-12-08T12:00:00+09:00"),
        ("2025-12-08T12:30:00+09:00", false, "2025-12-08T13:00:00+09:00", "2025-12-08T12:30:00+09:00"),
        ("2025-12-08T13:00:00+09:00", true, "2025-12-08T13:00:00+09:00", "2025-12-08T18:00:00+09:00"),
        ("2025-12-08T18:00:00+09:00", false, "2025-12-15T09:00:00+09:00", "2025-12-08T18:00:00+09:00"),
    ])
    func severalRangesInADay(instant: String, open: Bool, next: String, closing: String) {
        let window = F.only(.monday, "9:00-12:00, 13:00-18:00")
        let at = F.at(instant)
        #expect(window.isOpen(at: at, in: F.tokyo, isHoliday: F.noHoliday) == open)
        #expect(window.nextOpening(after: at, in: F.tokyo, isHoliday: F.noHoliday) == F.at(next))
        #expect(window.closing(after: at, in: F.tokyo, isHoliday: F.noHoliday) == F.at(closing))
    }

    /// A public holiday on a Monday closes it when holidays are off, and not when they are switched on.
    @Test func holidayOffAndOn() {
        let monday = F.at("2025-12-08T10:00:00+09:00")
        #expect(!F.weekdays.isOpen(at: monday, in: F.tokyo, isHoliday: F.madeUpHoliday))
        #expect(
            F.weekdays.nextOpening(after: monday, in: F.tokyo, isHoliday: F.madeUpHoliday)
                == F.at("2025-12-09T09:00:00+09:00"))
        var callOnHolidays = F.weekdays
        callOnHolidays.holidaysClosed = false
        #expect(callOnHolidays.isOpen(at: monday, in: F.tokyo, isHoliday: F.madeUpHoliday))
    }

    /// 12/29–1/3 wraps over the new year: the default opens again on the first weekday after it (Monday 1/5 in
    /// 2026), a window open every day on 1/4.
    @Test(arguments: [
        (false, "2025-12-26T12:00:00+09:00", true, "2025-12-26T12:00:00+09:00"),
        (false, "2025-12-29T10:00:00+09:00", false, "2026-01-05T09:00:00+09:00"),
        (false, "2026-01-02T10:00:00+09:00", false, "2026-01-05T09:00:00+09:00"),
        (true, "2025-12-28T10:00:00+09:00", true, "2025-12-28T10:00:00+09:00"),
        (true, "2025-12-28T20:00:00+09:00", false, "2026-01-04T09:00:00+09:00"),
        (true, "2025-12-31T10:00:00+09:00", false, "2026-01-04T09:00:00+09:00"),
        (true, "2026-01-03T19:00:00+09:00", false, "2026-01-04T09:00:00+09:00"),
    ])
    func yearEndBreak(everyDay: Bool, instant: String, open: Bool, next: String) throws {
        var window = everyDay ? F.everyDay : .default
        window.closedDays = [try ClosedDay.parse("12/29-1/3").get()]
        let at = F.at(instant)
        #expect(window.isOpen(at: at, in: F.tokyo, isHoliday: F.noHoliday) == open)
        #expect(window.nextOpening(after: at, in: F.tokyo, isHoliday: F.noHoliday) == F.at(next))
    }

    /// A company holiday on particular dates: Friday 2026-05-01 alone, then 5/1–5/6.
    @Test(arguments: [
        ("2026/05/01", "2026-05-04T09:00:00+09:00"),
        ("2026-05-01", "2026-05-04T09:00:00+09:00"),
        ("2026/05/01-2026/05/06", "2026-05-07T09:00:00+09:00"),
    ])
    func datedClosedDays(closed: String, next: String) throws {
        var window = F.weekdays
        window.closedDays = [try ClosedDay.parse(closed).get()]
        let friday = F.at("2026-05-01T10:00:00+09:00")
        #expect(!window.isOpen(at: friday, in: F.tokyo, isHoliday: F.noHoliday))
        #expect(window.nextOpening(after: friday, in: F.tokyo, isHoliday: F.noHoliday) == F.at(next))
        #expect(window.isOpen(at: F.at("2026-04-30T10:00:00+09:00"), in: F.tokyo, isHoliday: F.noHoliday))
    }

    /// Every weekday off, or every day of the year closed: no time to offer.
    @Test func noOpenDay() throws {
        let now = F.at("2025-12-08T10:00:00+09:00")
        let never = CallingWindow(schedule: WeeklySchedule(), holidaysClosed: false, closedDays: [])
        #expect(!never.isOpen(at: now, in: F.tokyo, isHoliday: F.noHoliday))
        #expect(never.nextOpening(after: now, in: F.tokyo, isHoliday: F.noHoliday) == nil)
        #expect(never.closing(after: now, in: F.tokyo, isHoliday: F.noHoliday) == now)
        var closedAllYear = F.everyDay
        closedAllYear.closedDays = [try ClosedDay.parse("1/1-12/31").get()]
        #expect(closedAllYear.nextOpening(after: now, in: F.tokyo, isHoliday: F.noHoliday) == nil)
    }

    /// A window that never closes has no closing; ranges that meet at midnight close at the end of the last one.
    @Test func closingAcrossMidnight() {
        let wednesday = F.at("2025-12-10T12:00:00+09:00")
        #expect(CallingWindow.always.closing(after: wednesday, in: F.tokyo, isHoliday: F.noHoliday) == nil)
        let weekdaysAllDay = CallingWindow(
            schedule: WeeklySchedule([.allDay], on: [.monday, .tuesday, .wednesday, .thursday, .friday]),
            holidaysClosed: false, closedDays: [])
        #expect(
            weekdaysAllDay.closing(after: wednesday, in: F.tokyo, isHoliday: F.noHoliday)
                == F.at("2025-12-13T00:00:00+09:00"))
        #expect(CallingWindow.always.isOpen(at: wednesday, in: F.tokyo, isHoliday: { _ in true }))
    }

    /// The same instant is 14:00 on Tuesday in Tokyo (open) and 22:00 on Monday in Los Angeles (closed until 9:00).
    @Test func anotherTimeZone() {
        let instant = F.at("2026-03-10T05:00:00Z")
        #expect(F.weekdays.isOpen(at: instant, in: F.tokyo, isHoliday: F.noHoliday))
        #expect(!F.weekdays.isOpen(at: instant, in: F.losAngeles, isHoliday: F.noHoliday))
        #expect(
            F.weekdays.nextOpening(after: instant, in: F.losAngeles, isHoliday: F.noHoliday)
                == F.at("2026-03-10T09:00:00-07:00"))
    }

    /// New York turns its clocks forward on Sunday 2026-03-08: Friday closes at 20:00 EST, Monday opens at 9:00 EDT.
    @Test func weekendOverSpringForward() {
        let friday = F.at("2026-03-06T10:00:00-05:00")
        #expect(
            F.weekdays.closing(after: friday, in: F.newYork, isHoliday: F.noHoliday) == F.at("2026-03-07T01:00:00Z"))
        #expect(
            F.weekdays.nextOpening(after: F.at("2026-03-07T15:00:00Z"), in: F.newYork, isHoliday: F.noHoliday)
                == F.at("2026-03-09T13:00:00Z"))
    }

    /// 2:30 does not exist on 2026-03-08 in New York (2:00 EST jumps to 3:00 EDT, 07:00Z): a range from 2:30 opens
    /// at the jump; its 5:00 end is 5:00 EDT.
    @Test(arguments: [
        ("2026-03-08T06:59:59Z", false, "2026-03-08T07:00:00Z"),
        ("2026-03-08T07:00:00Z", true, "2026-03-08T07:00:00Z"),
        ("2026-03-08T08:59:59Z", true, "2026-03-08T08:59:59Z"),
        ("2026-03-08T09:00:00Z", false, "2026-03-15T06:30:00Z"),
    ])
    func rangeStartingInTheSpringForwardGap(instant: String, open: Bool, next: String) {
        let window = F.only(.sunday, "2:30-5:00")
        let at = F.at(instant)
        #expect(window.isOpen(at: at, in: F.newYork, isHoliday: F.noHoliday) == open)
        #expect(window.nextOpening(after: at, in: F.newYork, isHoliday: F.noHoliday) == F.at(next))
    }

    /// Berlin's spring-forward day (2026-03-29, 2:00 CET jumps to 3:00 CEST at 01:00Z): 2:30–4:00 is 01:00Z–02:00Z.
    @Test func springForwardInBerlin() {
        let window = F.only(.sunday, "2:30-4:00")
        let start = F.at("2026-03-29T00:30:00Z")
        #expect(window.nextOpening(after: start, in: F.berlin, isHoliday: F.noHoliday) == F.at("2026-03-29T01:00:00Z"))
        #expect(
            window.closing(after: F.at("2026-03-29T01:00:00Z"), in: F.berlin, isHoliday: F.noHoliday)
                == F.at("2026-03-29T02:00:00Z"))
    }

    /// New York turns its clocks back on 2026-11-01 (2:00 EDT to 1:00 EST at 06:00Z): 1:30–3:00 opens at the first
    /// 1:30 (05:30Z) and stays open through the repeated hour until 3:00 EST (08:00Z).
    @Test func rangeOverFallBack() {
        let window = F.only(.sunday, "1:30-3:00")
        #expect(
            window.nextOpening(after: F.at("2026-11-01T04:00:00Z"), in: F.newYork, isHoliday: F.noHoliday)
                == F.at("2026-11-01T05:30:00Z"))
        #expect(window.isOpen(at: F.at("2026-11-01T06:15:00Z"), in: F.newYork, isHoliday: F.noHoliday))
        #expect(
            window.closing(after: F.at("2026-11-01T05:30:00Z"), in: F.newYork, isHoliday: F.noHoliday)
                == F.at("2026-11-01T08:00:00Z"))
    }

    /// Wall times to instants: the jump for a time that does not exist, the first of two for one that repeats.
    @Test(arguments: [
        ("2026-03-08", "2:30", "2026-03-08T07:00:00Z"),
        ("2026-03-08", "3:00", "2026-03-08T07:00:00Z"),
        ("2026-03-08", "1:59", "2026-03-08T06:59:00Z"),
        ("2026-11-01", "1:30", "2026-11-01T05:30:00Z"),
        ("2026-11-01", "24:00", "2026-11-02T05:00:00Z"),
    ])
    func wallTimeInNewYork(date: String, time: String, instant: String) {
        let local = LocalDateTime(date: F.date(date), time: F.time(time))
        #expect(local.firstInstant(in: F.newYork) == F.at(instant))
    }
}
