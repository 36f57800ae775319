import Foundation
import Testing
import TsunaguCore

/// The manual's own examples (§1-2, §3-2, §3-3, §3-4), replayed on the desk.
@Suite struct AgentDeskManualExampleTests {
    /// §1-2 table: with 済 on every dialled call, No.1 rings out (✓ 不応答), No.2 and No.3 answer (✓ 応答); ▶ on No.3.
    @Test func section1_2TableWithDoneOnEveryDialedCall() {
        let settings = AgentDeskSettings(doneMarkedOn: .everyDialedCall)
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(5), settings: settings))
        driver.send(.startPressed)
        #expect(driver.dialedCall?.no == 1)
        #expect(driver.ringOut() == 2)
        #expect(driver.answerAndHangUp() == nil)
        #expect(driver.cursorNo == 3)
        driver.send(.dialPressed)
        #expect(driver.dialedCall?.no == 3)
        let call = driver.desk.activeCall!.id
        driver.send(.callAnswered(call))

        #expect(driver.cursorNo == 3)
        #expect(driver.desk.rows.map(\.done) == [true, true, true, false, false])
        #expect(driver.desk.rows.map(\.result) == [.unanswered(.noAnswer), .answered, .answered, nil, nil])
        #expect(driver.desk.rows.prefix(3).allSatisfy { $0.calledAt != nil })
        #expect(driver.desk.rows.suffix(2).allSatisfy { $0.calledAt == nil })
    }

    /// §1-2 済: by default only answered calls get ✓; a row that rang out stays a re-dial target.
    @Test func section1_2DoneOnlyOnAnsweredByDefault() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3)))
        driver.send(.startPressed)
        driver.ringOut()
        #expect(driver.row(1).done == false)
        #expect(driver.row(1).result == .unanswered(.noAnswer))
        driver.answerAndHangUp()
        #expect(driver.row(2).done == true)
    }

    /// §3-2 基本操作: 開始 dials the ▶ row (No.1 at first) and the button turns into 終了.
    @Test func section3_2StartDialsCursorRowAndArms() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(2)))
        #expect(driver.desk.autoDialArmed == false)
        driver.send(.startPressed)
        #expect(driver.dialedCall?.no == 1)
        #expect(driver.desk.autoDialArmed)
        #expect(driver.desk.activeCall?.stage == .dialing)
    }

    /// §3-2-1 (1): nobody answers No.1, the agent hangs up while it rings → 不応答, ▶ moves to No.2 and dials it.
    @Test func section3_2_1UnansweredMovesOnByItself() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3)))
        driver.send(.startPressed)
        let first = driver.desk.activeCall!.id
        driver.send(.callRinging(first))
        driver.send(.hangUpPressed, after: 10)
        #expect(driver.effects == [.hangUp(first)])
        driver.send(.callEnded(first, .unanswered(.hungUpBeforeAnswer)))
        #expect(driver.row(1).result == .unanswered(.hungUpBeforeAnswer))
        #expect(driver.row(1).done == false)
        #expect(driver.cursorNo == 2)
        #expect(driver.dialedCall?.no == 2)
    }

    /// §3-2-1 ※: an answered call does not move on by itself; the agent wraps up, then dials when ready.
    @Test func section3_2_1AnsweredCallDoesNotAutoDial() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3)))
        driver.send(.startPressed)
        #expect(driver.answerAndHangUp() == nil)
        #expect(driver.desk.activeCall == nil)
        #expect(driver.desk.autoDialArmed, "the button still reads 終了")
        #expect(driver.cursorNo == 2)
        driver.send(.memoEdited(DeskFixtures.rowID(1), "資料送付希望"), after: 20)
        driver.send(.dialPressed)
        #expect(driver.dialedCall?.no == 2)
        #expect(driver.ringOut() == 3, "unanswered calls move on by themselves again")
    }

    /// §3-2-1 *1: with auto-next after every call, an answered call moves on and dials too.
    @Test func section3_2_1AutoNextAfterEveryCall() {
        var driver = DeskDriver(
            DeskFixtures.desk(DeskFixtures.rows(3), settings: AgentDeskSettings(autoNextAfter: .everyCall)))
        driver.send(.startPressed)
        #expect(driver.answerAndHangUp() == 2)
    }

    /// §3-2-2: 終了 during a call stops auto-dial but never cuts the call; ▶ stays on that row, and 開始 dials it again.
    @Test func section3_2_2StopDuringCallKeepsCallAndCursor() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(4)))
        driver.send(.startPressed)
        driver.ringOut()
        let second = driver.desk.activeCall!.id
        driver.send(.stopPressed)
        #expect(driver.effects.isEmpty, "終了 sends nothing to the phone")
        #expect(driver.desk.activeCall?.id == second)
        #expect(driver.desk.autoDialArmed == false)
        driver.send(.callEnded(second, .unanswered(.noAnswer)), after: 20)
        #expect(driver.dialedCall == nil)
        #expect(driver.cursorNo == 2, "▶ stays on the last row called")

        driver.send(.startPressed, after: 15 * 60)
        #expect(driver.dialedCall?.no == 2, "restarting dials the last called customer again")
    }

    /// §3-2-2 (3): the agent puts ▶ on No.9 after the 終了 and 開始 dials No.9 (the manual's table: No.1–8 called).
    @Test func section3_2_2RestartFromChosenRow() {
        let calledAt = DeskFixtures.manualDay
        let rows = (1...11).map { number in
            number <= 8
                ? DeskFixtures.row(number, company: 72 + number, done: true, result: .answered, calledAt: calledAt)
                : DeskFixtures.row(number, company: 72 + number)
        }
        var driver = DeskDriver(DeskFixtures.desk(rows, cursorNo: 8))
        driver.send(.cursorMoved(toIndex: 8))
        driver.send(.startPressed)
        #expect(driver.dialedCall?.no == 9)
    }

    /// §3-3: ticks, memo and the contact name can be edited while dialing, talking and after, and stay on the
    /// row that was dialled even when ▶ has moved.
    @Test func section3_3EditsDuringAndAfterACall() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3)))
        let first = DeskFixtures.rowID(1)
        driver.send(.startPressed)
        let call = driver.desk.activeCall!.id
        driver.send(.prospectSet(first, true))
        #expect(driver.effects == [.rowChanged(first)])
        driver.send(.callAnswered(call))
        driver.send(.contactNameEdited(first, "佐藤"))
        driver.send(.cursorMoved(toIndex: 2))
        driver.send(.callEnded(call, .afterAnswer))
        driver.send(.memoEdited(first, "資料送付希望"))
        driver.send(.callbackSet(first, true))
        driver.send(.callbackSet(first, false))

        let row = driver.row(1)
        #expect(row.prospect && !row.callback)
        #expect(row.memo == "資料送付希望")
        #expect(row.contactName == "佐藤")
        #expect(row.result == .answered && row.done)
        #expect(driver.cursorNo == 3, "the agent's ▶ is kept")
    }

    /// §3-3 ⑤⚠: an answering machine counts as 応答 with ✓; unticking 済 makes it a re-dial target.
    @Test func section3_3UntickingDoneMakesARedialTarget() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(2)))
        driver.send(.startPressed)
        driver.answerAndHangUp()
        driver.send(.doneSet(DeskFixtures.rowID(1), false))
        driver.send(.callbackSet(DeskFixtures.rowID(1), true))
        driver.send(.stopPressed)
        driver.send(.cursorMoved(toIndex: 0))
        driver.send(.startPressed, after: 11 * 60)
        #expect(driver.dialedCall?.no == 1)
    }

    /// The §3-3 / §3-4 table: rows 1–11 after the first pass, with No.3, No.5 and No.11 left without ✓.
    static func redialTable() -> [AgentDeskRow] {
        let at = DeskFixtures.manualDay
        let spec:
            [(company: Int, contact: String, done: Bool, answered: Bool, prospect: Bool, callback: Bool, memo: String)] =
                [
                    (81, "", true, true, true, false, "資料送付希望"),
                    (82, "", true, true, false, false, ""),
                    (72, "鈴木", false, false, false, true, "留守電"),
                    (73, "不明", true, true, false, false, ""),
                    (74, "タナカ", false, false, false, true, "担当者不在"),
                    (75, "ワタナベ", true, true, false, false, ""),
                    (76, "", true, true, false, false, ""),
                    (77, "", true, true, false, false, ""),
                    (78, "", true, true, false, false, ""),
                    (79, "不明", true, true, false, false, ""),
                    (80, "", false, false, false, true, "留守電"),
                ]
        return spec.enumerated().map { index, row in
            DeskFixtures.row(
                index + 1, company: row.company, contact: row.contact, done: row.done,
                result: row.answered ? .answered : .unanswered(.noAnswer), prospect: row.prospect,
                callback: row.callback, memo: row.memo, calledAt: at)
        }
    }

    /// §3-4: ▶ on No.1, 開始 → No.3; answered, 発信 → No.5; rings out → No.11 by itself; every ✓ row skipped.
    @Test func section3_4RedialPassVisits3Then5Then11() {
        var driver = DeskDriver(DeskFixtures.desk(Self.redialTable(), cursorNo: 1))
        driver.now += 60 * 60
        var visited: [Int] = []
        driver.send(.startPressed)
        visited.append(driver.dialedCall!.no)
        driver.answerAndHangUp()
        #expect(driver.cursorNo == 5)
        driver.send(.callbackSet(DeskFixtures.rowID(3), false))
        driver.send(.dialPressed)
        visited.append(driver.dialedCall!.no)
        visited.append(driver.ringOut()!)
        #expect(driver.ringOut() == nil)
        #expect(visited == [3, 5, 11])
        #expect(driver.notices == [.endOfList], "the walk never wraps to the top")
        #expect(driver.desk.autoDialArmed == false, "the button is back to 開始")
        #expect(driver.cursorNo == 11)
        #expect(driver.row(3).done && !driver.row(5).done && !driver.row(11).done)
    }

    /// §3-4 with no answers at all: No.3 → No.5 → No.11 by themselves.
    @Test func section3_4RedialPassAllUnanswered() {
        var driver = DeskDriver(DeskFixtures.desk(Self.redialTable(), cursorNo: 1))
        driver.now += 60 * 60
        driver.send(.startPressed)
        var visited = [driver.dialedCall!.no]
        while let next = driver.ringOut() { visited.append(next) }
        #expect(visited == [3, 5, 11])
    }

    /// §3-4 ⚠: 再架電 wins over 見込み when results are reported; 見込み alone is 見込み.
    @Test func section3_4FinalStatusPriority() {
        let rows = Self.redialTable()
        #expect(rows[0].finalStatus == .prospect)
        #expect(rows[1].finalStatus == .answered)
        #expect(rows[2].finalStatus == .callback)
        var both = rows[0]
        both.callback = true
        #expect(both.finalStatus == .callback)
    }
}
