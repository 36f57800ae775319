import Foundation

/// Japan's public holidays for 2000–2099, computed from 国民の祝日に関する法律 as amended since 2000 rather than typed
/// in, so that a year the Cabinet Office has not published yet still has an answer. The dates of 春分 and 秋分 after
/// next year are a forecast: the National Astronomical Observatory fixes them each February for the following year.
public enum JapaneseHolidays {
    /// Years whose rules are known; outside them the server answers 400 rather than guess.
    public static let supportedYears = 2000...2099

    /// The holidays of `year` in date order; empty outside `supportedYears`.
    public static func holidays(in year: Int) -> [JapaneseHoliday] {
        table.byYear[year] ?? []
    }

    /// The holiday on `date`, or nil for a working day (or a date outside `supportedYears`).
    public static func holiday(on date: CivilDate) -> JapaneseHoliday? {
        table.byDate[date]
    }

    /// Every supported year worked out once, at first use: about two thousand entries, and a dial check becomes a
    /// dictionary lookup. A `static let` is initialised once and thread-safely, so the table needs no lock.
    private static let table = Table()

    private struct Table: Sendable {
        var byYear: [Int: [JapaneseHoliday]] = [:]
        var byDate: [CivilDate: JapaneseHoliday] = [:]

        init() {
            for year in JapaneseHolidays.supportedYears {
                let holidays = JapaneseHolidays.computeHolidays(in: year)
                byYear[year] = holidays
                for holiday in holidays { byDate[holiday.date] = holiday }
            }
        }
    }

    /// Article 2's 国民の祝日, then the days off Article 3 adds because of them.
    static func computeHolidays(in year: Int) -> [JapaneseHoliday] {
        let national = nationalHolidays(in: year)
        return (national + daysOffAddedByArticle3(to: national, in: year)).sorted { $0.date < $1.date }
    }
}
