import Foundation

/// The retry rules of a tenant, or of a call list that overrides them: how long to wait after each unanswered
/// reason before the customer is dialled again, and how many attempts a customer gets per list. Off by default, so
/// the manual's re-dial pass (§3-4) behaves as it always has.
public struct RetryPolicy: Sendable, Hashable, Codable {
    public var enabled: Bool
    /// Minutes to wait after 話し中.
    public var busyWaitMinutes: Int
    /// Minutes to wait after 応答なし (and a call hung up before the answer).
    public var noAnswerWaitMinutes: Int
    /// Minutes to wait after 着信拒否.
    public var rejectedWaitMinutes: Int
    /// The most attempts per customer per list; nil means no cap.
    public var maximumAttempts: Int?

    public init(
        enabled: Bool = false, busyWaitMinutes: Int = 0, noAnswerWaitMinutes: Int = 0, rejectedWaitMinutes: Int = 0,
        maximumAttempts: Int? = nil
    ) {
        self.enabled = enabled
        self.busyWaitMinutes = busyWaitMinutes
        self.noAnswerWaitMinutes = noAnswerWaitMinutes
        self.rejectedWaitMinutes = rejectedWaitMinutes
        self.maximumAttempts = maximumAttempts
    }

    public static let off = RetryPolicy()

    /// The longest wait a form accepts: a week.
    public static let maximumWaitMinutes = 7 * 24 * 60
    /// The highest attempt cap a form accepts.
    public static let maximumAttemptCap = 100

    /// Whether a customer whose latest call on the list ended so is still waiting for its retry at `now`.
    public func isWaiting(after result: CallResult, endedAt: Date, now: Date) -> Bool {
        guard enabled, case .unanswered(let reason) = result, let wait = wait(after: reason) else { return false }
        return endedAt.addingTimeInterval(wait) > now
    }

    /// The wait after an unanswered call of this reason; nil when that reason imposes none.
    public func wait(after reason: UnansweredReason) -> TimeInterval? {
        let minutes: Int
        switch reason {
        case .busy: minutes = busyWaitMinutes
        case .noAnswer, .hungUpBeforeAnswer: minutes = noAnswerWaitMinutes
        case .rejected: minutes = rejectedWaitMinutes
        case .invalidNumber, .failed: return nil
        }
        return minutes > 0 ? TimeInterval(minutes * 60) : nil
    }
}

/// What a customer's earlier attempts on one list look like at the moment of a dial.
public struct AttemptHistory: Sendable, Hashable {
    /// Attempts on this list so far (any kind of dial).
    public var attempts: Int
    /// The latest attempt's result and when it ended; nil while none has ended.
    public var latest: (result: CallResult, endedAt: Date)?

    public init(attempts: Int, latest: (result: CallResult, endedAt: Date)?) {
        self.attempts = attempts
        self.latest = latest
    }

    public static func == (left: AttemptHistory, right: AttemptHistory) -> Bool {
        left.attempts == right.attempts && left.latest?.result == right.latest?.result
            && left.latest?.endedAt == right.latest?.endedAt
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(attempts)
        hasher.combine(latest?.result)
        hasher.combine(latest?.endedAt)
    }

    public static let none = AttemptHistory(attempts: 0, latest: nil)
}

extension RetryPolicy {
    /// Why this policy holds back a dial of a customer with this history at `now`, or nil when it may go out. An
    /// invalid number is never dialled again automatically; 発信 on its row still may.
    public func refusal(history: AttemptHistory, kind: DialKind, now: Date) -> DialRefusal? {
        guard enabled, kind == .automatic || kind == .manualRow else { return nil }
        if let cap = maximumAttempts, history.attempts >= cap { return .attemptLimitReached }
        guard let latest = history.latest, case .unanswered(let reason) = latest.result else { return nil }
        if reason == .invalidNumber { return kind == .automatic ? .invalidNumber : nil }
        if let wait = wait(after: reason) {
            let due = latest.endedAt.addingTimeInterval(wait)
            if now < due { return .notDue(until: due) }
        }
        return nil
    }
}
