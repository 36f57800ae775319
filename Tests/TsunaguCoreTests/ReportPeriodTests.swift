import Foundation
import Testing

@testable import TsunaguCore

/// A report's period from the page's fields: whole days, a week from Monday, a month, or from–to up to a year.
@Suite struct ReportPeriodTests {
    func parse(_ kind: String?, date: String? = nil, from: String? = nil, to: String? = nil)
        -> Result<ReportPeriod, ReportPeriod.Problem>
    {
        ReportPeriod.parse(kind: kind, date: date, from: from, to: to, today: "2026-12-07")
    }

    @Test func kindsAroundADay() throws {
        #expect(try parse(nil).get() == ReportPeriod(kind: .day, from: "2026-12-07", to: "2026-12-07"))
        // 2026-12-10 is a Thursday: its week runs Monday 7 to Sunday 13.
        #expect(
            try parse("week", date: "2026-12-10").get()
                == ReportPeriod(kind: .week, from: "2026-12-07", to: "2026-12-13"))
        #expect(try parse("week", date: "2026-12-13").get().from == "2026-12-07")
        #expect(
            try parse("month", date: "2024-02").get()
                == ReportPeriod(kind: .month, from: "2024-02-01", to: "2024-02-29"))
        #expect(try parse("month", date: "2026-02-14").get().to == "2026-02-28")
        #expect(
            try parse("range", from: "2026/1/5", to: "2026-01-07").get().days == [
                "2026-01-05", "2026-01-06", "2026-01-07",
            ])
        #expect(try parse("range", from: "2026-01-01", to: "2026-12-31").get().days.count == 365)
    }

    @Test func impossiblePeriodsAreRefused() throws {
        #expect(throws: ReportPeriod.Problem.invalidDate("2026-02-30")) { try parse("day", date: "2026-02-30").get() }
        #expect(throws: ReportPeriod.Problem.invalidDate("2026-02-29")) { try parse("day", date: "2026-02-29").get() }
        #expect(throws: ReportPeriod.Problem.invalidDate("１２３")) { try parse("day", date: "１２３").get() }
        #expect(throws: ReportPeriod.Problem.invalidDate("1999-12-31")) { try parse("day", date: "1999-12-31").get() }
        #expect(throws: ReportPeriod.Problem.endBeforeStart) {
            try parse("range", from: "2026-12-02", to: "2026-12-01").get()
        }
        #expect(throws: ReportPeriod.Problem.longerThanAYear) {
            try parse("range", from: "2026-01-01", to: "2027-01-01").get()
        }
        #expect(throws: ReportPeriod.Problem.longerThanAYear) {
            try parse("range", from: "2024-02-29", to: "2025-02-28").get()
        }
        #expect(try parse("range", from: "2024-02-29", to: "2025-02-27").get().days.count == 365)
    }

    @Test func shiftingKeepsTheKind() {
        let month = ReportPeriod.around("2026-12-07", kind: .month)
        #expect(month.shifted(by: 1) == ReportPeriod(kind: .month, from: "2027-01-01", to: "2027-01-31"))
        #expect(month.shifted(by: -12).from == "2025-12-01")
        #expect(ReportPeriod.around("2026-12-07", kind: .week).shifted(by: -1).from == "2026-11-30")
        #expect(ReportPeriod.around("2026-03-01", kind: .day).shifted(by: -1).from == "2026-02-28")
        #expect(ReportPeriod.weekday(2026, 12, 7) == 1)
        #expect(ReportPeriod.weekday(2000, 1, 1) == 6)
    }
}
