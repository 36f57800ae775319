import Foundation

/// The manager's live board as data: one row per agent, one per list in use, and the tenant's totals. The board page
/// draws it, pushed changes update it, and `GET /api/v1/floor` serves it as JSON for wall displays.
public struct FloorSnapshot: Sendable, Hashable, Codable {
    public struct Agent: Sendable, Hashable, Codable, Identifiable {
        public var id: UUID
        public var loginID: String
        public var name: String
        public var `extension`: String
        /// `AgentState.code`: offline, idle, dialing, talking, wrapUp, paused.
        public var state: String
        /// 休憩's reason.
        public var reason: String?
        /// When the state began (the stored fact's time); nil for an agent who has never opened the phone screen.
        public var since: Date?
        /// The customer (会社名) and list of the call in progress or being written up.
        public var customer: String?
        public var list: String?
        public var today: CallFigures

        public init(
            id: UUID, loginID: String, name: String, extension: String, state: AgentState, since: Date?,
            customer: String? = nil, list: String? = nil, today: CallFigures = CallFigures()
        ) {
            self.id = id
            self.loginID = loginID
            self.name = name
            self.extension = `extension`
            self.state = state.code
            if case .paused(let reason) = state { self.reason = reason }
            self.since = since
            self.customer = customer
            self.list = list
            self.today = today
        }

        public var agentState: AgentState { AgentState(code: state, reason: reason) ?? .offline }

        /// In 後処理 for longer than the tenant's limit at `now`: the board flags it, the state stays.
        public func wrapUpExceeds(_ limit: TimeInterval, now: Date) -> Bool {
            guard state == AgentState.wrapUp.code, let since else { return false }
            return now.timeIntervalSince(since) > limit
        }
    }

    /// A call list in use: with rows on screens or called today.
    public struct List: Sendable, Hashable, Codable, Identifiable {
        public var id: UUID
        public var name: String
        /// Every row of the list.
        public var total: Int
        /// Waiting to be handed out and not barred: what is left to call.
        public var left: Int
        /// On agents' phone screens now.
        public var onScreen: Int
        /// Results uploaded.
        public var reported: Int
        /// Waiting rows whose customer or number is barred (勧誘お断り or 架電禁止).
        public var barred: Int
        /// 上限到達: rows at their list's attempt limit.
        public var limitReached: Int
        /// 再架電待ち: waiting rows whose latest call went unanswered less than the retry rules' wait ago.
        public var waitingForRetry: Int
        public var today: CallFigures

        public init(
            id: UUID, name: String, total: Int, left: Int, onScreen: Int, reported: Int, barred: Int,
            limitReached: Int, waitingForRetry: Int = 0, today: CallFigures
        ) {
            self.id = id
            self.name = name
            self.total = total
            self.left = left
            self.onScreen = onScreen
            self.reported = reported
            self.barred = barred
            self.limitReached = limitReached
            self.waitingForRetry = waitingForRetry
            self.today = today
        }

        /// Reported ÷ total, 0…1: the progress bar.
        public var progress: Double { total == 0 ? 0 : Double(reported) / Double(total) }
    }

    public struct Totals: Sendable, Hashable, Codable {
        /// Agents not オフライン.
        public var signedIn: Int
        /// Agents per `AgentState.code`, every code present.
        public var byState: [String: Int]
        public var today: CallFigures

        /// The totals of these agents (today's figures are the agents' own, so they add up to the rows shown).
        public init(agents: [Agent]) {
            var byState = Dictionary(uniqueKeysWithValues: AgentState.codes.map { ($0, 0) })
            var today = CallFigures()
            for agent in agents {
                byState[agent.state, default: 0] += 1
                today.add(agent.today)
            }
            self.signedIn = agents.count - (byState[AgentState.offline.code] ?? 0)
            self.byState = byState
            self.today = today
        }
    }

    public var agents: [Agent]
    public var lists: [List]
    public var totals: Totals
    /// The tenant's 後処理 limit: a longer one is flagged.
    public var wrapUpLimitSeconds: Int
    public var generatedAt: Date

    public init(agents: [Agent], lists: [List], wrapUpLimitSeconds: Int, generatedAt: Date) {
        self.agents = agents
        self.lists = lists
        self.totals = Totals(agents: agents)
        self.wrapUpLimitSeconds = wrapUpLimitSeconds
        self.generatedAt = generatedAt
    }

    /// Replaces the given agents' and lists' rows (adding new ones in order) and sums the totals again.
    public mutating func update(agents changed: [Agent], lists changedLists: [List], at: Date) {
        merge(changed, into: &agents) { ($0.extension, $0.loginID) < ($1.extension, $1.loginID) }
        merge(changedLists, into: &lists) { $0.name < $1.name }
        totals = Totals(agents: agents)
        generatedAt = at
    }

    /// Drops lists no longer in use.
    public mutating func removeLists(_ ids: Set<UUID>) {
        lists.removeAll { ids.contains($0.id) }
    }

    private func merge<Row: Identifiable>(
        _ changed: [Row], into rows: inout [Row], by order: (Row, Row) -> Bool
    ) where Row.ID == UUID {
        guard !changed.isEmpty else { return }
        var index = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.id, $0) })
        var added = false
        for row in changed {
            if let at = index[row.id] {
                rows[at] = row
            } else {
                index[row.id] = rows.count
                rows.append(row)
                added = true
            }
        }
        if added { rows.sort(by: order) }
    }
}

extension AgentState {
    /// Every state's code, in the board's order.
    public static let codes = ["idle", "dialing", "talking", "wrapUp", "paused", "offline"]
}
