import Foundation
import TsunaguCore

/// One phone-screen commit as data: the call attempts it starts, their answers and endings, the changed rows, the
/// latest attempts' memo and flags, and ▶. Being data rather than code lets the writer store a whole batch of
/// screens' commits with one statement per kind of change.
struct DeskChanges: Sendable {
    struct NewAttempt: Sendable {
        var id: UUID
        var phoneExtension: String
        var callListID: UUID?
        var customerID: UUID?
        var workRowID: UUID?
        var number: String
        var startedAt: Date
        var notes: Notes
        /// Who decided the dial, for the calling rules checked before it is recorded.
        var kind: DialKind
        /// The timed callback this dial takes, taken in the same transaction (the first dial wins).
        var callback: CallbackClaim? = nil
    }

    struct CallbackClaim: Sendable {
        var id: UUID
        /// The tenant's minutes after which another agent's callback is open to everyone.
        var openAfterMinutes: Int
    }

    struct Ending: Sendable {
        var attemptID: UUID
        var at: Date
        var result: CallResult
        /// The SIP final status code when the call went through a trunk.
        var signallingCode: Int?
    }

    /// What a call attempt copies from its row for 通話一覧.
    struct Notes: Sendable, Equatable {
        var memo: String
        var prospect: Bool
        var callback: Bool

        init(memo: String, prospect: Bool, callback: Bool) {
            self.memo = memo
            self.prospect = prospect
            self.callback = callback
        }

        init(_ row: AgentDeskRow) {
            memo = row.memo
            prospect = row.prospect
            callback = row.callback
        }
    }

    /// A state change, with the list of the call whose 後処理 it ends (for the lists' wrap-up time).
    struct StateFact: Sendable {
        var change: AgentStateMachine.Change
        var callListID: UUID?
    }

    let tenantID: UUID
    let userID: UUID
    var newAttempts: [NewAttempt] = []
    var answered: [(attemptID: UUID, at: Date)] = []
    var endings: [Ending] = []
    var rows: [AgentDeskRow] = []
    var notes: [(attemptID: UUID, notes: Notes)] = []
    var position: DeskStore.Position?
    /// The agent's state changes since the last commit (the manager's floor), stored as facts.
    var stateChanges: [StateFact] = []
    /// The tenant's time zone: the hours the report roll-ups sum by.
    var timeZone = TimeZone(identifier: "Asia/Tokyo")!
    /// The lease of the session that made the commit: stored only while the database still gives it (a session
    /// always sets it; tests of the storage alone may leave it out).
    var lease: DeskLease?
    /// False until ▶ was first stored for this agent: the record is created then.
    var positionRecordExists = false

    init(tenantID: UUID, userID: UUID) {
        self.tenantID = tenantID
        self.userID = userID
    }

    var isEmpty: Bool {
        newAttempts.isEmpty && answered.isEmpty && endings.isEmpty && rows.isEmpty && notes.isEmpty && position == nil
            && stateChanges.isEmpty
    }
}
