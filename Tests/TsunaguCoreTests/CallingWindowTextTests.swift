import Foundation
import Testing
import TsunaguCore

/// The calling window as people type it, as the refusal says it, and as the settings store it.
@Suite struct CallingWindowTextTests {
    typealias F = CallingWindowFixtures

    @Test(arguments: [
        ("9:00", 540), ("09:00", 540), ("20:30", 1230), ("0:00", 0), ("23:59", 1439), ("24:00", 1440),
        (" ９：００ ", 540),
    ])
    func readsTimes(text: String, minutes: Int) throws {
        #expect(try TimeOfDay.parse(text).get().minutes == minutes)
    }

    @Test(arguments: ["25:00", "9:60", "abc", "", "9", "9:5", "24:30", "-1:00", "9:00:00", "１２３:00", "9時"])
    func refusesTimes(text: String) {
        #expect(TimeOfDay.parse(text) == .failure(.invalidTime(text.trimmingCharacters(in: .whitespaces))))
    }

    @Test func formatsTimes() {
        #expect(F.time("9:00").description == "9:00" && F.time("9:00").zeroPadded == "09:00")
        #expect(F.time("20:05").description == "20:05" && F.time("20:05").zeroPadded == "20:05")
        #expect(TimeOfDay.endOfDay.description == "24:00")
    }

    @Test(arguments: [
        ("9:00-20:00", "9:00-20:00"), ("09:00 〜 20:00", "9:00-20:00"), ("9:00～20:00", "9:00-20:00"),
        ("18:00-24:00", "18:00-24:00"), ("0:00-24:00", "0:00-24:00"),
    ])
    func readsRanges(text: String, shown: String) throws {
        #expect(try TimeRange.parse(text).get().description == shown)
    }

    @Test(arguments: [
        ("20:00-9:00", CallingWindowProblem.endNotAfterStart(from: F.time("20:00"), to: F.time("9:00"))),
        ("9:00-9:00", .endNotAfterStart(from: F.time("9:00"), to: F.time("9:00"))),
        ("24:00-24:00", .endNotAfterStart(from: .endOfDay, to: .endOfDay)),
        ("25:00-26:00", .invalidTime("25:00")),
        ("9:00-9:60", .invalidTime("9:60")),
        ("9:00", .invalidRange("9:00")),
        ("9:00-12:00-13:00", .invalidRange("9:00-12:00-13:00")),
    ])
    func refusesRanges(text: String, problem: CallingWindowProblem) {
        #expect(TimeRange.parse(text) == .failure(problem))
    }

    /// A day's ranges, in any order and overlapping, come out sorted and merged; an empty text is a day off.
    @Test(arguments: [
        ("9:00-12:00, 13:00-18:00", ["9:00-12:00", "13:00-18:00"]),
        ("13:00-18:00、9:00-12:00", ["9:00-12:00", "13:00-18:00"]),
        ("9:00-12:00, 11:00-14:00", ["9:00-14:00"]),
        ("9:00-12:00, 12:00-13:00", ["9:00-13:00"]),
        ("9:00-20:00, 10:00-11:00", ["9:00-20:00"]),
        ("", []),
    ])
    func mergesADaysRanges(text: String, merged: [String]) throws {
        var schedule = WeeklySchedule()
        schedule[.monday] = try TimeRange.parseList(text).get()
        #expect(schedule[.monday].map(\.description) == merged)
    }

    @Test(arguments: [
        ("12/29-1/3", "12/29-1/3"), ("12/29 〜 1/3", "12/29-1/3"), ("１２／２９～１／３", "12/29-1/3"), ("5/1", "5/1"),
        ("2/29", "2/29"), ("2026/5/1", "2026/05/01"), ("2026-05-01", "2026/05/01"),
        ("2026/05/01-2026/05/06", "2026/05/01-2026/05/06"), ("2026-05-01〜2026-05-06", "2026/05/01-2026/05/06"),
    ])
    func readsClosedDays(text: String, shown: String) throws {
        let closed = try ClosedDay.parse(text).get()
        #expect(closed.description == shown)
        #expect(try ClosedDay.parse(shown).get() == closed)
    }

    @Test(arguments: [
        ("2/30", CallingWindowProblem.invalidClosedDay("2/30")),
        ("13/1", .invalidClosedDay("13/1")),
        ("12/29-2026/1/3", .invalidClosedDay("12/29-2026/1/3")),
        ("2026/02/29", .invalidClosedDay("2026/02/29")),
        ("abc", .invalidClosedDay("abc")),
        ("2026/05/06-2026/05/01", .closedDaysReversed("2026/05/06-2026/05/01")),
    ])
    func refusesClosedDays(text: String, problem: CallingWindowProblem) {
        #expect(ClosedDay.parse(text) == .failure(problem))
    }

    /// Each problem tells the person what is wrong, in both languages.
    @Test func problemsExplainThemselves() {
        let time = CallingWindowProblem.invalidTime("25:00").explanation
        #expect(time.ja == "時刻が正しくありません: 25:00" && time.en == "Not a valid time: 25:00")
        let reversed = CallingWindowProblem.endNotAfterStart(from: F.time("20:00"), to: F.time("9:00")).explanation
        #expect(reversed.ja == "終了時刻は開始時刻より後にしてください。")
        #expect(CallingWindowProblem.invalidClosedDay("2/30").explanation.ja.hasPrefix("休業日が正しくありません: 2/30"))
    }

    /// The refusal names the next opening on the tenant's clock: Saturday 12/6 → Monday 12/8 9:00 in Tokyo.
    @Test func refusalNamesTheNextOpening() {
        let next = F.weekdays.nextOpening(
            after: F.at("2025-12-06T10:00:00+09:00"), in: F.tokyo, isHoliday: F.noHoliday)
        let refusal = CallingWindowNotice.refusal(nextOpening: next, in: F.tokyo)
        #expect(refusal.ja == "架電可能時間外です。次は12月8日(月) 9:00 から架電できます。")
        #expect(refusal.en == "Outside calling hours. Calls can be made again from Mon 8 Dec 9:00.")
        let inLosAngeles = CallingWindowNotice.refusal(nextOpening: next, in: F.losAngeles)
        #expect(inLosAngeles.ja == "架電可能時間外です。次は12月7日(日) 16:00 から架電できます。")
        let never = CallingWindowNotice.refusal(nextOpening: nil, in: F.tokyo)
        #expect(never.ja == "架電可能時間外です。架電できる日がありません。設定を確認してください。")
        #expect(never.en.hasPrefix("Outside calling hours."))
    }

    /// Every weekday's short name, Japanese and English.
    @Test(arguments: [
        ("2026-01-04", "1月4日(日) 9:05", "Sun 4 Jan 9:05"), ("2026-01-05", "1月5日(月) 9:05", "Mon 5 Jan 9:05"),
        ("2026-02-10", "2月10日(火) 9:05", "Tue 10 Feb 9:05"), ("2026-03-11", "3月11日(水) 9:05", "Wed 11 Mar 9:05"),
        ("2026-04-30", "4月30日(木) 9:05", "Thu 30 Apr 9:05"), ("2026-05-01", "5月1日(金) 9:05", "Fri 1 May 9:05"),
        ("2026-10-31", "10月31日(土) 9:05", "Sat 31 Oct 9:05"),
    ])
    func formatsDateAndTime(date: String, ja: String, en: String) {
        let text = LocalDateTime(date: F.date(date), time: F.time("9:05")).text
        #expect(text.ja == ja && text.en == en)
    }
}
