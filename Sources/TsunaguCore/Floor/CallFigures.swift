import Foundation

/// One agent's (or a list's, or the tenant's) figures for a period, summed from call attempts: what the board shows
/// for today and the reports for any period. A contact is a call whose result is 応答 (as 通話一覧 filters it), so a
/// call counts as one once it has ended; talk time runs from the answer to the end of the call.
public struct CallFigures: Sendable, Hashable, Codable {
    public var calls = 0
    public var contacts = 0
    /// 見込み: calls whose row was marked 見込み.
    public var prospects = 0
    /// 再架電: calls whose row was marked 再架電.
    public var callbacks = 0
    public var talkSeconds: Double = 0

    public init() {}

    public init(calls: Int, contacts: Int, prospects: Int, callbacks: Int, talkSeconds: Double) {
        self.calls = calls
        self.contacts = contacts
        self.prospects = prospects
        self.callbacks = callbacks
        self.talkSeconds = talkSeconds
    }

    /// One call attempt as the figures count it.
    public struct Attempt: Sendable, Hashable {
        /// The call's result is 応答.
        public var answered: Bool
        public var answeredAt: Date?
        public var endedAt: Date?
        public var prospect: Bool
        public var callback: Bool

        public init(answered: Bool, answeredAt: Date?, endedAt: Date?, prospect: Bool, callback: Bool) {
            self.answered = answered
            self.answeredAt = answeredAt
            self.endedAt = endedAt
            self.prospect = prospect
            self.callback = callback
        }
    }

    public mutating func add(_ attempt: Attempt) {
        calls += 1
        if attempt.answered {
            contacts += 1
            if let answered = attempt.answeredAt, let ended = attempt.endedAt {
                talkSeconds += max(0, ended.timeIntervalSince(answered))
            }
        }
        if attempt.prospect { prospects += 1 }
        if attempt.callback { callbacks += 1 }
    }

    public mutating func add(_ other: CallFigures) {
        calls += other.calls
        contacts += other.contacts
        prospects += other.prospects
        callbacks += other.callbacks
        talkSeconds += other.talkSeconds
    }

    /// Contacts ÷ calls, or nil before the first call.
    public var contactRate: Double? { calls == 0 ? nil : Double(contacts) / Double(calls) }
}
