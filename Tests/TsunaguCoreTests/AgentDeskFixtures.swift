import Foundation
import TsunaguCore

/// Builds desks and rows the way the manual's screenshots show them.
enum DeskFixtures {
    /// 2024-11-05 14:40:00 JST, the day of the manual's §3 screenshots.
    static let manualDay = Date(timeIntervalSince1970: 1_730_785_200)

    static func rowID(_ number: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", number))!
    }

    /// Row No.`number` as 株式会社`company`, dialling 03-3333-00`company`.
    static func row(
        _ number: Int, company: Int? = nil, contact: String = "", done: Bool = false, result: CallResult? = nil,
        prospect: Bool = false, callback: Bool = false, memo: String = "", calledAt: Date? = nil
    ) -> AgentDeskRow {
        let suffix = company ?? number
        return AgentDeskRow(
            id: rowID(number), company: "株式会社\(suffix)", contactName: contact,
            phone: String(format: "03333300%02d", suffix % 100), dialNumber: String(format: "+81333330%03d", suffix),
            done: done, result: result, prospect: prospect, callback: callback, memo: memo, calledAt: calledAt)
    }

    static func rows(_ count: Int) -> [AgentDeskRow] {
        (1...count).map { row($0) }
    }

    static func desk(
        _ rows: [AgentDeskRow], settings: AgentDeskSettings = AgentDeskSettings(), cursorNo: Int = 1
    ) -> AgentDesk {
        AgentDesk(settings: settings, rows: rows, cursor: cursorNo - 1)
    }
}

/// A desk with a clock and a log of the calls it placed, so tests read like the manual's steps.
struct DeskDriver {
    var desk: AgentDesk
    var now: Date = DeskFixtures.manualDay
    var effects: [AgentDesk.Effect] = []

    init(_ desk: AgentDesk) {
        self.desk = desk
    }

    @discardableResult
    mutating func send(_ event: AgentDesk.Event, after seconds: TimeInterval = 1) -> [AgentDesk.Effect] {
        now += seconds
        effects = desk.handle(event, now: now)
        return effects
    }

    /// The call the last event placed, if any.
    var dialedCall: (id: CallID, no: Int)? {
        for effect in effects {
            if case .dial(let id, let row, _) = effect, let index = desk.index(of: row) { return (id, index + 1) }
        }
        return nil
    }

    var notices: [AgentDesk.Notice] {
        effects.compactMap { if case .show(let notice) = $0 { notice } else { nil } }
    }

    /// ▶ as the manual numbers rows.
    var cursorNo: Int { desk.cursor + 1 }

    func row(_ no: Int) -> AgentDeskRow { desk.rows[no - 1] }

    /// Lets the current call ring and end without an answer; returns the No. dialled next, if any.
    @discardableResult
    mutating func ringOut(_ reason: UnansweredReason = .noAnswer) -> Int? {
        guard let call = desk.activeCall else { return nil }
        send(.callRinging(call.id))
        send(.callEnded(call.id, .unanswered(reason)), after: 30)
        return dialedCall?.no
    }

    /// Answers the current call, talks, and the customer hangs up; returns the No. dialled next, if any.
    @discardableResult
    mutating func answerAndHangUp() -> Int? {
        guard let call = desk.activeCall else { return nil }
        send(.callRinging(call.id))
        send(.callAnswered(call.id), after: 5)
        send(.callEnded(call.id, .afterAnswer), after: 60)
        return dialedCall?.no
    }
}
