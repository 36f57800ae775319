import Foundation
import Testing
import TsunaguCore

@testable import TsunaguServer

/// The phone-screen session's bookkeeping, driven without a database: what each commit writes, and what is
/// remembered about rows and calls between commits.
@Suite struct DeskLedgerTests {
    static let tenant = UUID()
    static let agent = UUID()
    static let list = UUID()

    static func row(_ id: UUID = UUID(), memo: String = "") -> AgentDeskRow {
        var row = AgentDeskRow(
            id: id, customerID: UUID(), company: "株式会社テスト", contactName: "", phone: "03-1234-5678",
            dialNumber: "+81312345678")
        row.memo = memo
        return row
    }

    static func ledger(rows: [AgentDeskRow] = [], latest: [UUID: UUID] = [:]) -> DeskLedger {
        DeskLedger(
            tenantID: tenant, userID: agent,
            stored: DeskStore.Stored(
                rows: rows, cursor: 0, autoFetchActive: false, lastCallNumber: 0, latestAttemptByRow: latest,
                hasPositionRecord: true, callListByRow: Dictionary(uniqueKeysWithValues: rows.map { ($0.id, list) })))
    }

    static let start = DeskStore.Position(cursor: 0, autoFetchActive: false, lastCallNumber: 0)

    static func attempt(_ id: UUID, row: AgentDeskRow?) -> DeskChanges.NewAttempt {
        DeskChanges.NewAttempt(
            id: id, phoneExtension: "101", callListID: list, customerID: row?.customerID, workRowID: row?.id,
            number: "+81312345678", startedAt: Date(),
            notes: row.map(DeskChanges.Notes.init) ?? .init(memo: "", prospect: false, callback: false),
            kind: .manualRow)
    }

    /// Nothing changed: nothing to commit.
    @Test func nothingToCommitAtFirst() {
        let row = Self.row()
        #expect(Self.ledger(rows: [row]).changes(rows: [row], position: Self.start) == nil)
    }

    /// A memo typed on a row with an attempt is written to the row and to the attempt, and not again once stored.
    @Test func anUnchangedMemoIsNotWrittenTwice() throws {
        var row = Self.row(memo: "折り返し希望")
        let attempt = UUID()
        var ledger = Self.ledger(rows: [row], latest: [row.id: attempt])
        ledger.markUnsaved(row.id)
        let first = try #require(ledger.changes(rows: [row], position: Self.start))
        #expect(first.rows.map(\.id) == [row.id])
        #expect(first.notes.map(\.attemptID) == [attempt])
        ledger.committed(first, position: Self.start)
        #expect(ledger.unsaved.isEmpty)
        // Ticking 見込み changes only the row's flags: the memo's attempt is written again because its notes changed;
        // touching the row without changing anything writes the row but not the attempt.
        ledger.markUnsaved(row.id)
        let same = try #require(ledger.changes(rows: [row], position: Self.start))
        #expect(same.notes.isEmpty)
        row.prospect = true
        let ticked = try #require(ledger.changes(rows: [row], position: Self.start))
        #expect(ticked.notes.map(\.notes.prospect) == [true])
    }

    /// A commit that failed leaves everything to write for the next one.
    @Test func aFailedCommitIsRetried() throws {
        let row = Self.row(memo: "memo")
        var ledger = Self.ledger(rows: [row])
        ledger.markUnsaved(row.id)
        let moved = DeskStore.Position(cursor: 1, autoFetchActive: false, lastCallNumber: 0)
        let attemptID = UUID()
        ledger.recordAttempt(Self.attempt(attemptID, row: row))
        let first = try #require(ledger.changes(rows: [row], position: moved))
        // (the write fails: `committed` is not called)
        let again = try #require(ledger.changes(rows: [row], position: moved))
        #expect(again.rows.map(\.id) == first.rows.map(\.id))
        #expect(again.newAttempts.map(\.id) == [attemptID])
        #expect(again.position == moved)
        ledger.committed(again, position: moved)
        #expect(ledger.changes(rows: [row], position: moved) == nil)
    }

    /// A call's attempt and its screen are found both ways while it lasts, and forgotten when it ends.
    @Test func aCallIsForgottenWhenItEnds() throws {
        let row = Self.row()
        var ledger = Self.ledger(rows: [row])
        let attemptID = UUID()
        let call = CallID(7)
        let screen = UUID()
        ledger.recordAttempt(Self.attempt(attemptID, row: row))
        ledger.callPlaced(call, attemptID: attemptID, row: row.id)
        ledger.setMediaClient(screen, forAttempt: attemptID)
        #expect(ledger.attempt(of: call) == attemptID)
        #expect(ledger.call(of: attemptID) == call)
        #expect(ledger.mediaClient(ofAttempt: attemptID) == screen)
        #expect(ledger.rows[row.id]?.latestAttemptID == attemptID)
        ledger.ended(DeskChanges.Ending(attemptID: attemptID, at: Date(), result: .answered, signallingCode: 200))
        #expect(ledger.attempt(of: call) == nil && ledger.call(of: attemptID) == nil)
        #expect(ledger.mediaClient(ofAttempt: attemptID) == nil)
        let changes = try #require(ledger.changes(rows: [row], position: Self.start))
        #expect(changes.endings.map(\.attemptID) == [attemptID])
        // The row keeps its latest attempt after the call: its memo goes on updating that attempt.
        #expect(ledger.rows[row.id]?.latestAttemptID == attemptID)
    }

    /// The attempt a call is placed with counts as stored for its row: the same notes are not written again.
    @Test func aPlacedCallsNotesCountAsStored() throws {
        let row = Self.row(memo: "前回の memo")
        var ledger = Self.ledger(rows: [row])
        let attemptID = UUID()
        ledger.recordAttempt(Self.attempt(attemptID, row: row))
        ledger.committed(try #require(ledger.changes(rows: [row], position: Self.start)), position: Self.start)
        ledger.callPlaced(CallID(1), attemptID: attemptID, row: row.id)
        ledger.markUnsaved(row.id)
        #expect(try #require(ledger.changes(rows: [row], position: Self.start)).notes.isEmpty)
    }

    /// A call that could not be recorded is forgotten with its attempt.
    @Test func anUnrecordedAttemptIsForgotten() {
        let row = Self.row()
        var ledger = Self.ledger(rows: [row])
        let attemptID = UUID()
        ledger.recordAttempt(Self.attempt(attemptID, row: row))
        ledger.forgetAttempt(attemptID)
        #expect(ledger.changes(rows: [row], position: Self.start) == nil)
    }

    /// Uploaded rows leave nothing behind.
    @Test func anUploadForgetsItsRows() {
        let kept = Self.row()
        let uploaded = Self.row()
        var ledger = Self.ledger(rows: [kept, uploaded], latest: [uploaded.id: UUID()])
        ledger.rowsUploaded([uploaded.id])
        #expect(ledger.rows[uploaded.id] == nil)
        #expect(ledger.rows[kept.id]?.callListID == Self.list)
    }
}
