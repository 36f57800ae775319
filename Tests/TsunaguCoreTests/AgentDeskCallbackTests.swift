import Foundation
import Testing
import TsunaguCore

/// Timed callbacks on the phone screen's desk: a click dials one like 発信 on a row; with 「期限の来た再架電を次に
/// 発信」 the host offers a due one and the walk dials it ahead of ▶'s next row, then goes on from ▶.
struct AgentDeskCallbackTests {
    static let noGuard = AgentDeskSettings(doubleDialGuardSeconds: 0)
    static let callbackID = UUID(uuidString: "00000000-0000-0000-0000-0000000000cb")!
    static let due = AgentDesk.DueCallback(id: callbackID, number: "+81355550000")

    /// The number a `.dialNumber` effect of the last event dialled.
    static func dialledNumber(_ driver: DeskDriver) -> String? {
        for effect in driver.effects {
            if case .dialNumber(_, let number) = effect { return number }
        }
        return nil
    }

    @Test func aClickDialsTheCallbackManually() throws {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3), settings: Self.noGuard))
        driver.send(.callbackDialRequested(Self.due))
        #expect(Self.dialledNumber(driver) == "+81355550000")
        let call = try #require(driver.desk.activeCall)
        #expect(call.kind == .manualRow && call.callback == Self.callbackID && call.row == nil)
        #expect(driver.desk.autoDialArmed == false)
        // The call ends: nothing else is dialled and ▶ has not moved.
        driver.send(.callEnded(call.id, .afterAnswer), after: 60)
        #expect(driver.desk.activeCall == nil && driver.cursorNo == 1)
    }

    @Test func aClickDuringACallIsRefused() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3), settings: Self.noGuard))
        driver.send(.startPressed)
        driver.send(.callbackDialRequested(Self.due))
        #expect(driver.notices == [.callInProgress])
        #expect(driver.desk.activeCall?.callback == nil)
    }

    /// Offered a due callback, the walk dials it after the current row's call, then the row ▶ moved to.
    @Test func anOfferedCallbackGoesAheadOfTheNextRow() throws {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3), settings: Self.noGuard))
        driver.send(.startPressed)
        #expect(driver.dialedCall?.no == 1)
        driver.desk.offerDueCallback(Self.due)
        #expect(driver.ringOut() == nil)
        #expect(Self.dialledNumber(driver) == "+81355550000")
        #expect(driver.desk.activeCall?.kind == .automatic && driver.desk.activeCall?.callback == Self.callbackID)
        #expect(driver.cursorNo == 2)
        #expect(driver.desk.dueCallback == nil)
        // After the callback's unanswered call the walk goes on with row 2.
        #expect(driver.ringOut() == 2)
    }

    /// 開始 with a due callback offered dials it first.
    @Test func startDialsAnOfferedCallbackFirst() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(2), settings: Self.noGuard))
        driver.desk.offerDueCallback(Self.due)
        driver.send(.startPressed)
        #expect(Self.dialledNumber(driver) == "+81355550000")
        #expect(driver.desk.autoDialArmed)
        #expect(driver.ringOut() == 1)
    }

    /// An answered callback stops the walk like an answered row does (自動発信は不応答時のみ).
    @Test func anAnsweredCallbackStopsTheWalkLikeARow() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3), settings: Self.noGuard))
        driver.desk.offerDueCallback(Self.due)
        driver.send(.startPressed)
        #expect(driver.answerAndHangUp() == nil)
        #expect(driver.desk.activeCall == nil)
    }

    /// Another agent took the callback first: the automatic walk goes on with ▶'s row; a clicked one just says so.
    @Test func aTakenCallbackIsSkipped() throws {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3), settings: Self.noGuard))
        driver.desk.offerDueCallback(Self.due)
        driver.send(.startPressed)
        let call = try #require(driver.desk.activeCall)
        driver.send(.dialRefused(call.id, .callbackTaken))
        #expect(driver.dialedCall?.no == 1)
        #expect(driver.notices.contains(.dialRefused(.callbackTaken, timeZone: driver.desk.settings.timeZone)))

        var manual = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3), settings: Self.noGuard))
        manual.send(.callbackDialRequested(Self.due))
        manual.send(.dialRefused(try #require(manual.desk.activeCall).id, .callbackTaken))
        #expect(manual.desk.activeCall == nil && manual.dialedCall == nil)
    }

    /// The customer's row is still on the screen: the callback's call lands on it (結果, 架電日時), ▶ stays.
    @Test func aCallbackWithItsRowRecordsTheResultThere() throws {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(3), settings: Self.noGuard))
        let row3 = driver.row(3).id
        driver.send(
            .callbackDialRequested(AgentDesk.DueCallback(id: Self.callbackID, number: "+81355550000", row: row3)))
        #expect(driver.dialedCall?.no == 3)
        let call = try #require(driver.desk.activeCall)
        #expect(call.callback == Self.callbackID && driver.cursorNo == 1)
        driver.send(.callAnswered(call.id))
        #expect(driver.row(3).result == .answered)
        driver.send(.callEnded(call.id, .afterAnswer))
        #expect(driver.row(3).calledAt != nil && driver.cursorNo == 1 && driver.desk.activeCall == nil)
    }

    /// Without an offer the walk never dials a callback by itself.
    @Test func noOfferNoCallback() {
        var driver = DeskDriver(DeskFixtures.desk(DeskFixtures.rows(2), settings: Self.noGuard))
        driver.send(.startPressed)
        #expect(driver.ringOut() == 2)
        #expect(Self.dialledNumber(driver) == nil)
    }
}
