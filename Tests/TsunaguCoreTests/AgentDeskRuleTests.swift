import Foundation
import Testing
import TsunaguCore

/// The rules decided beyond the manual's examples (docs/ARCHITECTURE.md#where-tsunagu-differs-from-the-manual), and
/// every setting that changes them.
@Suite struct AgentDeskRuleTests {
    /// 開始 dials the first row without 済 at or below ▶ (▶ on No.1 ✓ → No.2).
    @Test func startSkipsDoneRowsAtCursor() {
        var rows = DeskFixtures.rows(3)
        rows[0].done = true
        var driver = DeskDriver(DeskFixtures.desk(rows))
        driver.send(.startPressed)
        #expect(driver.dialedCall?.no == 2)
        #expect(driver.cursorNo == 2)
    }

    /// A second 開始 while dialing changes nothing and says why.
    @Test func secondStartWhileDialingIsRefused() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3)))
        driver.send(.startPressed)
        let before = driver.desk.activeCall
        driver.send(.startPressed)
        #expect(driver.notices == [.callInProgress])
        #expect(driver.desk.activeCall == before)
        driver.send(.dialPressed)
        #expect(driver.notices == [.callInProgress])
    }

    /// A late report about an earlier call never touches the current one.
    @Test func staleCallReportsAreIgnored() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3)))
        driver.send(.startPressed)
        let first = driver.desk.activeCall!.id
        driver.ringOut()
        let second = driver.desk.activeCall!.id
        #expect(driver.send(.callAnswered(first)).isEmpty)
        #expect(driver.send(.callEnded(first, .afterAnswer)).isEmpty)
        #expect(driver.desk.activeCall?.id == second)
        #expect(driver.row(1).result == .unanswered(.noAnswer))
    }

    /// Every reason is kept beside 不応答.
    @Test(arguments: UnansweredReason.allCases)
    func unansweredReasonIsKept(reason: UnansweredReason) {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(2)))
        driver.send(.startPressed)
        driver.ringOut(reason)
        #expect(driver.row(1).result == .unanswered(reason))
        #expect(driver.row(1).result?.label.ja == "不応答")
    }

    /// 発信方法 manual: 開始 dials the ▶ row only; after the call ▶ moves on but nothing is dialled.
    @Test func manualDialingNeverDialsByItself() {
        var driver = DeskDriver(
            DeskFixtures.desk(DeskFixtures.rows(3), settings: AgentDeskSettings(dialingMode: .manual)))
        driver.send(.startPressed)
        #expect(driver.dialedCall?.no == 1)
        #expect(driver.desk.autoDialArmed == false)
        #expect(driver.ringOut() == nil)
        #expect(driver.cursorNo == 2)
        driver.send(.dialPressed)
        #expect(driver.dialedCall?.no == 2)
    }

    /// 済 on every dialled call: a row that rang out is ✓ too, and the re-dial pass skips it.
    @Test func doneOnEveryDialedCallSkipsUnansweredOnRedial() {
        let settings = AgentDeskSettings(doneMarkedOn: .everyDialedCall)
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3), settings: settings))
        driver.send(.startPressed)
        driver.ringOut()
        driver.ringOut()
        driver.ringOut()
        #expect(driver.desk.rows.allSatisfy { $0.done })
        driver.send(.cursorMoved(toIndex: 0))
        driver.send(.startPressed)
        #expect(driver.dialedCall == nil)
        #expect(driver.notices == [.endOfList])
    }

    /// ▶ moved during a call: the results still attach to the dialled row, and the next dial starts at ▶.
    @Test func cursorMovedDuringCallKeepsResultOnDialedRow() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(5)))
        driver.send(.startPressed)
        let call = driver.desk.activeCall!.id
        driver.send(.cursorMoved(toIndex: 3))
        driver.send(.callEnded(call, .unanswered(.busy)))
        #expect(driver.row(1).result == .unanswered(.busy))
        #expect(driver.row(4).result == nil)
        #expect(driver.dialedCall?.no == 4)
    }

    /// The double-dial guard asks before 開始 on a number dialled minutes ago; yes dials, no does nothing.
    @Test func doubleDialGuardAsksFirst() {
        var rows = DeskFixtures.rows(2)
        rows[0].lastDialedAnywhereAt = DeskFixtures.manualDay
        var driver = DeskDriver(DeskFixtures.desk(rows))
        driver.send(.startPressed, after: 5 * 60)
        guard case .confirm(let confirmation) = driver.effects.first,
            case .redialRecentlyCalled(let row, let last, true) = confirmation
        else {
            Issue.record("expected a confirmation, got \(driver.effects)")
            return
        }
        #expect(row == DeskFixtures.rowID(1) && last == DeskFixtures.manualDay)
        #expect(confirmation.text(now: driver.now, rowNumber: 1).ja.contains("5分前"))
        #expect(driver.desk.activeCall == nil)

        driver.send(.confirmationAnswered(confirmation, accepted: false))
        #expect(driver.effects.isEmpty && driver.desk.activeCall == nil && !driver.desk.autoDialArmed)

        driver.send(.startPressed)
        driver.send(.confirmationAnswered(driver.desk.pendingConfirmation!, accepted: true))
        #expect(driver.dialedCall?.no == 1)
        #expect(driver.desk.autoDialArmed)
    }

    /// A call by another agent, learnt just before 開始, also makes the guard ask; an older date never replaces a newer.
    @Test func doubleDialGuardSeesCallsElsewhere() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(2)))
        driver.desk.noteLastDialed([DeskFixtures.row(1).dialNumber: DeskFixtures.manualDay])
        driver.desk.noteLastDialed([DeskFixtures.row(1).dialNumber: DeskFixtures.manualDay.addingTimeInterval(-3600)])
        #expect(driver.row(1).lastDialedAnywhereAt == DeskFixtures.manualDay)
        driver.send(.startPressed, after: 60)
        guard case .confirm(.redialRecentlyCalled(let row, _, _)) = driver.effects.first else {
            Issue.record("expected a confirmation, got \(driver.effects)")
            return
        }
        #expect(row == DeskFixtures.rowID(1))
    }

    /// The guard is quiet once the window has passed, and off at zero.
    @Test func doubleDialGuardWindow() {
        var rows = DeskFixtures.rows(1)
        rows[0].calledAt = DeskFixtures.manualDay
        var late = DeskDriver(DeskFixtures.desk(rows))
        late.send(.startPressed, after: 10 * 60 + 1)
        #expect(late.dialedCall?.no == 1)
        var off = DeskDriver(DeskFixtures.desk(rows, settings: AgentDeskSettings(doubleDialGuardSeconds: 0)))
        off.send(.startPressed)
        #expect(off.dialedCall?.no == 1)
    }

    /// Downloads: rows are added below; an empty pool says 「取得可能なリストがありません。」.
    @Test func manualDownload() {
        var driver = DeskDriver(AgentDesk())
        driver.send(.downloadPressed)
        #expect(driver.effects == [.fetchRows(limit: 500)])
        driver.send(.rowsFetched(DeskFixtures.rows(3), moreAvailable: false))
        #expect(driver.desk.rows.count == 3 && driver.notices.isEmpty)
        driver.send(.downloadPressed)
        #expect(driver.effects == [.fetchRows(limit: 497)])
        driver.send(.rowsFetched([], moreAvailable: false))
        #expect(driver.notices == [.noListAvailable])
        #expect(driver.notices.first?.explanation.ja == "取得可能なリストがありません。")
    }

    /// A failed fetch takes nothing, says so, and lets the agent try again.
    @Test func failedFetch() {
        var driver = DeskDriver(AgentDesk())
        driver.send(.downloadPressed)
        driver.send(.fetchFailed)
        #expect(driver.notices == [.fetchFailed] && !driver.desk.isFetching)
        driver.send(.downloadPressed)
        #expect(driver.effects == [.fetchRows(limit: 500)])
    }

    /// The 500 cap: a full screen refuses with the manual's message; surplus rows go back to the pool.
    @Test func workListCap() {
        let settings = AgentDeskSettings(workListCap: 4)
        var driver = DeskDriver(AgentDesk(settings: settings))
        driver.send(.downloadPressed)
        driver.send(.rowsFetched(DeskFixtures.rows(6), moreAvailable: true))
        #expect(driver.desk.rows.count == 4)
        #expect(driver.effects.contains(.returnToPool(rows: [DeskFixtures.rowID(5), DeskFixtures.rowID(6)])))
        #expect(driver.notices == [.workListCapExceeded(cap: 4)])
        driver.send(.downloadPressed)
        #expect(driver.notices == [.workListCapExceeded(cap: 4)])
        #expect(
            AgentDesk.Notice.workListCapExceeded(cap: 500).explanation.ja
                == "登録上限人数(500名)を超えた分のデータはインポートされませんでした。")
    }

    /// Rows already on the screen are not added twice when a fetch is answered again.
    @Test func repeatedFetchDoesNotDuplicateRows() {
        var driver = DeskDriver(AgentDesk())
        driver.send(.downloadPressed)
        driver.send(.rowsFetched(DeskFixtures.rows(2), moreAvailable: false))
        driver.send(.downloadPressed)
        driver.send(.rowsFetched(DeskFixtures.rows(3), moreAvailable: false))
        #expect(driver.desk.rows.map(\.id) == (1...3).map(DeskFixtures.rowID))
    }

    /// Automatic fetch: after the first ダウンロード, running out of rows fetches more and auto-dial goes on.
    @Test func automaticFetchRefillsAndContinues() {
        var driver = DeskDriver(AgentDesk(settings: AgentDeskSettings(fetchMode: .automatic)))
        driver.send(.downloadPressed)
        driver.send(.rowsFetched(DeskFixtures.rows(2), moreAvailable: true))
        driver.send(.startPressed)
        driver.ringOut()
        driver.ringOut()
        #expect(driver.effects.last == .fetchRows(limit: 498))
        #expect(driver.desk.autoDialArmed)
        let more = (3...4).map { DeskFixtures.row($0) }
        driver.send(.rowsFetched(more, moreAvailable: false))
        #expect(driver.dialedCall?.no == 3)
        driver.ringOut()
        driver.ringOut()
        driver.send(.rowsFetched([], moreAvailable: false))
        #expect(driver.notices == [.noListAvailable])
        #expect(driver.desk.autoDialArmed == false)
    }

    /// Manual fetch: past the last row auto-dial stops with a message.
    @Test func manualFetchStopsAtEndOfList() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(1)))
        driver.send(.startPressed)
        #expect(driver.ringOut() == nil)
        #expect(driver.notices == [.endOfList])
        #expect(driver.desk.autoDialArmed == false)
        #expect(!driver.effects.contains { if case .fetchRows = $0 { true } else { false } })
    }

    /// Upload asks 「結果をアップロードしますか?」, is refused during a call, keeps the rows until the server confirms.
    @Test func uploadFlow() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(2)))
        driver.send(.startPressed)
        driver.send(.uploadPressed)
        #expect(driver.notices == [.uploadRefusedDuringCall])
        driver.send(.hangUpPressed)
        driver.send(.callEnded(driver.desk.activeCall!.id, .unanswered(.hungUpBeforeAnswer)))
        driver.send(.stopPressed)
        driver.send(.hangUpPressed)
        driver.send(.callEnded(driver.desk.activeCall!.id, .unanswered(.hungUpBeforeAnswer)))

        driver.send(.uploadPressed)
        #expect(driver.effects == [.confirm(.upload)])
        #expect(AgentDesk.Confirmation.upload.text(now: driver.now, rowNumber: nil).ja == "結果をアップロードしますか?")
        driver.send(.confirmationAnswered(.upload, accepted: true))
        #expect(driver.effects == [.upload(rows: [DeskFixtures.rowID(1), DeskFixtures.rowID(2)])])
        driver.send(.uploadFailed)
        #expect(driver.notices == [.uploadFailed])
        #expect(driver.desk.rows.count == 2, "a failed upload never drops the rows")

        driver.send(.uploadPressed)
        driver.send(.confirmationAnswered(.upload, accepted: true))
        driver.send(.uploadCompleted)
        #expect(driver.desk.rows.isEmpty && driver.desk.cursor == 0)
    }

    /// Uploading with uncalled rows is allowed (they go back to the pool on the server).
    @Test func uploadWithUncalledRows() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3)))
        driver.send(.uploadPressed)
        driver.send(.confirmationAnswered(.upload, accepted: true))
        #expect(driver.effects == [.upload(rows: (1...3).map(DeskFixtures.rowID))])
    }

    /// Edits to a row the agent does not hold, an impossible ▶ and over-long text change nothing.
    @Test func badEditsChangeNothing() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(2)))
        let before = driver.desk.rows
        driver.send(.memoEdited(UUID(), "x"))
        #expect(driver.notices == [.unknownRow])
        driver.send(.cursorMoved(toIndex: 7))
        #expect(driver.notices == [.invalidCursor])
        driver.send(.memoEdited(DeskFixtures.rowID(1), String(repeating: "あ", count: 1001)))
        #expect(driver.notices == [.textTooLong(maximum: 1000)])
        #expect(driver.desk.rows == before && driver.cursorNo == 1)
    }

    /// Dial pad: a valid number is dialled in E.164 and leaves ▶ alone; junk is refused with the reason.
    @Test func dialPad() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(2)))
        driver.send(.manualDialRequested("abc"))
        #expect(driver.notices == [.invalidNumber(.containsLetters)])
        driver.send(.manualDialRequested("090-1234-5678"))
        guard case .dialNumber(let id, "+819012345678") = driver.effects.first else {
            Issue.record("expected a dial-pad call, got \(driver.effects)")
            return
        }
        driver.send(.callEnded(id, .unanswered(.busy)))
        #expect(driver.effects.isEmpty && driver.cursorNo == 1)
    }

    /// A red lamp refuses to dial.
    @Test func phoneNotReady() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(2)))
        driver.send(.phoneReadinessChanged(false))
        driver.send(.startPressed)
        #expect(driver.notices == [.phoneNotReady] && driver.desk.activeCall == nil)
    }

    /// Randomised walks: the desk never dials a ✓ row when walking down, and results land on dialled rows only.
    @Test func neverDialsDoneRowsWhileWalking() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            var rows = DeskFixtures.rows(Int.random(in: 1...15, using: &generator))
            for index in rows.indices { rows[index].done = Bool.random(using: &generator) }
            var driver = DeskDriver(
                DeskFixtures.desk(rows, cursorNo: Int.random(in: 1...rows.count, using: &generator)))
            driver.now += 3600
            driver.send(.startPressed)
            var steps = 0
            while let call = driver.desk.activeCall, steps < 40 {
                steps += 1
                let index = driver.desk.index(of: call.row!)!
                #expect(!rows[index].done, "dialled a ✓ row")
                if Bool.random(using: &generator) {
                    driver.ringOut()
                } else {
                    driver.answerAndHangUp()
                    driver.send(.dialPressed)
                }
            }
        }
    }
}

/// A small deterministic random number generator (SplitMix64) for repeatable randomised tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49EB_1331_11EB
        return z ^ (z >> 31)
    }
}
