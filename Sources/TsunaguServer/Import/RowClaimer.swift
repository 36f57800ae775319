import FluentKit
import Foundation
import SQLKit

/// Hands waiting list rows to an agent (ダウンロード): first the rows distributed to that agent, then rows of lists
/// in the shared pool. One UPDATE statement marks them as on the agent's screen, so two agents downloading at the
/// same moment can never get the same row.
struct RowClaimer: Sendable {
    let scope: TenantScope

    /// Claims at most `limit` rows for `userID`, in list order; returns the claimed entries' ids in that order.
    func claim(for userID: UUID, limit: Int) async throws -> [UUID] {
        guard limit > 0 else { return [] }
        let sql = scope.database as! any SQLDatabase
        let tenant = scope.tenantID.uuidString
        let user = userID.uuidString
        let rows = try await sql.raw("""
            UPDATE \(ident: CallListEntry.schema) SET "state" = \(bind: CallListEntry.State.onScreen.rawValue), "assigned_user_id" = \(bind: user)
            WHERE "id" IN (
                SELECT e."id" \(claimable(tenant: tenant, user: user))
                ORDER BY CASE WHEN e."assigned_user_id" IS NULL THEN 1 ELSE 0 END, l."created_at", e."position"
                LIMIT \(bind: limit))
              AND "state" = \(bind: CallListEntry.State.waiting.rawValue)
            RETURNING "id", "position", "call_list_id"
            """).all()
        // RETURNING gives no order: put the rows back in list order.
        let claimed = try rows.map { row in
            (id: try row.decode(column: "id", as: UUID.self), list: try row.decode(column: "call_list_id", as: UUID.self),
             position: try row.decode(column: "position", as: Int.self))
        }
        return claimed.sorted { ($0.list.uuidString, $0.position) < ($1.list.uuidString, $1.position) }.map(\.id)
    }

    /// Whether rows are still waiting for `userID` (after a claim: whether ダウンロード could fetch more).
    func hasWaiting(for userID: UUID) async throws -> Bool {
        let sql = scope.database as! any SQLDatabase
        let row = try await sql.raw("""
            SELECT COUNT(*) AS "waiting" FROM (SELECT e."id" \(claimable(tenant: scope.tenantID.uuidString, user: userID.uuidString)) LIMIT 1) AS w
            """).first()
        return try (row?.decode(column: "waiting", as: Int.self) ?? 0) > 0
    }

    /// The entries `user` may download: handed to them, or in a shared pool; never a deleted customer.
    private func claimable(tenant: String, user: String) -> SQLQueryString {
        """
        FROM \(ident: CallListEntry.schema) e JOIN \(ident: CallList.schema) l ON l."id" = e."call_list_id"
            JOIN \(ident: Customer.schema) c ON c."id" = e."customer_id"
        WHERE e."tenant_id" = \(bind: tenant) AND l."tenant_id" = \(bind: tenant) AND c."tenant_id" = \(bind: tenant)
          AND c."deleted_at" IS NULL
          AND e."state" = \(bind: CallListEntry.State.waiting.rawValue)
          AND (e."assigned_user_id" = \(bind: user)
               OR (e."assigned_user_id" IS NULL AND l."distribution" = \(bind: CallList.Distribution.sharedPool.rawValue)))
        """
    }

    /// Rows that left an agent's screen uncalled go back to where they came from: the pool, or the same agent.
    func release(_ entryIDs: [UUID]) async throws {
        guard !entryIDs.isEmpty else { return }
        let poolLists = try await scope.query(CallList.self).filter(\.$distribution == .sharedPool).all().compactMap(\.id)
        for chunk in entryIDs.chunks(of: 500) {
            try await scope.query(CallListEntry.self).filter(\.$id ~~ Array(chunk)).filter(\.$state == .onScreen)
                .filter(\.$callListID ~~ poolLists).set(\.$state, to: .waiting).set(\.$assignedUserID, to: nil).update()
            try await scope.query(CallListEntry.self).filter(\.$id ~~ Array(chunk)).filter(\.$state == .onScreen)
                .set(\.$state, to: .waiting).update()
        }
    }
}
