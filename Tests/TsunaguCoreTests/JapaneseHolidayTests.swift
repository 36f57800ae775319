import Foundation
import Testing

@testable import TsunaguCore

/// Japan's holidays worked out by rule, checked against the Cabinet Office's own list.
///
/// `Fixtures/cabinet-office-holidays.csv` is 「国民の祝日・休日」, https://www8.cao.go.jp/chosei/shukujitsu/syukujitsu.csv,
/// as of 2026-02-02 (1955–2027), taken from the copy a bot commits to github.com/shogo82148/holidays-jp
/// (`syukujitsu.csv` at commit 7a6c69d84c5fbdf86b1f019ec85484c82be7c5d4, 21,538 bytes): converted from CP932 to
/// UTF-8, CRLF to LF, and cut to 2000 onward, under the source's header. The Cabinet Office writes 「休日」 for both a
/// 振替休日 and a 国民の休日, 「休日（祝日扱い）」 for 2019's two enthronement days, and 「体育の日（スポーツの日）」
/// for 2019's 体育の日.
@Suite struct JapaneseHolidayTests {
    /// The years the fixture lists in full: each February the Cabinet Office adds the following year.
    static let publishedYears = 2000...2027

    @Test func fixtureCoversThePublishedYears() throws {
        let years = Set(try CabinetOfficeList.load().keys)
        #expect(years == Set(Self.publishedYears))
    }

    /// Every day the Cabinet Office lists is a holiday by our rules, under the same name, and no other day is.
    @Test(arguments: publishedYears)
    func matchesTheCabinetOfficeList(year: Int) throws {
        let published = try #require(try CabinetOfficeList.load()[year])
        let ours = Dictionary(uniqueKeysWithValues: JapaneseHolidays.holidays(in: year).map { ($0.date, $0) })

        let missing = published.keys.filter { ours[$0] == nil }.sorted().map { "\($0) \(published[$0]!)" }
        let extra = ours.keys.filter { published[$0] == nil }.sorted().map { "\($0) \(ours[$0]!.name)" }
        #expect(missing.isEmpty, "\(year): listed by the Cabinet Office, not by the rules: \(missing)")
        #expect(extra.isEmpty, "\(year): given by the rules, not listed by the Cabinet Office: \(extra)")

        let misnamed = ours.values.sorted { $0.date < $1.date }.compactMap { holiday -> String? in
            guard let name = published[holiday.date], name != CabinetOfficeList.name(of: holiday) else { return nil }
            return "\(holiday.date) \(name) ≠ \(holiday.name) (\(holiday.kind))"
        }
        #expect(misnamed.isEmpty, "\(year): named differently: \(misnamed)")
    }

    static let holidays: [(iso: String, name: String, kind: JapaneseHoliday.Kind, why: String)] = [
        ("2023-01-02", "振替休日", .substitute, "元日 on a Sunday"),
        ("2008-05-06", "振替休日", .substitute, "みどりの日 on Sunday 5/4; from 2007 the next day not a 祝日, past 5/5"),
        ("2021-08-09", "振替休日", .substitute, "山の日 moved to Sunday 8/8 for the Olympics"),
        ("2019-05-06", "振替休日", .substitute, "こどもの日 on a Sunday, after ten days off"),
        ("2006-01-02", "振替休日", .substitute, "before 2007, the Monday after a Sunday 祝日"),
        ("2026-09-22", "国民の休日", .citizens, "between 敬老の日 and 秋分の日"),
        ("2015-09-22", "国民の休日", .citizens, "between 敬老の日 and 秋分の日"),
        ("2009-09-22", "国民の休日", .citizens, "between 敬老の日 and 秋分の日"),
        ("2004-05-04", "国民の休日", .citizens, "between 憲法記念日 and こどもの日 before it was みどりの日"),
        ("2002-05-04", "国民の休日", .citizens, "a Saturday between two 祝日 is still one"),
        ("2019-04-30", "国民の休日", .citizens, "between 昭和の日 and the enthronement"),
        ("2019-05-01", "天皇の即位の日", .national, "the enthronement, deemed a 祝日"),
        ("2019-05-02", "国民の休日", .citizens, "between the enthronement and 憲法記念日"),
        ("2019-10-22", "即位礼正殿の儀の行われる日", .national, "the enthronement ceremony"),
        ("2019-10-14", "体育の日", .national, "the last 体育の日"),
        ("2020-07-23", "海の日", .national, "moved for the 2020 Olympics"),
        ("2020-07-24", "スポーツの日", .national, "moved for the 2020 Olympics"),
        ("2020-08-10", "山の日", .national, "moved for the 2020 Olympics"),
        ("2021-07-22", "海の日", .national, "moved again for the postponed Olympics"),
        ("2021-07-23", "スポーツの日", .national, "moved again for the postponed Olympics"),
        ("2021-08-08", "山の日", .national, "moved again for the postponed Olympics"),
        ("2002-07-20", "海の日", .national, "a fixed day before 2003"),
        ("2003-07-21", "海の日", .national, "the third Monday from 2003"),
        ("2002-09-15", "敬老の日", .national, "a fixed day before 2003"),
        ("2000-01-10", "成人の日", .national, "the second Monday from 2000"),
        ("2006-04-29", "みどりの日", .national, "4/29 before 2007"),
        ("2007-04-29", "昭和の日", .national, "4/29 from 2007"),
        ("2007-05-04", "みどりの日", .national, "5/4 from 2007"),
        ("2018-12-23", "天皇誕生日", .national, "Akihito's birthday"),
        ("2020-02-23", "天皇誕生日", .national, "Naruhito's birthday"),
        ("2016-08-11", "山の日", .national, "the first 山の日"),
        ("2099-03-20", "春分の日", .national, "by the approximation: 20.8431 + 0.242194 × 119 − 29 = 20.66"),
        ("2099-09-23", "秋分の日", .national, "by the approximation: 23.2488 + 0.242194 × 119 − 29 = 23.07"),
        ("2088-03-20", "春分の日", .national, "20.000052 by the approximation: integer arithmetic keeps it the 20th"),
    ]

    @Test(arguments: holidays)
    func namesTheDay(iso: String, name: String, kind: JapaneseHoliday.Kind, why: String) throws {
        let date = try #require(CivilDate(iso: iso))
        let holiday = try #require(JapaneseHolidays.holiday(on: date), "\(iso): \(why)")
        #expect(holiday == JapaneseHoliday(date: date, name: name, kind: kind), "\(iso): \(why)")
        #expect(JapaneseHolidays.holidays(in: date.year).contains(holiday))
    }

    static let workingDays: [(iso: String, why: String)] = [
        ("2003-05-04", "a Sunday between two 祝日 stayed a Sunday before 2007"),
        ("2019-12-23", "no 天皇誕生日 in 2019"),
        ("2019-02-23", "no 天皇誕生日 in 2019"),
        ("2020-10-12", "スポーツの日 moved to 7/24"),
        ("2021-07-19", "海の日 moved to 7/22"),
        ("2021-08-11", "山の日 moved to 8/8"),
        ("2002-07-15", "海の日 was 7/20 until 2002"),
        ("2015-08-11", "no 山の日 before 2016"),
        ("2088-03-21", "春分の日 is the 20th"),
    ]

    @Test(arguments: workingDays)
    func leavesTheDayAWorkingDay(iso: String, why: String) throws {
        let date = try #require(CivilDate(iso: iso))
        #expect(JapaneseHolidays.holiday(on: date) == nil, "\(iso): \(why)")
    }

    /// Outside 2000–2099 there is no answer rather than a guess.
    @Test func unsupportedYearsHaveNoHolidays() throws {
        #expect(JapaneseHolidays.supportedYears == 2000...2099)
        for year in [Int.min, -1, 0, 1955, 1999, 2100, 3000, Int.max] {
            #expect(JapaneseHolidays.holidays(in: year).isEmpty, "\(year)")
        }
        #expect(JapaneseHolidays.holiday(on: try #require(CivilDate(iso: "1999-12-23"))) == nil)
        #expect(JapaneseHolidays.holiday(on: try #require(CivilDate(iso: "2100-01-01"))) == nil)
        #expect(JapaneseHolidays.holiday(on: try #require(CivilDate(iso: "2099-11-23"))) != nil)
    }

    /// Beyond the published years nothing can be compared, so every year is held to what Article 3 says.
    @Test(arguments: JapaneseHolidays.supportedYears)
    func everyYearFollowsArticle3(year: Int) {
        let holidays = JapaneseHolidays.holidays(in: year)
        let national = Set(holidays.filter { $0.kind == .national }.map(\.date))
        #expect(zip(holidays, holidays.dropFirst()).allSatisfy { $0.date < $1.date }, "sorted, one entry a day")
        #expect(holidays.allSatisfy { $0.date.year == year })
        #expect((14...17).contains(national.count), "\(year): \(national.count) 国民の祝日")
        for holiday in holidays {
            #expect(JapaneseHolidays.holiday(on: holiday.date) == holiday)
            switch holiday.kind {
            case .national:
                break
            case .substitute:
                #expect(holiday.name == "振替休日")
                var owedFor = holiday.date.adding(days: -1)
                while national.contains(owedFor) && owedFor.weekday != .sunday { owedFor = owedFor.adding(days: -1) }
                #expect(owedFor.weekday == .sunday && national.contains(owedFor), "\(holiday.date) owes no Sunday")
            case .citizens:
                #expect(holiday.name == "国民の休日")
                let neighbours = [holiday.date.adding(days: -1), holiday.date.adding(days: 1)]
                #expect(neighbours.allSatisfy(national.contains), "\(holiday.date) is not between two 祝日")
            }
        }
    }
}

/// The fixture: for each year, each listed day's name as the Cabinet Office writes it.
private enum CabinetOfficeList {
    static let header = "国民の祝日・休日月日,国民の祝日・休日名称"

    static func load() throws -> [Int: [CivilDate: String]] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/cabinet-office-holidays", withExtension: "csv"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
        try #require(lines.first.map(String.init) == header)
        var years: [Int: [CivilDate: String]] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",")
            try #require(fields.count == 2, "\(line)")
            let parts = fields[0].split(separator: "/").compactMap { Int($0) }
            let date = try #require(parts.count == 3 ? CivilDate(year: parts[0], month: parts[1], day: parts[2]) : nil)
            years[date.year, default: [:]][date] = String(fields[1])
        }
        return years
    }

    /// How the list names one of our holidays (see the suite's comment).
    static func name(of holiday: JapaneseHoliday) -> String {
        switch (holiday.kind, holiday.name) {
        case (.substitute, _), (.citizens, _): "休日"
        case (.national, "天皇の即位の日"), (.national, "即位礼正殿の儀の行われる日"): "休日（祝日扱い）"
        case (.national, "体育の日") where holiday.date.year == 2019: "体育の日（スポーツの日）"
        case (.national, let name): name
        }
    }
}
