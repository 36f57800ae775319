import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// ダウンロード on the server: claims waiting rows for the agent and puts them on the screen after the rows already
/// there, in one transaction, so a row is never half-claimed.
struct DeskRowFetcher: Sendable {
    let scope: TenantScope
    let userID: UUID

    struct Fetched: Sendable {
        var rows: [AgentDeskRow]
        var moreAvailable: Bool
        /// The call list each new row came from.
        var callListByRow: [UUID: UUID] = [:]
    }

    func fetch(limit: Int) async throws -> Fetched {
        let userID = userID
        return try await scope.transaction { scope in
            let claimer = RowClaimer(scope: scope)
            let entryIDs = try await claimer.claim(for: userID, limit: limit)
            let moreAvailable = try await claimer.hasWaiting(for: userID)
            guard !entryIDs.isEmpty else { return Fetched(rows: [], moreAvailable: moreAvailable) }
            var entries: [UUID: CallListEntry] = [:]
            var customers: [UUID: Customer] = [:]
            var earlier: [UUID: CallAttempt] = [:]
            for chunk in entryIDs.chunks(of: 500) {
                for entry in try await scope.query(CallListEntry.self).filter(\.$id ~~ Array(chunk)).all() {
                    entries[entry.id!] = entry
                }
            }
            let customerIDs = Array(Set(entries.values.map(\.customerID)))
            for chunk in customerIDs.chunks(of: 500) {
                for customer in try await scope.query(Customer.self).filter(\.$id ~~ Array(chunk)).all() {
                    customers[customer.id!] = customer
                }
                let attempts = try await scope.query(CallAttempt.self).filter(
                    \.$customerID ~~ Array(chunk).map(Optional.some)
                )
                .filter(\.$result != nil).sort(\.$startedAt).all()
                for attempt in attempts { if let customer = attempt.customerID { earlier[customer] = attempt } }
            }
            let lastPosition =
                try await scope.query(AgentWorkRow.self).filter(\.$userID == userID).max(\.$position) ?? -1
            var rows: [(entryID: UUID, row: AgentDeskRow)] = []
            for entryID in entryIDs {
                guard let entry = entries[entryID], let customer = customers[entry.customerID] else { continue }
                // Rows arrive with their earlier result shown; the next call overwrites it.
                let previous = earlier[entry.customerID]
                rows.append(
                    (
                        entryID,
                        AgentDeskRow(
                            id: UUID(), customerID: customer.id, company: customer.company,
                            contactName: customer.contactName,
                            phone: customer.phone, dialNumber: customer.phoneE164, done: false,
                            result: previous?.result,
                            prospect: customer.finalStatus == .prospect, callback: customer.finalStatus == .callback,
                            memo: previous?.memo ?? "", calledAt: previous?.startedAt,
                            lastDialedAnywhereAt: previous?.startedAt)
                    ))
            }
            try await insert(rows, after: lastPosition, userID: userID, scope: scope)
            var callListByRow: [UUID: UUID] = [:]
            for (entryID, row) in rows { callListByRow[row.id] = entries[entryID]?.callListID }
            return Fetched(rows: rows.map(\.row), moreAvailable: moreAvailable, callListByRow: callListByRow)
        }
    }

    /// One INSERT per 200 rows: a 500-row download is a handful of statements, not 500.
    private func insert(
        _ rows: [(entryID: UUID, row: AgentDeskRow)], after lastPosition: Int, userID: UUID, scope: TenantScope
    ) async throws {
        let now = Date()
        for (chunkIndex, chunk) in rows.chunks(of: 200).enumerated() {
            var insert = scope.sql.insert(into: AgentWorkRow.schema).columns(
                "id", "tenant_id", "user_id", "entry_id", "customer_id", "position", "company", "contact_name", "phone",
                "dial_number", "done", "result", "prospect", "callback", "memo", "called_at", "updated_at")
            for (offset, item) in chunk.enumerated() {
                let row = item.row
                insert = insert.values(
                    SQLBind(row.id.uuidString), SQLBind(scope.tenantID.uuidString), SQLBind(userID.uuidString),
                    SQLBind(item.entryID.uuidString), SQLBind((row.customerID ?? UUID()).uuidString),
                    SQLBind(lastPosition + 1 + chunkIndex * 200 + offset), SQLBind(row.company),
                    SQLBind(row.contactName),
                    SQLBind(row.phone), SQLBind(row.dialNumber), SQLBind(row.done), SQLBind(row.result?.storageValue),
                    SQLBind(row.prospect), SQLBind(row.callback), SQLBind(row.memo), SQLBind(row.calledAt), SQLBind(now)
                )
            }
            try await insert.run()
        }
    }

    /// Rows the desk could not take go back where they came from.
    func giveBack(rows: [UUID]) async throws {
        let userID = userID
        try await scope.transaction { scope in
            let workRows = try await scope.query(AgentWorkRow.self).filter(\.$userID == userID).filter(\.$id ~~ rows)
                .all()
            try await RowClaimer(scope: scope).release(workRows.map(\.entryID))
            try await scope.query(AgentWorkRow.self).filter(\.$userID == userID).filter(\.$id ~~ rows).delete()
        }
    }
}
