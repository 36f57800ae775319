import Foundation
import TsunaguCore

/// What a phone-screen session keeps beside its `AgentDesk`: for each row, its call list and latest call attempt;
/// for each call, its attempt and the screen that plays its audio; and what the next commit must write. A value
/// without I/O: the session asks it what to commit, writes that, and tells it the commit succeeded, so each rule
/// (an unchanged memo is not written again, a failed commit is retried, an upload forgets its rows) is tested alone.
struct DeskLedger {
    /// One row of the screen.
    struct RowRecord: Equatable {
        /// The call list the row came from, for its call attempts.
        var callListID: UUID?
        /// The row's latest call attempt, which keeps its memo and flags up to date in 通話一覧.
        var latestAttemptID: UUID?
        /// The memo and flags last stored on that attempt, so an unchanged attempt is not written again.
        var storedNotes: (attemptID: UUID, notes: DeskChanges.Notes)?

        static func == (left: RowRecord, right: RowRecord) -> Bool {
            left.callListID == right.callListID && left.latestAttemptID == right.latestAttemptID
                && left.storedNotes?.attemptID == right.storedNotes?.attemptID
                && left.storedNotes?.notes == right.storedNotes?.notes
        }
    }

    /// One call in progress.
    struct CallRecord: Equatable {
        var attemptID: UUID
        /// The screen (tab) whose browser offered the call's audio.
        var mediaClient: UUID?
    }

    let tenantID: UUID
    let userID: UUID
    private(set) var rows: [UUID: RowRecord] = [:]
    private(set) var calls: [CallID: CallRecord] = [:]
    private var callByAttempt: [UUID: CallID] = [:]
    /// Rows changed in memory and not yet committed, in the order they changed.
    private(set) var unsaved: [UUID] = []
    /// Call records (dial, answer, end) waiting for the next commit, which stores them with the rows.
    private(set) var pendingCalls: DeskChanges
    private(set) var savedPosition: DeskStore.Position
    private(set) var hasPositionRecord: Bool

    init(tenantID: UUID, userID: UUID, stored: DeskStore.Stored) {
        self.tenantID = tenantID
        self.userID = userID
        self.pendingCalls = DeskChanges(tenantID: tenantID, userID: userID)
        self.savedPosition = DeskStore.Position(
            cursor: stored.cursor, autoFetchActive: stored.autoFetchActive, lastCallNumber: stored.lastCallNumber)
        self.hasPositionRecord = stored.hasPositionRecord
        for (row, list) in stored.callListByRow { rows[row, default: RowRecord()].callListID = list }
        for (row, attempt) in stored.latestAttemptByRow { rows[row, default: RowRecord()].latestAttemptID = attempt }
    }

    // MARK: Rows

    mutating func markUnsaved(_ row: UUID) {
        if !unsaved.contains(row) { unsaved.append(row) }
    }

    /// Rows fetched from a call list.
    mutating func rowsFetched(callListByRow: [UUID: UUID]) {
        for (row, list) in callListByRow { rows[row, default: RowRecord()].callListID = list }
    }

    /// Uploaded rows leave the screen: nothing about them is kept.
    mutating func rowsUploaded(_ uploaded: [UUID]) {
        for row in uploaded { rows[row] = nil }
    }

    /// After an upload the stored ▶ was reset with the rows.
    mutating func positionReset(to position: DeskStore.Position) {
        savedPosition = position
    }

    // MARK: Calls

    /// The attempt of a call about to be dialled, to be stored by the next commit (before the call is placed).
    mutating func recordAttempt(_ attempt: DeskChanges.NewAttempt) {
        pendingCalls.newAttempts.append(attempt)
    }

    /// The attempt could not be stored: the call is not placed, and the attempt is forgotten.
    mutating func forgetAttempt(_ attemptID: UUID) {
        pendingCalls.newAttempts.removeAll { $0.id == attemptID }
    }

    /// The attempt is stored and its call is being placed.
    mutating func callPlaced(_ call: CallID, attemptID: UUID, row: UUID?) {
        calls[call] = CallRecord(attemptID: attemptID)
        callByAttempt[attemptID] = call
        if let row { rows[row, default: RowRecord()].latestAttemptID = attemptID }
    }

    mutating func setMediaClient(_ client: UUID, forAttempt attemptID: UUID) {
        guard let call = callByAttempt[attemptID] else { return }
        calls[call]?.mediaClient = client
    }

    func attempt(of call: CallID) -> UUID? { calls[call]?.attemptID }

    func call(of attemptID: UUID) -> CallID? { callByAttempt[attemptID] }

    func mediaClient(ofAttempt attemptID: UUID) -> UUID? {
        callByAttempt[attemptID].flatMap { calls[$0]?.mediaClient }
    }

    mutating func answered(_ attemptID: UUID, at: Date) {
        pendingCalls.answered.append((attemptID, at))
    }

    /// The call ended: its ending is stored with the next commit, and the call is forgotten.
    mutating func ended(_ ending: DeskChanges.Ending) {
        pendingCalls.endings.append(ending)
        if let call = callByAttempt.removeValue(forKey: ending.attemptID) { calls[call] = nil }
    }

    // MARK: Commits

    /// What the next commit must write for these rows of the desk and ▶, or nil when everything is stored.
    func changes(rows deskRows: [AgentDeskRow], position: DeskStore.Position) -> DeskChanges? {
        guard !unsaved.isEmpty || position != savedPosition || !pendingCalls.isEmpty else { return nil }
        var changes = pendingCalls
        // Usually one or two rows: a scan each is cheaper than indexing the desk's hundreds of rows per commit.
        changes.rows = unsaved.compactMap { id in deskRows.first { $0.id == id } }
        for row in changes.rows {
            guard let attemptID = rows[row.id]?.latestAttemptID else { continue }
            let notes = DeskChanges.Notes(row)
            if let stored = rows[row.id]?.storedNotes, stored.attemptID == attemptID, stored.notes == notes { continue }
            changes.notes.append((attemptID, notes))
        }
        changes.position = position != savedPosition ? position : nil
        changes.positionRecordExists = hasPositionRecord
        return changes
    }

    /// `changes` are durable: the rows are saved, the calls' records written, ▶ stored.
    mutating func committed(_ changes: DeskChanges, position: DeskStore.Position) {
        if changes.position != nil { hasPositionRecord = true }
        for row in changes.rows {
            if let attemptID = rows[row.id]?.latestAttemptID { rows[row.id]?.storedNotes = (attemptID, .init(row)) }
        }
        // After the rows: a call placed in this commit is its row's latest attempt from now on.
        for attempt in changes.newAttempts {
            if let row = attempt.workRowID { rows[row, default: RowRecord()].storedNotes = (attempt.id, attempt.notes) }
        }
        // Rows no longer on the desk (an upload removed them) had nothing left to store: forget them too.
        unsaved = []
        pendingCalls = DeskChanges(tenantID: tenantID, userID: userID)
        savedPosition = position
    }
}
