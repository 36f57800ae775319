import Foundation

/// Every calling rule, applied to one dial at the moment it is recorded: the host reads the facts inside the
/// transaction that records the attempt, so a rule changed since ダウンロード still stops the dial, and two screens
/// dialling the same number at once are decided one after the other.
public enum DialGate {
    /// What the host knows about one dial.
    public struct Facts: Sendable, Hashable {
        public var kind: DialKind
        public var now: Date
        /// A bar in force on the number or on the customer.
        public var barred: Bool
        /// Whether the calling window (the tenant's, narrowed by the list's) is open now, and when it opens next.
        public var window: WindowState
        /// When the number was dialled before, by anyone in the tenant (at least those of the last 180 s).
        public var previousDials: [Date]
        /// The retry rules in force for the row's list (the tenant's unless the list overrides them).
        public var retry: RetryPolicy
        /// The customer's attempts on the row's list.
        public var history: AttemptHistory

        public init(
            kind: DialKind, now: Date, barred: Bool = false, window: WindowState = .open, previousDials: [Date] = [],
            retry: RetryPolicy = .off, history: AttemptHistory = .none
        ) {
            self.kind = kind
            self.now = now
            self.barred = barred
            self.window = window
            self.previousDials = previousDials
            self.retry = retry
            self.history = history
        }
    }

    public enum WindowState: Sendable, Hashable {
        case open
        /// Closed now; opens next at this time, or never (no day is open).
        case closed(nextOpening: Date?)
    }

    /// Why this dial must not go out, or nil when it may. The order matters only for the reason shown: a bar before
    /// the window, the window before the limits.
    public static func refusal(for facts: Facts) -> DialRefusal? {
        if facts.kind == .emergency { return nil }
        if facts.barred { return .barred }
        if case .closed(let next) = facts.window { return .outsideWindow(nextOpening: next) }
        if facts.kind == .automatic
            && !RedialLimit.allowsAutomaticDial(previousDials: facts.previousDials, now: facts.now)
        {
            return .redialLimit
        }
        return facts.retry.refusal(history: facts.history, kind: facts.kind, now: facts.now)
    }
}
