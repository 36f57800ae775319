import Foundation

/// An agent's state (`AgentState`) from the phone screen's own events, without I/O: the host feeds it what happened
/// and when, and stores every `Change` it returns, so reports are computed from facts.
///
/// - 後処理 runs from the end of an answered call until the next dial, 休憩 or sign-out; the board flags a long one
///   (`wrapUpExceeds(_:now:)`) but the state never changes by itself.
/// - 休憩 asked for during a call starts when the call ends; any dial ends it.
/// - A screen closed and opened again within `reconnectionGrace` (a reload, a dropped connection) is not オフライン:
///   the host arms a timer for `offlineDue` and sends `.graceElapsed`. When it does go offline, the change is dated
///   when the last screen closed, so signed-in time is exact.
/// - A call outlives its screen (the dialer runs on the server): the agent goes offline once the call has ended.
public struct AgentStateMachine: Sendable, Hashable {
    public private(set) var state: AgentState
    /// When the current state began.
    public private(set) var since: Date
    /// Open phone screens (tabs).
    public private(set) var screens: Int
    /// 休憩 asked for during a call, with its reason: starts when the call ends.
    public private(set) var pauseAfterCall: String?
    /// Signed out (or no screen left) during a call: offline when the call ends.
    public private(set) var offlineAfterCall: Bool
    /// When the last change was dated (changes are strictly later than the one before).
    private var lastChangeAt: Date?
    /// When the last screen closed, while waiting out the grace.
    public private(set) var lastScreenClosedAt: Date?

    public static let reconnectionGrace: TimeInterval = 10

    public enum Event: Sendable, Hashable {
        case screenOpened
        case screenClosed
        /// The grace after the last screen closed may have passed (the host's timer).
        case graceElapsed
        case signedOut
        /// A call was placed (recorded and sent to the carrier).
        case dialStarted
        case callAnswered
        case callEnded
        /// 休憩 with one of the tenant's reasons.
        case pauseRequested(reason: String)
        /// 休憩 ends (the agent's 再開): back to 待機中.
        case pauseEnded
    }

    /// One stored fact: from `at` the agent was in `state`; it ends the `previous` state, held since
    /// `previousSince` (the interval the report roll-ups add).
    public struct Change: Sendable, Hashable {
        public var state: AgentState
        public var at: Date
        public var previous: AgentState
        public var previousSince: Date

        public init(state: AgentState, at: Date, previous: AgentState = .offline, previousSince: Date? = nil) {
            self.state = state
            self.at = at
            self.previous = previous
            self.previousSince = previousSince ?? at
        }
    }

    public init(state: AgentState = .offline, since: Date) {
        self.state = state
        self.since = since
        self.screens = 0
        self.pauseAfterCall = nil
        self.offlineAfterCall = false
        self.lastScreenClosedAt = nil
    }

    /// When the host should send `.graceElapsed`, or nil when nothing is waiting.
    public var offlineDue: Date? {
        lastScreenClosedAt.map { $0.addingTimeInterval(Self.reconnectionGrace) }
    }

    /// In 後処理 for longer than `limit` at `now`: the board's flag.
    public func wrapUpExceeds(_ limit: TimeInterval, now: Date) -> Bool {
        state == .wrapUp && now.timeIntervalSince(since) > limit
    }

    /// Applies one event at `at`; returns the changes to store, in order (none when the state stays).
    public mutating func handle(_ event: Event, at: Date) -> [Change] {
        switch event {
        case .screenOpened:
            screens += 1
            lastScreenClosedAt = nil
            if state == .offline { return move(to: .idle, at: at) }
            // Back within the grace, or signed in again during the call: the call's end no longer signs out.
            offlineAfterCall = false
            return []
        case .screenClosed:
            screens = max(0, screens - 1)
            if screens == 0, state != .offline { lastScreenClosedAt = at }
            return []
        case .graceElapsed:
            guard screens == 0, let closed = lastScreenClosedAt,
                at.timeIntervalSince(closed) >= Self.reconnectionGrace
            else { return [] }
            lastScreenClosedAt = nil
            if state.isOnCall {
                offlineAfterCall = true
                return []
            }
            return move(to: .offline, at: max(closed, since))
        case .signedOut:
            screens = 0
            lastScreenClosedAt = nil
            if state.isOnCall {
                offlineAfterCall = true
                return []
            }
            return move(to: .offline, at: at)
        case .dialStarted:
            pauseAfterCall = nil
            return move(to: .dialing, at: at)
        case .callAnswered:
            guard state == .dialing else { return [] }
            return move(to: .talking, at: at)
        case .callEnded:
            guard state.isOnCall else { return [] }
            let answered = state == .talking
            if offlineAfterCall { return move(to: .offline, at: at) }
            if let reason = pauseAfterCall {
                pauseAfterCall = nil
                return move(to: .paused(reason: reason), at: at)
            }
            return move(to: answered ? .wrapUp : .idle, at: at)
        case .pauseRequested(let reason):
            if state == .offline { return [] }
            if state.isOnCall {
                pauseAfterCall = reason
                return []
            }
            return move(to: .paused(reason: reason), at: at)
        case .pauseEnded:
            pauseAfterCall = nil
            guard case .paused = state else { return [] }
            return move(to: .idle, at: at)
        }
    }

    private mutating func move(to next: AgentState, at: Date) -> [Change] {
        if next == .offline {
            pauseAfterCall = nil
            offlineAfterCall = false
            screens = 0
        }
        guard next != state else { return [] }
        // Facts of one agent never share a time, so "the latest" is always one fact.
        let at = lastChangeAt.map { at > $0 ? at : $0.addingTimeInterval(0.001) } ?? at
        lastChangeAt = at
        let change = Change(state: next, at: at, previous: state, previousSince: min(since, at))
        state = next
        since = at
        return [change]
    }
}
