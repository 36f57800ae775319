import Foundation
import Testing
import TsunaguCore

/// A call list's window only narrows the tenant's (a B2C list 10:00–19:00), and Japan's real holidays close days.
@Suite struct CallingWindowNarrowingTests {
    typealias F = CallingWindowFixtures

    static func weekdays(_ ranges: String) -> CallingWindow {
        CallingWindow(
            schedule: WeeklySchedule(
                try! TimeRange.parseList(ranges).get(), on: [.monday, .tuesday, .wednesday, .thursday, .friday]),
            holidaysClosed: false, closedDays: [])
    }

    /// Tenant 9:00–20:00 and list 10:00–19:00 on Monday 2025-12-08: only 10:00–19:00 is open.
    @Test(arguments: [
        ("2025-12-08T09:30:00+09:00", false, "2025-12-08T10:00:00+09:00"),
        ("2025-12-08T10:00:00+09:00", true, "2025-12-08T10:00:00+09:00"),
        ("2025-12-08T18:59:59+09:00", true, "2025-12-08T18:59:59+09:00"),
        ("2025-12-08T19:00:00+09:00", false, "2025-12-09T10:00:00+09:00"),
    ])
    func listNarrowsTheTenantsHours(instant: String, open: Bool, next: String) {
        let window = F.weekdays.narrowed(by: Self.weekdays("10:00-19:00"))
        let at = F.at(instant)
        #expect(window.isOpen(at: at, in: F.tokyo, isHoliday: F.noHoliday) == open)
        #expect(window.nextOpening(after: at, in: F.tokyo, isHoliday: F.noHoliday) == F.at(next))
    }

    /// A list asking for more (8:00–21:00, Saturdays, holidays) gets no more than the tenant allows.
    @Test func listCannotWiden() throws {
        var list = Self.weekdays("8:00-21:00")
        list.schedule[.saturday] = [F.range("10:00-19:00")]
        let window = F.weekdays.narrowed(by: list)
        #expect(window.schedule == F.weekdays.schedule)
        #expect(!window.isOpen(at: F.at("2025-12-08T08:30:00+09:00"), in: F.tokyo, isHoliday: F.noHoliday))
        #expect(!window.isOpen(at: F.at("2025-12-08T20:30:00+09:00"), in: F.tokyo, isHoliday: F.noHoliday))
        #expect(!window.isOpen(at: F.at("2025-12-06T12:00:00+09:00"), in: F.tokyo, isHoliday: F.noHoliday))
        let tenantClosesHolidays = CallingWindow.default.narrowed(by: .always)
        #expect(tenantClosesHolidays == .default)
        #expect(
            !tenantClosesHolidays.isOpen(at: F.at("2025-12-08T10:00:00+09:00"), in: F.tokyo, isHoliday: F.madeUpHoliday)
        )
    }

    /// A list's own closed days and holidays close the list's days too; no list window leaves the tenant's as it is.
    @Test func listAddsClosedDays() throws {
        let list = CallingWindow(
            schedule: .everyDayAllDay, holidaysClosed: true, closedDays: [try ClosedDay.parse("12/9").get()])
        let window = CallingWindow.always.narrowed(by: list)
        #expect(window.holidaysClosed)
        #expect(!window.isOpen(at: F.at("2025-12-09T10:00:00+09:00"), in: F.tokyo, isHoliday: F.noHoliday))
        #expect(!window.isOpen(at: F.at("2025-12-08T10:00:00+09:00"), in: F.tokyo, isHoliday: F.madeUpHoliday))
        #expect(F.weekdays.narrowed(by: nil) == F.weekdays)
    }

    /// Ranges split differently on each side meet where both allow: 9–12 and 13–18 against 10–19 is 10–12, 13–18.
    @Test func intersectionOfSplitRanges() {
        let window = Self.weekdays("9:00-12:00, 13:00-18:00").narrowed(by: Self.weekdays("10:00-19:00"))
        #expect(window.schedule[.monday] == [F.range("10:00-12:00"), F.range("13:00-18:00")])
        #expect(window.schedule[.sunday].isEmpty)
    }

    /// Japan's own holidays by default: 2026-01-01 (元日, a Thursday) and 2026-09-22 (国民の休日, a Tuesday between
    /// 敬老の日 and 秋分の日) are closed; after Silver Week calls resume on Thursday 9/24.
    @Test func realJapaneseHolidays() {
        let window = CallingWindow(closedDays: [])
        #expect(!window.isOpen(at: F.at("2026-01-01T10:00:00+09:00"), in: F.tokyo))
        #expect(window.isOpen(at: F.at("2026-01-02T10:00:00+09:00"), in: F.tokyo))
        #expect(!window.isOpen(at: F.at("2026-09-22T10:00:00+09:00"), in: F.tokyo))
        #expect(
            window.nextOpening(after: F.at("2026-09-18T20:00:00+09:00"), in: F.tokyo)
                == F.at("2026-09-24T09:00:00+09:00"))
        #expect(!CallingWindow.default.isOpen(at: F.at("2026-01-02T10:00:00+09:00"), in: F.tokyo))
    }
}
