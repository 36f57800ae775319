import Foundation
import Testing
import TsunaguCore

/// How the phone screen's walk answers a dial the server held back (docs/ARCHITECTURE.md#calling-within-the-rules):
/// the row shows why and is skipped like a row with 済 until a later pass from the top (manual §3-4); a closed
/// window stops auto-dial; a manual dial gets the reason.
struct AgentDeskCallingRuleTests {
    static let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    /// Without the double-dial guard's question, which these tests are not about.
    static let noGuard = AgentDeskSettings(doubleDialGuardSeconds: 0)

    /// A row held back by the redial limit is skipped and the walk dials the next; it is called again only when the
    /// agent starts a later pass from the top.
    @Test func heldRowIsSkippedUntilALaterPass() throws {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3)))
        driver.send(.startPressed)
        let first = try #require(driver.dialedCall)
        #expect(first.no == 1)
        driver.send(.dialRefused(first.id, .redialLimit))
        #expect(driver.row(1).hold == .redialLimit)
        #expect(driver.row(1).calledAt == nil)
        #expect(driver.dialedCall?.no == 2)
        #expect(driver.notices.isEmpty)
        #expect(driver.ringOut() == 3)
        #expect(driver.ringOut() == nil)
        #expect(driver.notices == [.endOfList])
        // The walk never wraps by itself; the agent moves ▶ to the top and presses 開始: No.1 is tried again.
        driver.send(.cursorMoved(toIndex: 0))
        driver.send(.startPressed)
        #expect(driver.dialedCall?.no == 1)
        #expect(driver.row(1).hold == nil)
    }

    /// Rows held back one after another are all skipped in the same pass.
    @Test func severalHeldRowsInARow() throws {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(4)))
        driver.send(.startPressed)
        driver.send(.dialRefused(try #require(driver.dialedCall).id, .barred))
        driver.send(.dialRefused(try #require(driver.dialedCall).id, .notDue(until: driver.now + 600)))
        #expect(driver.dialedCall?.no == 3)
        #expect(driver.row(1).hold == .barred)
        #expect(driver.row(2).hold == .notDue(until: DeskFixtures.manualDay + 602))
        #expect(driver.desk.autoDialArmed)
    }

    /// 開始 outside the calling window: nothing is dialled, auto-dial is off, the agent reads the next time.
    @Test func closedWindowStopsTheWalk() throws {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3)))
        driver.send(.startPressed)
        #expect(driver.ringOut() == 2)
        let next = driver.now.addingTimeInterval(3600)
        driver.send(.dialRefused(try #require(driver.dialedCall).id, .outsideWindow(nextOpening: next)))
        #expect(driver.desk.autoDialArmed == false)
        #expect(driver.desk.activeCall == nil)
        #expect(driver.dialedCall == nil)
        #expect(driver.cursorNo == 2)
        #expect(driver.notices == [.dialRefused(.outsideWindow(nextOpening: next), timeZone: Self.tokyo)])
    }

    /// 発信 on a barred row: the agent is told, ▶ stays, nothing else is dialled.
    @Test func manualDialOfABarredRow() throws {
        var driver = DeskDriver(
            DeskFixtures.desk(DeskFixtures.rows(3), settings: AgentDeskSettings(dialingMode: .manual), cursorNo: 2))
        driver.send(.dialPressed)
        let call = try #require(driver.dialedCall)
        #expect(driver.desk.activeCall?.kind == .manualRow)
        driver.send(.dialRefused(call.id, .barred))
        #expect(driver.notices == [.dialRefused(.barred, timeZone: Self.tokyo)])
        #expect(driver.dialedCall == nil && driver.cursorNo == 2)
        #expect(driver.row(2).hold == .barred)
    }

    /// 開始 and the walk dial automatically; 発信 and the dial pad are manual; 110/118/119 are emergency calls.
    @Test func dialKinds() throws {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3), settings: Self.noGuard))
        driver.send(.startPressed)
        #expect(driver.desk.activeCall?.kind == .automatic)
        driver.ringOut()
        #expect(driver.desk.activeCall?.kind == .automatic)
        driver.send(.stopPressed)
        driver.ringOut()
        driver.send(.dialPressed)
        #expect(driver.desk.activeCall?.kind == .manualRow)
        driver.ringOut()
        driver.send(.manualDialRequested("090-1234-5678"))
        #expect(driver.desk.activeCall?.kind == .dialPad)
        driver.ringOut()
        for number in ["110", "118", " 119 "] {
            driver.send(.manualDialRequested(number))
            guard case .dialNumber(_, let dialled) = driver.effects.first else {
                Issue.record("\(number) was not dialled: \(driver.effects)")
                continue
            }
            #expect(dialled == number.trimmingCharacters(in: .whitespaces))
            #expect(driver.desk.activeCall?.kind == .emergency)
            driver.ringOut()
        }
        driver.send(.manualDialRequested("117"))
        #expect(driver.notices == [.invalidNumber(.specialServiceNumber)])
    }

    /// A dial-pad call held back gets the reason and leaves the rows alone.
    @Test func dialPadRefusal() throws {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(2)))
        driver.send(.manualDialRequested("03-1234-5678"))
        guard case .dialNumber(let id, _) = driver.effects.first else {
            Issue.record("expected a dial-pad call")
            return
        }
        driver.send(.dialRefused(id, .barred))
        #expect(driver.notices == [.dialRefused(.barred, timeZone: Self.tokyo)])
        #expect(driver.desk.rows.allSatisfy { $0.hold == nil })
        #expect(driver.desk.activeCall == nil)
    }

    /// A refusal recorded on a row bars it from the walk; the row keeps its result and flags.
    @Test func refusalRecordedOnARow() throws {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3), settings: Self.noGuard))
        driver.send(.startPressed)
        driver.answerAndHangUp()
        let rowID = driver.row(1).id
        #expect(driver.send(.refusalRecorded(rowID)) == [.rowChanged(rowID)])
        #expect(driver.row(1).hold == .barred && driver.row(1).result == .answered)
        driver.send(.cursorMoved(toIndex: 0))
        driver.send(.doneSet(rowID, false))
        driver.send(.dialPressed)
        // The screen tries again (the server decides; a lifted bar lets it through).
        #expect(driver.dialedCall?.no == 1)
    }
}
