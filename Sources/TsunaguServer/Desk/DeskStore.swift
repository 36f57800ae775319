import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// The phone screen's rows and position on disk: everything an agent sees is committed here before the screen
/// shows it as saved, so a reload, a sign-out or a killed server brings the screen back as it was.
struct DeskStore: Sendable {
    let scope: TenantScope
    let userID: UUID

    /// The screen as stored.
    struct Stored: Sendable {
        var rows: [AgentDeskRow]
        var cursor: Int
        var autoFetchActive: Bool
        var lastCallNumber: UInt64
        /// Each row's latest call attempt, which keeps its memo and flags up to date.
        var latestAttemptByRow: [UUID: UUID]
        /// Whether the position record exists yet (saving it then needs no lookup).
        var hasPositionRecord: Bool
        /// The call list each row came from.
        var callListByRow: [UUID: UUID]
    }

    /// ▶ and the automatic-fetch flag, saved with the rows.
    struct Position: Sendable, Equatable {
        var cursor: Int
        var autoFetchActive: Bool
        var lastCallNumber: UInt64
    }

    func load() async throws -> Stored {
        let workRows = try await scope.query(AgentWorkRow.self).filter(\.$userID == userID).sort(\.$position).all()
        let record = try await scope.query(AgentDeskRecord.self).filter(\.$userID == userID).first()
        var rows = workRows.map(\.deskRow)
        let rowIDs = rows.map(\.id)
        var latestAttempt: [UUID: UUID] = [:]
        var callListByEntry: [UUID: UUID] = [:]
        for chunk in workRows.map(\.entryID).chunks(of: 500) {
            for entry in try await scope.query(CallListEntry.self).filter(\.$id ~~ Array(chunk)).all() {
                callListByEntry[entry.id!] = entry.callListID
            }
        }
        var callListByRow: [UUID: UUID] = [:]
        for workRow in workRows { callListByRow[workRow.id!] = callListByEntry[workRow.entryID] }
        for chunk in rowIDs.chunks(of: 500) {
            let attempts = try await scope.query(CallAttempt.self).filter(
                \.$workRowID ~~ Array(chunk).map(Optional.some)
            )
            .sort(\.$startedAt).all()
            for attempt in attempts { if let row = attempt.workRowID { latestAttempt[row] = attempt.id } }
        }
        let latestDial = try await lastDialed(numbers: Set(rows.map(\.dialNumber)))
        for index in rows.indices { rows[index].lastDialedAnywhereAt = latestDial[rows[index].dialNumber] }
        return Stored(
            rows: rows, cursor: record?.cursor ?? 0, autoFetchActive: record?.autoFetchActive ?? false,
            lastCallNumber: UInt64(max(0, record?.lastCallNumber ?? 0)), latestAttemptByRow: latestAttempt,
            hasPositionRecord: record != nil, callListByRow: callListByRow)
    }

    /// The customer a dial-pad number belongs to (the first registered with it).
    func customerID(dialling number: String) async throws -> UUID? {
        try await scope.query(Customer.self).filter(\.$phoneE164 == number).sort(\.$createdAt).first()?.id
    }

    /// When each number was last dialled by anyone in the tenant.
    func lastDialed(numbers: Set<String>) async throws -> [String: Date] {
        guard !numbers.isEmpty else { return [:] }
        let sql = scope.database.sql
        var latest: [String: Date] = [:]
        for chunk in Array(numbers).chunks(of: 500) {
            let rows = try await sql.select()
                .column("number").column(SQLFunction("MAX", args: SQLColumn("started_at")), as: "last")
                .from(CallAttempt.schema)
                .where("tenant_id", .equal, scope.tenantID).where("number", .in, Array(chunk))
                .groupBy("number").all()
            for row in rows {
                latest[try row.decode(column: "number", as: String.self)] = try row.decode(
                    column: "last", as: Date?.self)
            }
        }
        return latest
    }

    /// Stores ▶ (creating the agent's record the first time).
    static func save(_ position: Position, userID: UUID, in scope: TenantScope, recordExists: Bool = false) async throws
    {
        if !recordExists, try await scope.query(AgentDeskRecord.self).filter(\.$userID == userID).count() == 0 {
            try await scope.create(AgentDeskRecord(tenantID: scope.tenantID, userID: userID))
        }
        try await scope.query(AgentDeskRecord.self).filter(\.$userID == userID)
            .set(\.$cursor, to: position.cursor).set(\.$autoFetchActive, to: position.autoFetchActive)
            .set(\.$lastCallNumber, to: Int64(position.lastCallNumber)).update()
    }
}
