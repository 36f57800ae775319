import Foundation

/// The phone screen's rules (manual §1-2, §3) as a state machine without I/O; where each rule is decided:
/// docs/ARCHITECTURE.md#where-each-rule-of-the-manual-lives.
///
/// Events go in through `handle(_:now:)`; the effects that come out tell the host what to do: dial, hang up,
/// fetch or upload rows, ask the agent, show a message, store a changed row. Time is passed in, never read.
public struct AgentDesk: Sendable {
    public internal(set) var settings: AgentDeskSettings
    public internal(set) var rows: [AgentDeskRow]
    /// Index of ▶ in `rows` (0 when the list is empty).
    public internal(set) var cursor: Int
    /// Auto-dial is on: the button reads 終了.
    public internal(set) var autoDialArmed: Bool
    /// Automatic fetch was switched on by the first ダウンロード click.
    public internal(set) var autoFetchActive: Bool
    public internal(set) var phoneReady: Bool
    public internal(set) var activeCall: ActiveCall?
    var pending: Pending?
    var lastCallNumber: UInt64
    /// A due callback the host asks to be the next automatic dial (「期限の来た再架電を次に発信」), ahead of ▶'s row.
    public internal(set) var dueCallback: DueCallback?

    /// The call in progress.
    public struct ActiveCall: Sendable, Hashable {
        public enum Stage: String, Sendable, Hashable, Codable {
            case dialing
            case ringing
            case talking
            case hangingUp
        }

        public var id: CallID
        /// The row dialled; nil for a dial-pad call.
        public var row: AgentDeskRow.ID?
        public var number: String
        public var stage: Stage
        public var startedAt: Date
        public var answeredAt: Date?
        /// Who decided the dial, for the calling rules.
        public var kind: DialKind
        /// The agent moved ▶ while this call was on: the next dial starts from where they put it.
        var cursorMovedByAgent: Bool
        /// The row's 架電日時 before this dial, put back if the server holds the dial back.
        var rowCalledAtBefore: Date?
        var rowLastDialedAnywhereBefore: Date?
        /// The timed callback this call takes (a dial from the callback section); nil otherwise.
        public var callback: UUID?
    }

    /// What the desk waits for besides a call.
    enum Pending: Sendable, Hashable {
        case confirmation(Confirmation)
        case fetch(dialAfterwards: Bool)
        case upload
    }

    public init(
        settings: AgentDeskSettings = AgentDeskSettings(), rows: [AgentDeskRow] = [], cursor: Int = 0,
        autoFetchActive: Bool = false, phoneReady: Bool = true, lastCallNumber: UInt64 = 0
    ) {
        self.settings = settings
        self.rows = rows
        self.cursor = rows.isEmpty ? 0 : min(max(0, cursor), rows.count - 1)
        self.autoDialArmed = false
        self.autoFetchActive = autoFetchActive
        self.phoneReady = phoneReady
        self.activeCall = nil
        self.pending = nil
        self.lastCallNumber = lastCallNumber
    }

    /// The confirmation the agent has been asked and not yet answered.
    public var pendingConfirmation: Confirmation? {
        if case .confirmation(let confirmation) = pending { return confirmation }
        return nil
    }

    public var isUploading: Bool { pending == .upload }

    public var isFetching: Bool {
        if case .fetch = pending { return true }
        return false
    }

    /// The number of the last call placed, so a restored desk keeps numbering after it.
    public var callNumber: UInt64 { lastCallNumber }

    public func index(of row: AgentDeskRow.ID) -> Int? {
        rows.firstIndex { $0.id == row }
    }

    /// The first row without 済 at or below `index`, skipping rows the server held back in this pass.
    func firstUndone(from index: Int) -> Int? {
        guard index < rows.count else { return nil }
        return rows[max(0, index)...].firstIndex { $0.isWalkTarget }
    }
}

extension AgentDesk {
    /// Tells the desk when each number was last dialled by anyone in the tenant, for the double-dial guard.
    public mutating func noteLastDialed(_ latest: [String: Date]) {
        for index in rows.indices {
            guard let date = latest[rows[index].dialNumber] else { continue }
            if rows[index].lastDialedAnywhereAt.map({ $0 < date }) ?? true { rows[index].lastDialedAnywhereAt = date }
        }
    }
}
