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

    /// Claims at most `limit` rows and puts them on the screen. Every read is bounded by the rows claimed: the
    /// claim walks the lists in order on their claim index (`RowClaimer`), and each row's earlier result is its
    /// customer's latest ended attempt, one seek per customer, however many calls the customer had.
    func fetch(limit: Int) async throws -> Fetched {
        let userID = userID
        return try await scope.transaction { scope in
            let claim = try await RowClaimer(scope: scope).claimRows(for: userID, limit: limit)
            guard !claim.entries.isEmpty else { return Fetched(rows: [], moreAvailable: claim.moreAvailable) }
            var customers: [UUID: Self.CustomerRow] = [:]
            for chunk in Array(Set(claim.entries.map(\.customerID))).chunks(of: 500) {
                for customer in try await Self.customerRows(Array(chunk), scope: scope) {
                    customers[customer.id] = customer
                }
            }
            let lastPosition =
                try await scope.query(AgentWorkRow.self).filter(\.$userID == userID).max(\.$position) ?? -1
            var rows: [(entryID: UUID, row: AgentDeskRow)] = []
            var callListByRow: [UUID: UUID] = [:]
            for entry in claim.entries {
                guard let customer = customers[entry.customerID] else { continue }
                // Rows arrive with their earlier result shown; the next call overwrites it.
                let row = AgentDeskRow(
                    id: UUID(), customerID: customer.id, company: customer.company,
                    contactName: customer.contactName,
                    phone: customer.phone, dialNumber: customer.dialNumber, done: false,
                    result: customer.previousResult,
                    prospect: customer.finalStatus == .prospect, callback: customer.finalStatus == .callback,
                    memo: customer.previousMemo ?? "", calledAt: customer.previousStartedAt,
                    lastDialedAnywhereAt: customer.previousStartedAt)
                rows.append((entry.id, row))
                callListByRow[row.id] = entry.callListID
            }
            try await insert(rows, after: lastPosition, userID: userID, scope: scope)
            return Fetched(rows: rows.map(\.row), moreAvailable: claim.moreAvailable, callListByRow: callListByRow)
        }
    }

    /// What a new row shows of its customer, and the customer's latest attempt that has a result.
    private struct CustomerRow: Sendable {
        var id: UUID
        var company: String
        var contactName: String
        var phone: String
        var dialNumber: String
        var finalStatus: FinalStatus
        var previousResult: CallResult?
        var previousMemo: String?
        var previousStartedAt: Date?
    }

    /// The customers and each one's latest attempt with a result, in one statement: one seek per customer on
    /// `call_attempts_customer_started` (`AddClaimIndexes`), never every attempt the customer ever had.
    private static func customerRows(_ ids: [UUID], scope: TenantScope) async throws -> [CustomerRow] {
        let rows = try await scope.sql.raw(
            """
            SELECT c."id", c."company", c."contact_name", c."phone", c."phone_e164", c."final_status",
                a."result", a."memo", a."started_at"
            FROM \(ident: Customer.schema) c LEFT JOIN \(ident: CallAttempt.schema) a ON a."id" = (
                SELECT b."id" FROM \(ident: CallAttempt.schema) b
                WHERE b."customer_id" = c."id" AND b."tenant_id" = c."tenant_id" AND b."result" IS NOT NULL
                ORDER BY b."started_at" DESC, b."id" DESC LIMIT 1)
            WHERE c."tenant_id" = \(uuid: scope.tenantID) AND c."id" IN (\(uuids: ids))
            """
        ).all()
        return try rows.map { row in
            CustomerRow(
                id: try row.decode(column: "id", as: UUID.self),
                company: try row.decode(column: "company", as: String.self),
                contactName: try row.decode(column: "contact_name", as: String.self),
                phone: try row.decode(column: "phone", as: String.self),
                dialNumber: try row.decode(column: "phone_e164", as: String.self),
                finalStatus: try row.decode(column: "final_status", as: FinalStatus.self),
                previousResult: try row.decode(column: "result", as: CallResult?.self),
                previousMemo: try row.decode(column: "memo", as: String?.self),
                previousStartedAt: try row.decode(column: "started_at", as: Date?.self))
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
                    SQLUUIDBind(row.id), SQLUUIDBind(scope.tenantID), SQLUUIDBind(userID),
                    SQLUUIDBind(item.entryID), SQLUUIDBind((row.customerID ?? UUID())),
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
