import Foundation
import TsunaguCore
import Vapor

/// カレンダー: a month of the tenant's calling window, for everyone signed in: each day's hours, its public
/// holiday (computed by `JapaneseHolidays`), and the tenant's closed days. `?month=2026-12`; this month by default.
struct CalendarController: RouteCollection {
    struct Day: Encodable {
        var number: Int
        var inMonth: Bool
        var isToday: Bool
        var weekday: Int
        var holiday: String?
        var closed: Bool
        /// `9:00-20:00`, several ranges joined; empty when no calls are made that day.
        var hours: String
    }

    struct Content: Encodable {
        var title: String
        var weekdays: [String]
        var weeks: [[Day]]
        var previous: String?
        var next: String?
        var alwaysOpenNote: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("calendar", use: show)
    }

    @Sendable func show(request: Request) async throws -> Response {
        guard let signedIn = request.signedIn, let tenant = try await Tenant.find(signedIn.tenantID, on: request.db)
        else { throw Abort(.unauthorized) }
        let settings = tenant.settings
        let timeZone = TimeZone(identifier: settings.timeZoneIdentifier) ?? TimeZone(identifier: "Asia/Tokyo")!
        let today = CivilDate(request.now, in: timeZone)
        let month: (year: Int, month: Int)
        if let text = request.query[String.self, at: "month"] {
            guard let parsed = Self.month(text) else {
                throw Abort(
                    .badRequest,
                    reason: request.text(
                        .calendarMonthOutOfRange(
                            lowest: JapaneseHolidays.supportedYears.lowerBound,
                            highest: JapaneseHolidays.supportedYears.upperBound)))
            }
            month = parsed
        } else {
            month = (today.year, today.month)
        }
        let window = settings.callingWindow
        let first = CivilDate(year: month.year, month: month.month, day: 1)!
        let start = first.adding(days: -first.weekday.rawValue)
        var weeks: [[Day]] = []
        var date = start
        repeat {
            var week: [Day] = []
            for _ in 0..<7 {
                let holiday = JapaneseHolidays.holiday(on: date)
                let ranges = window.ranges(on: date, isHoliday: CallingWindow.isJapaneseHoliday)
                week.append(
                    Day(
                        number: date.day, inMonth: date.month == month.month, isToday: date == today,
                        weekday: date.weekday.rawValue, holiday: holiday?.name,
                        closed: window.closedDays.contains { $0.contains(date) },
                        hours: ranges.map(\.description).joined(separator: ", ")))
                date = date.adding(days: 1)
            }
            weeks.append(week)
        } while date.month == month.month && date.year == month.year
        let previous = first.adding(days: -1)
        let next = first.adding(days: CivilDate.daysIn(month: month.month, year: month.year))
        func link(_ date: CivilDate) -> String? {
            JapaneseHolidays.supportedYears.contains(date.year)
                ? String(format: "%04d-%02d", date.year, date.month) : nil
        }
        let weekdayLabels: [Label] = [
            .calendarSunday, .calendarMonday, .calendarTuesday, .calendarWednesday, .calendarThursday,
            .calendarFriday, .calendarSaturday,
        ]
        return try await request.renderPage(
            "calendar",
            Content(
                title: request.text(.calendarMonthTitle(year: month.year, month: month.month)),
                weekdays: weekdayLabels.map { request.text($0) }, weeks: weeks, previous: link(previous),
                next: link(next),
                alwaysOpenNote: window == .always ? request.text(.settingsAlwaysOpenNote) : nil))
    }

    /// `2026-12` inside the supported years, or nil.
    static func month(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month),
            JapaneseHolidays.supportedYears.contains(year)
        else { return nil }
        return (year, month)
    }
}
