import Foundation
import Testing

@testable import TsunaguCore

/// The board's data: figures summed from attempts, totals from the agents' rows, updates merged by id, the 後処理
/// flag, and 設定's pause reasons.
@Suite struct FloorSnapshotTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func figuresCountContactsAndTalkOfEndedCallsOnly() {
        var figures = CallFigures()
        figures.add(CallFigures.Attempt(answered: false, answeredAt: nil, endedAt: t0, prospect: false, callback: true))
        figures.add(
            CallFigures.Attempt(
                answered: true, answeredAt: t0, endedAt: t0.addingTimeInterval(90), prospect: true, callback: false))
        // Answered, still talking: not a contact until its result is 応答 (as 通話一覧 counts it), no talk yet.
        figures.add(
            CallFigures.Attempt(answered: false, answeredAt: t0, endedAt: nil, prospect: false, callback: false))
        #expect(figures == CallFigures(calls: 3, contacts: 1, prospects: 1, callbacks: 1, talkSeconds: 90))
        #expect(figures.contactRate == 1.0 / 3.0)
        #expect(CallFigures().contactRate == nil)
        #expect(figures.averageHandleSeconds(wrapUpSeconds: 30) == 120)
        var back = figures
        back.subtract(
            CallFigures(
                CallFigures.Attempt(
                    answered: true, answeredAt: t0, endedAt: t0.addingTimeInterval(90), prospect: true, callback: false)
            ))
        #expect(back == CallFigures(calls: 2, contacts: 0, prospects: 0, callbacks: 1, talkSeconds: 0))
    }

    @Test func stateTimeMakesUtilisation() {
        var time = AgentTimeFigures()
        time.add(.idle, seconds: 100)
        time.add(.dialing, seconds: 50)
        time.add(.talking, seconds: 200)
        time.add(.wrapUp, seconds: 50)
        time.add(.paused(reason: "会議"), seconds: 60)
        time.add(.paused(reason: "休憩"), seconds: 40)
        time.add(.offline, seconds: 1_000)
        #expect(time.signedInSeconds == 500)
        #expect(time.pausedSeconds == 100)
        #expect(time.pausedByReason == ["会議": 60, "休憩": 40])
        #expect(time.utilisation == 300.0 / 400.0)
        #expect(AgentTimeFigures().utilisation == nil)
    }

    @Test func hoursSplitAtTheTenantsHourBoundaries() {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        // 2026-12-07 09:40:00 JST to 11:10:00 JST.
        let start = Date(timeIntervalSince1970: 1_796_604_000)
        let parts = HourBucket.split(from: start, to: start.addingTimeInterval(5_400), in: tokyo)
        #expect(parts.map(\.bucket) == [9, 10, 11].map { HourBucket(day: "2026-12-07", hour: $0) })
        #expect(parts.map(\.seconds) == [1_200, 3_600, 600])
        // India is 5:30 ahead: the same instant is in a different hour there.
        let india = HourBucket.split(
            from: start, to: start.addingTimeInterval(60), in: TimeZone(identifier: "Asia/Kolkata")!)
        #expect(india.map(\.bucket) == [HourBucket(day: "2026-12-07", hour: 6)])
        #expect(HourBucket.split(from: start, to: start, in: tokyo).isEmpty)
    }

    func agent(_ login: String, _ ext: String, _ state: AgentState, calls: Int = 0) -> FloorSnapshot.Agent {
        FloorSnapshot.Agent(
            id: UUID(), loginID: login, name: login, extension: ext, state: state, since: t0,
            today: CallFigures(calls: calls, contacts: calls / 2, prospects: 0, callbacks: 0, talkSeconds: 0))
    }

    @Test func totalsCountEveryStateAndSumTheAgents() {
        let snapshot = FloorSnapshot(
            agents: [
                agent("a", "301", .talking, calls: 10), agent("b", "302", .paused(reason: "会議"), calls: 4),
                agent("c", "303", .offline),
            ], lists: [], wrapUpLimitSeconds: 300, generatedAt: t0)
        #expect(snapshot.totals.signedIn == 2)
        #expect(snapshot.totals.byState["talking"] == 1)
        #expect(snapshot.totals.byState["paused"] == 1)
        #expect(snapshot.totals.byState["wrapUp"] == 0)
        #expect(snapshot.totals.today.calls == 14)
        #expect(snapshot.totals.today.contacts == 7)
        #expect(snapshot.agents[1].reason == "会議")
        #expect(snapshot.agents[1].agentState == .paused(reason: "会議"))
    }

    @Test func updatesReplaceRowsByIDAndKeepTheOrder() {
        let a = agent("a", "301", .idle)
        let c = agent("c", "303", .idle)
        var snapshot = FloorSnapshot(agents: [a, c], lists: [], wrapUpLimitSeconds: 300, generatedAt: t0)
        var changed = a
        changed.state = AgentState.dialing.code
        let b = agent("b", "302", .idle)
        snapshot.update(agents: [changed, b], lists: [], at: t0.addingTimeInterval(1))
        #expect(snapshot.agents.map(\.loginID) == ["a", "b", "c"])
        #expect(snapshot.agents[0].state == "dialing")
        #expect(snapshot.totals.byState["dialing"] == 1)
        #expect(snapshot.generatedAt == t0.addingTimeInterval(1))
    }

    @Test(arguments: [(299.0, false), (301.0, true)])
    func aLongWrapUpIsFlagged(seconds: Double, flagged: Bool) {
        let row = agent("a", "301", .wrapUp)
        #expect(row.wrapUpExceeds(300, now: t0.addingTimeInterval(seconds)) == flagged)
        #expect(!agent("b", "302", .talking).wrapUpExceeds(300, now: t0.addingTimeInterval(seconds)))
    }

    @Test func listProgressIsReportedOverTotal() {
        let list = FloorSnapshot.List(
            id: UUID(), name: "L", total: 200, left: 100, onScreen: 50, reported: 50, barred: 3, limitReached: 2,
            today: CallFigures())
        #expect(list.progress == 0.25)
    }

    @Test func pauseReasonsAreReadOnePerLine() throws {
        #expect(try PauseReasons.parse(" 休憩 \n\n会議\r\n研修").get() == ["休憩", "会議", "研修"])
        #expect(throws: PauseReasons.Problem.empty) { try PauseReasons.parse(" \n ").get() }
        #expect(throws: PauseReasons.Problem.duplicate("会議")) { try PauseReasons.parse("会議\n会議").get() }
        let long = String(repeating: "あ", count: 21)
        #expect(throws: PauseReasons.Problem.tooLong(long, maximum: 20)) { try PauseReasons.parse(long).get() }
        let many = (1...13).map { "理由\($0)" }.joined(separator: "\n")
        #expect(throws: PauseReasons.Problem.tooMany(maximum: 12)) { try PauseReasons.parse(many).get() }
    }

    @Test func settingsKeepTheirPauseReasonsAndLimitInRange() throws {
        var settings = TenantSettings()
        #expect(settings.pauseReasons == ["休憩", "会議", "研修", "離席"])
        #expect(settings.wrapUpLimitMinutes == 5)
        settings.wrapUpLimitMinutes = 0
        settings.pauseReasons = []
        #expect(settings.clamped.wrapUpLimitMinutes == 1)
        #expect(settings.clamped.pauseReasons == PauseReasons.defaults)
        // Settings stored before these existed read back with the defaults.
        let old = try JSONDecoder().decode(TenantSettings.self, from: Data(#"{"ringTimeoutSeconds":40}"#.utf8))
        #expect(old.pauseReasons == PauseReasons.defaults)
        #expect(old.wrapUpLimitMinutes == 5)
    }
}
