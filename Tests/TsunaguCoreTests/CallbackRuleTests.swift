import Foundation
import Testing
import TsunaguCore

/// Timed callbacks (日時指定の再架電) at fixed instants: what an agent may type, when a callback stops being its
/// agent's alone, who may take it, the 再架電予定 order, and the phone screen's section.
@Suite struct CallbackRuleTests {
    typealias F = CallingWindowFixtures

    /// What the parse should give: a plain 再架電, a callback due at an instant, or a problem.
    enum Outcome: Sendable, Equatable {
        case plain
        case due(String)
        case problem(CallbackProblem)
    }

    static func next(_ date: String, _ time: String) -> CallbackProblem {
        .outsideWindow(nextOpening: LocalDateTime(date: F.date(date), time: F.time(time)))
    }

    static func outcome(_ result: Result<CallbackRequest?, CallbackProblem>) -> Outcome {
        switch result {
        case .success(nil): .plain
        case .success(let request?): .due(request.dueAt.formatted(.iso8601))
        case .failure(let problem): .problem(problem)
        }
    }

    static func utc(_ text: String) -> String { F.at(text).formatted(.iso8601) }

    // MARK: What an agent may type

    /// Friday 2025-12-05 15:00:20 in Tokyo, Mon–Fri 9:00–20:00: readable future times inside the window are taken,
    /// the current minute too; the past, the window's closed hours, unreadable dates and times are refused.
    @Test(arguments: [
        ("2025-12-08", "14:30", Outcome.due(utc("2025-12-08T14:30:00+09:00"))),
        ("2025/12/8", "9:00", .due(utc("2025-12-08T09:00:00+09:00"))),
        ("２０２５－１２－０８", "１４：３０", .due(utc("2025-12-08T14:30:00+09:00"))),
        ("2025-12-05", "15:00", .due(utc("2025-12-05T15:00:00+09:00"))),
        ("2025-12-05", "19:59", .due(utc("2025-12-05T19:59:00+09:00"))),
        ("2025-12-05", "15:00:45", .due(utc("2025-12-05T15:00:45+09:00"))),
        ("2025-12-05", "15:01:05", .due(utc("2025-12-05T15:01:05+09:00"))),
        ("2025-12-05", "14:59:59", .problem(.inThePast)),
        ("2025-12-05", "15:01:60", .problem(.invalidTime("15:01:60"))),
        ("2025-12-05", "15:01:5", .problem(.invalidTime("15:01:5"))),
        ("2025-12-05", "14:59", .problem(.inThePast)),
        ("2025-12-04", "10:00", .problem(.inThePast)),
        ("2025-12-05", "20:00", .problem(next("2025-12-08", "9:00"))),
        ("2025-12-06", "10:00", .problem(next("2025-12-08", "9:00"))),
        ("2025-12-08", "8:59", .problem(next("2025-12-08", "9:00"))),
        ("2026-02-30", "10:00", .problem(.invalidDate("2026-02-30"))),
        ("12/8", "10:00", .problem(.invalidDate("12/8"))),
        ("2025-13-01", "10:00", .problem(.invalidDate("2025-13-01"))),
        ("2025-12-08", "25:00", .problem(.invalidTime("25:00"))),
        ("2025-12-08", "24:00", .problem(.invalidTime("24:00"))),
        ("2025-12-08", "14:3", .problem(.invalidTime("14:3"))),
        ("2025-12-08", "", .problem(.timeRequired)),
        (" ", "14:30", .problem(.dateRequired)),
        ("", "", .plain),
    ])
    func readsTheFieldsInTokyo(date: String, time: String, expected: Outcome) {
        let result = CallbackRequest.parse(
            date: date, time: time, note: "", now: F.at("2025-12-05T15:00:20+09:00"), window: F.weekdays,
            timeZone: F.tokyo, isHoliday: F.noHoliday)
        #expect(Self.outcome(result) == expected)
    }

    /// The same fields read on New York's clock: Friday 15:00 there is Saturday 5:00 in Tokyo, so 16:00 that Friday
    /// is still to come; a time the spring-forward jump skips is the jump itself.
    @Test(arguments: [
        ("2025-12-05", "16:00", Outcome.due(utc("2025-12-05T16:00:00-05:00"))),
        ("2025-12-05", "14:59", .problem(.inThePast)),
        ("2025-12-06", "10:00", .problem(next("2025-12-08", "9:00"))),
        ("2025-12-08", "9:00", .due(utc("2025-12-08T09:00:00-05:00"))),
    ])
    func readsTheFieldsInNewYork(date: String, time: String, expected: Outcome) {
        let result = CallbackRequest.parse(
            date: date, time: time, note: "", now: F.at("2025-12-05T15:00:00-05:00"), window: F.weekdays,
            timeZone: F.newYork, isHoliday: F.noHoliday)
        #expect(Self.outcome(result) == expected)
    }

    @Test func aTimeTheClockSkipsIsTheJump() {
        let result = CallbackRequest.parse(
            date: "2026-03-08", time: "2:30", note: "", now: F.at("2026-03-01T12:00:00-05:00"), window: .always,
            timeZone: F.newYork)
        #expect(Self.outcome(result) == .due(Self.utc("2026-03-08T03:00:00-04:00")))
    }

    /// Outside the window the message names the next opening after the requested time, on the tenant's clock: after
    /// the default window's year-end break, with Japan's real holidays; a window with no open day asks to check 設定.
    @Test func outsideTheWindowNamesTheNextOpening() throws {
        let now = F.at("2025-12-26T12:00:00+09:00")
        let yearEnd = CallbackRequest.parse(
            date: "2025-12-29", time: "10:00", note: "", now: now, window: .default, timeZone: F.tokyo)
        let problem = try #require(yearEnd.failure)
        #expect(problem == Self.next("2026-01-05", "9:00"))
        #expect(problem.explanation.ja == "再架電日時が架電可能時間外です。次に架電できるのは1月5日(月) 9:00 です。")
        #expect(
            problem.explanation.en
                == "The callback time is outside calling hours. Calls can next be made from Mon 5 Jan 9:00.")
        #expect(
            Self.next("2025-12-08", "9:00").explanation.ja == "再架電日時が架電可能時間外です。次に架電できるのは12月8日(月) 9:00 です。")
        var closed = CallingWindow.default
        closed.schedule = WeeklySchedule()
        let never = CallbackRequest.parse(
            date: "2025-12-29", time: "10:00", note: "", now: now, window: closed, timeZone: F.tokyo)
        #expect(never.failure == .outsideWindow(nextOpening: nil))
        #expect(never.failure?.explanation == Label.callingWindowNoOpenDay.text)
        #expect(CallbackProblem.inThePast.explanation.ja == "再架電日時が過去です。")
    }

    /// A note of 1000 characters is kept (trimmed), one more is refused.
    @Test(arguments: [
        (String(repeating: "あ", count: 1000), Outcome.due(utc("2025-12-08T14:30:00+09:00"))),
        (String(repeating: "a", count: 1001), .problem(.noteTooLong(maximum: 1000))),
        (" 午後なら在席 \n", .due(utc("2025-12-08T14:30:00+09:00"))),
    ])
    func noteLength(note: String, expected: Outcome) {
        let result = CallbackRequest.parse(
            date: "2025-12-08", time: "14:30", note: note, now: F.at("2025-12-05T15:00:00+09:00"),
            window: F.weekdays, timeZone: F.tokyo, isHoliday: F.noHoliday)
        #expect(Self.outcome(result) == expected)
        if case .success(let request?) = result {
            #expect(request.note == note.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(CallbackProblem.noteTooLong(maximum: 1000).explanation.ja == "再架電メモが長すぎます(1000文字まで)。")
    }

    /// A note without a date and time is not a plain 再架電: the date is asked for.
    @Test func aNoteAloneAsksForTheDate() {
        let result = CallbackRequest.parse(
            date: "", time: "", note: "午後なら在席", now: F.at("2025-12-05T15:00:00+09:00"), window: F.weekdays,
            timeZone: F.tokyo)
        #expect(result.failure == .dateRequired)
    }

    // MARK: Whose it is, and who may take it

    static let owner = UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!
    static let other = UUID(uuidString: "00000000-0000-0000-0000-00000000000B")!
    static let due = F.at("2025-12-08T10:00:00+09:00")

    static func callback(
        _ id: Int, owner: UUID = owner, due: String = "2025-12-08T10:00:00+09:00", number: String = "+81312345678",
        list: UUID? = nil, created: String = "2025-12-05T15:00:00+09:00", state: Callback.State = .scheduled
    ) -> Callback {
        Callback(
            id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", id))!, customerID: nil, number: number,
            company: "株式会社つなぐ", contactName: "山田", callListID: list, ownerID: owner, dueAt: F.at(due), note: "",
            createdAt: F.at(created), state: state)
    }

    /// Due at its time; its owner's alone until it has been due for N minutes, then open to everyone, exactly at
    /// the N-th minute (N = 30, the default, and N = 0, open the moment it is due).
    static let openings: [(minutes: Int, secondsAfterDue: Double, isDue: Bool, isOpen: Bool)] = [
        (30, -1, false, false),
        (30, 0, true, false),
        (30, 29 * 60 + 59, true, false),
        (30, 30 * 60, true, true),
        (30, 30 * 60 + 1, true, true),
        (0, -1, false, false),
        (0, 0, true, true),
        (-5, 0, true, true),
    ]

    @Test(arguments: openings)
    func turnsOpenAfterNMinutes(minutes: Int, secondsAfterDue: Double, isDue: Bool, isOpen: Bool) {
        let callback = Self.callback(1)
        let now = Self.due.addingTimeInterval(secondsAfterDue)
        #expect(callback.isDue(now: now) == isDue)
        #expect(callback.isOpenToEveryone(now: now, openAfterMinutes: minutes) == isOpen)
        #expect(callback.mayBeTakenBy(Self.owner, now: now, openAfterMinutes: minutes))
        #expect(callback.mayBeTakenBy(Self.other, now: now, openAfterMinutes: minutes) == isOpen)
        #expect((callback.taken(by: Self.other, at: now, openAfterMinutes: minutes) != nil) == isOpen)
    }

    /// The first to take it gets it; a taken or cancelled callback is nobody's to take, never due, never reassigned.
    @Test func theFirstTakeWins() throws {
        let now = Self.due.addingTimeInterval(3600)
        let taken = try #require(Self.callback(1).taken(by: Self.other, at: now, openAfterMinutes: 30))
        #expect(taken.state == .taken(by: Self.other, at: now))
        #expect(taken.taken(by: Self.owner, at: now, openAfterMinutes: 30) == nil)
        let cancelled = Self.callback(2, state: .cancelled(at: now))
        for callback in [taken, cancelled] {
            #expect(!callback.isDue(now: now) && !callback.isOpenToEveryone(now: now, openAfterMinutes: 0))
            #expect(!callback.mayBeTakenBy(Self.owner, now: now, openAfterMinutes: 0))
            #expect(callback.reassigned(to: Self.other) == nil)
        }
        #expect(Self.callback(3).reassigned(to: Self.other)?.ownerID == Self.other)
    }

    // MARK: 再架電予定

    /// The manager sees every scheduled callback, the most overdue first, then the coming ones; the agent their own by
    /// due time. Same due time: the one set first.
    @Test func listsInOrder() {
        let now = F.at("2025-12-08T10:00:00+09:00")
        let callbacks = [
            Self.callback(1, due: "2025-12-08T11:00:00+09:00"),
            Self.callback(2, owner: Self.other, due: "2025-12-08T09:55:00+09:00"),
            Self.callback(3, due: "2025-12-08T08:00:00+09:00"),
            Self.callback(4, owner: Self.other, due: "2025-12-08T10:10:00+09:00"),
            Self.callback(5, due: "2025-12-08T09:55:00+09:00", created: "2025-12-04T15:00:00+09:00"),
            Self.callback(6, due: "2025-12-08T10:00:00+09:00"),
            Self.callback(7, due: "2025-12-08T07:00:00+09:00", state: .taken(by: Self.owner, at: now)),
            Self.callback(8, due: "2025-12-08T07:00:00+09:00", state: .cancelled(at: now)),
        ]
        let ids = { (list: [Callback]) in list.map { Int($0.id.uuidString.suffix(12))! } }
        #expect(ids(Callback.managerOrder(callbacks, now: now)) == [3, 5, 2, 6, 4, 1])
        #expect(ids(Callback.agentOrder(callbacks, ownerID: Self.owner)) == [3, 5, 6, 1])
        #expect(ids(Callback.agentOrder(callbacks, ownerID: Self.other)) == [2, 4])
    }

    // MARK: The phone screen's section

    static let afternoonList = UUID(uuidString: "00000000-0000-0000-0000-0000000000C1")!

    /// Agent A at Monday 10:00 in Tokyo, N = 30: A's own (due, coming, barred, cancelled), B's open one (due for an
    /// hour, on a list open only in the afternoon), B's not yet open one, one taken by someone; 11 read twice.
    static let sectionCallbacks = [
        callback(11, due: "2025-12-08T09:50:00+09:00", number: "+81311111111"),
        callback(12, due: "2025-12-08T11:00:00+09:00", number: "+81312222222"),
        callback(13, due: "2025-12-08T09:20:00+09:00", number: "+81313333333"),
        callback(14, due: "2025-12-08T09:00:00+09:00", state: .cancelled(at: due)),
        callback(21, owner: other, due: "2025-12-08T09:00:00+09:00", number: "+81321111111", list: afternoonList),
        callback(22, owner: other, due: "2025-12-08T09:40:00+09:00", number: "+81322222222"),
        callback(23, owner: other, due: "2025-12-08T09:10:00+09:00", state: .taken(by: other, at: due)),
        callback(11, due: "2025-12-08T09:50:00+09:00", number: "+81311111111"),
    ]

    /// What is shown and counted does not depend on the setting; the next dial does: off never, on the most overdue
    /// one A may take, skipping barred numbers, and a list's closed window.
    static let sections: [(dialNext: Bool, barred: [String], listHours: String?, expected: Int?)] = [
        (false, ["+81313333333"], nil, nil),
        (true, ["+81313333333"], nil, 21),
        (true, [], nil, 21),
        (true, ["+81321111111"], nil, 13),
        (true, ["+81321111111", "+81313333333"], nil, 11),
        (true, [], "13:00-18:00", 13),
        (true, ["+81321111111", "+81313333333", "+81311111111"], nil, nil),
    ]

    @Test(arguments: sections)
    func section(dialNext: Bool, barred: [String], listHours: String?, expected: Int?) throws {
        var listWindows: [UUID: CallingWindow] = [:]
        if let listHours {
            let ranges = try TimeRange.parseList(listHours).get()
            listWindows[Self.afternoonList] = CallingWindow(schedule: WeeklySchedule(ranges, on: Weekday.allCases))
        }
        let section = CallbackSection.make(
            for: Self.owner, callbacks: Self.sectionCallbacks, now: F.at("2025-12-08T10:00:00+09:00"),
            settings: CallbackSettings(openToEveryoneAfterMinutes: 30, dueCallbacksDialNext: dialNext),
            window: F.weekdays, listWindows: listWindows, timeZone: F.tokyo, isBarred: { barred.contains($0.number) },
            isHoliday: F.noHoliday)
        let number = { (callback: Callback) in Int(callback.id.uuidString.suffix(12))! }
        #expect(section.entries.map { number($0.callback) } == [21, 13, 11, 12])
        #expect(section.entries.map(\.isOwn) == [false, true, true, true])
        #expect(section.entries.map(\.isDue) == [true, true, true, false])
        #expect(section.entries.filter(\.isBarred).map(\.callback.number).sorted() == barred.sorted())
        #expect(section.dueCount == 3 - barred.count)
        #expect(section.dialNext.map(number) == expected)
        // B's callback due at 9:40 opens to everyone at 10:10, before A's own at 11:00 falls due.
        #expect(section.nextChange == F.at("2025-12-08T10:10:00+09:00"))
    }

    /// With the tenant's window closed nothing is dialled next, yet the section still shows and counts what is due.
    @Test func aClosedWindowDialsNothingNext() {
        let section = CallbackSection.make(
            for: Self.owner, callbacks: Self.sectionCallbacks, now: F.at("2025-12-08T20:30:00+09:00"),
            settings: CallbackSettings(dueCallbacksDialNext: true), window: F.weekdays, timeZone: F.tokyo,
            isBarred: { _ in false }, isHoliday: F.noHoliday)
        #expect(section.dueCount == 5)
        #expect(section.dialNext == nil)
        #expect(section.nextChange == nil)
    }

    // MARK: The settings

    /// Stored settings from before callbacks keep the defaults (30 minutes, off); the minutes stay within a day.
    @Test func settings() throws {
        let old = try JSONDecoder().decode(TenantSettings.self, from: Data(#"{"dialingMode":"manual"}"#.utf8))
        #expect(old.callbackSettings == CallbackSettings(openToEveryoneAfterMinutes: 30, dueCallbacksDialNext: false))
        var settings = TenantSettings()
        settings.callbacksOpenToEveryoneAfterMinutes = 5000
        settings.dueCallbacksDialNext = true
        #expect(
            settings.callbackSettings == CallbackSettings(openToEveryoneAfterMinutes: 1440, dueCallbacksDialNext: true))
        settings.callbacksOpenToEveryoneAfterMinutes = -1
        #expect(settings.clamped.callbacksOpenToEveryoneAfterMinutes == 0)
        settings.callbacksOpenToEveryoneAfterMinutes = 45
        let stored = try JSONDecoder().decode(TenantSettings.self, from: JSONEncoder().encode(settings))
        #expect(stored == settings && stored.callbackSettings.openToEveryoneAfterMinutes == 45)
    }
}

extension Result {
    /// The error, or nil on success.
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
