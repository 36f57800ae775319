import Foundation
import Testing
import TsunaguCore

/// The agent's state (the manager's floor) from sequences of the desk's events, on an injected clock: what each
/// event changes, and the facts stored with their times.
struct AgentStateMachineTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// Feeds `(seconds after start, event)` in order; returns the machine and every change as (seconds, state).
    static func run(_ steps: [(TimeInterval, AgentStateMachine.Event)]) -> (AgentStateMachine, [(Double, AgentState)]) {
        var machine = AgentStateMachine(since: start)
        var changes: [(Double, AgentState)] = []
        for (seconds, event) in steps {
            for change in machine.handle(event, at: start + seconds) {
                changes.append((change.at.timeIntervalSince(start), change.state))
            }
        }
        return (machine, changes)
    }

    static func states(_ changes: [(Double, AgentState)]) -> [AgentState] { changes.map(\.1) }

    @Test func answeredCallEndsInWrapUpUntilTheNextDial() {
        let (machine, changes) = Self.run([
            (0, .screenOpened), (5, .dialStarted), (12, .callAnswered), (80, .callEnded), (140, .dialStarted),
        ])
        #expect(Self.states(changes) == [.idle, .dialing, .talking, .wrapUp, .dialing])
        #expect(changes.map(\.0) == [0, 5, 12, 80, 140])
        #expect(machine.state == .dialing)
    }

    @Test func unansweredCallGoesBackToIdle() {
        let (_, changes) = Self.run([(0, .screenOpened), (1, .dialStarted), (31, .callEnded), (31, .dialStarted)])
        #expect(Self.states(changes) == [.idle, .dialing, .idle, .dialing])
    }

    /// 後処理 is flagged after the tenant's limit but never ends by itself.
    @Test func longWrapUpIsFlaggedNotChanged() {
        var (machine, _) = Self.run([(0, .screenOpened), (1, .dialStarted), (2, .callAnswered), (10, .callEnded)])
        #expect(machine.state == .wrapUp)
        #expect(machine.wrapUpExceeds(300, now: Self.start + 310) == false)
        #expect(machine.wrapUpExceeds(300, now: Self.start + 311))
        #expect(machine.handle(.graceElapsed, at: Self.start + 400).isEmpty)
        #expect(machine.state == .wrapUp)
    }

    /// 終了 mid-call changes nothing on the board: the call goes on; its end decides.
    @Test func stopMidCallKeepsTheCall() {
        let (_, changes) = Self.run([(0, .screenOpened), (1, .dialStarted), (3, .callAnswered), (60, .callEnded)])
        #expect(Self.states(changes) == [.idle, .dialing, .talking, .wrapUp])
    }

    /// 休憩 asked for during a call starts when the call ends; asked for outside a call, at once; 再開 → 待機中.
    @Test func pauseDuringACallStartsWhenItEnds() {
        let (machine, changes) = Self.run([
            (0, .screenOpened), (1, .dialStarted), (3, .callAnswered), (20, .pauseRequested(reason: "会議")),
            (50, .callEnded), (900, .pauseEnded), (905, .pauseRequested(reason: "休憩")),
        ])
        #expect(
            Self.states(changes) == [
                .idle, .dialing, .talking, .paused(reason: "会議"), .idle, .paused(reason: "休憩"),
            ])
        #expect(changes.map(\.0) == [0, 1, 3, 50, 900, 905])
        #expect(machine.pauseAfterCall == nil)
    }

    /// A dial ends a pause (and a pause asked for during an unanswered call still starts at its end).
    @Test func aDialEndsAPause() {
        let (_, changes) = Self.run([
            (0, .screenOpened), (1, .pauseRequested(reason: "離席")), (60, .dialStarted),
            (61, .pauseRequested(reason: "研修")), (90, .callEnded),
        ])
        #expect(
            Self.states(changes) == [.idle, .paused(reason: "離席"), .dialing, .paused(reason: "研修")])
    }

    /// A reload shorter than the grace never shows オフライン; a longer absence does, dated when the screen closed.
    @Test(arguments: [(9.9, false), (10.0, true), (300.0, true)])
    func reloadWithinTheGraceStaysOnline(gap: Double, offline: Bool) {
        var machine = AgentStateMachine(since: Self.start)
        _ = machine.handle(.screenOpened, at: Self.start)
        _ = machine.handle(.screenClosed, at: Self.start + 100)
        #expect(machine.offlineDue == Self.start + 110)
        let elapsed = machine.handle(.graceElapsed, at: Self.start + 100 + gap)
        let reopened = machine.handle(.screenOpened, at: Self.start + 100 + gap)
        if offline {
            // オフライン from when the screen closed, ending the 待機中 held since it opened.
            #expect(
                elapsed == [
                    AgentStateMachine.Change(
                        state: .offline, at: Self.start + 100, previous: .idle, previousSince: Self.start)
                ])
            #expect(
                reopened == [
                    AgentStateMachine.Change(
                        state: .idle, at: Self.start + 100 + gap, previous: .offline, previousSince: Self.start + 100)
                ])
        } else {
            #expect(elapsed.isEmpty && reopened.isEmpty)
            #expect(machine.offlineDue == nil)
        }
    }

    /// Two tabs: closing one is not leaving.
    @Test func oneOfTwoScreensClosing() {
        var machine = AgentStateMachine(since: Self.start)
        _ = machine.handle(.screenOpened, at: Self.start)
        _ = machine.handle(.screenOpened, at: Self.start + 1)
        _ = machine.handle(.screenClosed, at: Self.start + 2)
        #expect(machine.offlineDue == nil)
        #expect(machine.handle(.graceElapsed, at: Self.start + 60).isEmpty)
        #expect(machine.state == .idle)
    }

    /// Sign-out mid-call: the call (on the server) goes on and is counted; the agent is offline when it ends.
    @Test func signOutMidCall() {
        let (machine, changes) = Self.run([
            (0, .screenOpened), (1, .dialStarted), (4, .callAnswered), (30, .signedOut), (75, .callEnded),
        ])
        #expect(Self.states(changes) == [.idle, .dialing, .talking, .offline])
        #expect(changes.last?.0 == 75)
        #expect(machine.screens == 0)
    }

    /// The screen closes for good during a call: offline once the call ends, not before.
    @Test func screenGoneDuringACall() {
        let (_, changes) = Self.run([
            (0, .screenOpened), (1, .dialStarted), (2, .callAnswered), (10, .screenClosed), (25, .graceElapsed),
            (40, .callEnded),
        ])
        #expect(Self.states(changes) == [.idle, .dialing, .talking, .offline])
        #expect(changes.last?.0 == 40)
    }

    @Test func storedCodesReadBack() {
        for state in [AgentState.offline, .idle, .dialing, .talking, .wrapUp, .paused(reason: "会議")] {
            #expect(
                AgentState(code: state.code, reason: { if case .paused(let r) = state { r } else { nil } }()) == state)
        }
        #expect(AgentState(code: "onHold", reason: nil) == nil)
    }
}
