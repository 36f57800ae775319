import FluentKit
import Foundation
import SQLKit

/// Hands waiting list rows to an agent (ダウンロード): first the rows distributed to that agent, then rows of lists
/// in the shared pool.
struct RowClaimer: Sendable {
    let scope: TenantScope

    /// Claims at most `limit` rows for `userID`, in list order; returns the claimed entries' ids in that order.
    func claim(for userID: UUID, limit: Int) async throws -> [UUID] {
        guard limit > 0 else { return [] }
        let own = try await claim(for: userID, limit: limit, from: .own)
        let pool = own.count < limit ? try await claim(for: userID, limit: limit - own.count, from: .pool) : []
        return own + pool
    }

    /// Whether rows are still waiting for `userID` (after a claim: whether ダウンロード could fetch more).
    func hasWaiting(for userID: UUID) async throws -> Bool {
        for source in [Source.own, .pool] {
            let row = try await scope.sql.raw(
                """
                SELECT COUNT(*) AS "waiting" FROM (SELECT e."id" \(claimable(user: userID.uuidString, from: source)) LIMIT 1) AS w
                """
            ).first()
            if try (row?.decode(column: "waiting", as: Int.self) ?? 0) > 0 { return true }
        }
        return false
    }

    /// The agent's own rows come first, then the shared pool's. Each is one UPDATE statement, so two agents
    /// downloading at the same moment never get the same row.
    private enum Source {
        case own
        case pool
    }

    private func claim(for userID: UUID, limit: Int, from source: Source) async throws -> [UUID] {
        let user = userID.uuidString
        let rows = try await scope.sql.raw(
            """
            UPDATE \(ident: CallListEntry.schema) SET "state" = \(bind: CallListEntry.State.onScreen.rawValue), "assigned_user_id" = \(bind: user)
            WHERE "id" IN (
                SELECT e."id" \(claimable(user: user, from: source))
                ORDER BY l."created_at", e."position"
                LIMIT \(bind: limit))
              AND "state" = \(bind: CallListEntry.State.waiting.rawValue)
            RETURNING "id", "position", "call_list_id"
            """
        ).all()
        guard !rows.isEmpty else { return [] }
        // RETURNING gives no order: put the rows back in list order.
        let claimed = try rows.map { row in
            (
                id: try row.decode(column: "id", as: UUID.self),
                list: try row.decode(column: "call_list_id", as: UUID.self),
                position: try row.decode(column: "position", as: Int.self)
            )
        }
        let lists = try await scope.query(CallList.self).filter(\.$id ~~ Array(Set(claimed.map(\.list)))).sort(
            \.$createdAt
        ).all()
        let listOrder = Dictionary(
            uniqueKeysWithValues: lists.enumerated().compactMap { index, list in list.id.map { ($0, index) } })
        return claimed.sorted { (listOrder[$0.list] ?? 0, $0.position) < (listOrder[$1.list] ?? 0, $1.position) }.map(
            \.id)
    }

    /// The entries `user` may download from one source; never a deleted customer, and never a customer or number
    /// barred from dialling (a barred row stays waiting, untouched, and is handed out again if the bar is lifted).
    /// Each source's condition is an equality on the entries' (tenant, state, holder, position) index, so a claim
    /// reads only what it takes.
    private func claimable(user: String, from source: Source) -> SQLQueryString {
        let tenant = scope.tenantID.uuidString
        let holder: SQLQueryString =
            switch source {
            case .own: "e.\"assigned_user_id\" = \(bind: user)"
            case .pool:
                "e.\"assigned_user_id\" IS NULL AND l.\"distribution\" = \(bind: CallList.Distribution.sharedPool.rawValue)"
            }
        return """
            FROM \(ident: CallListEntry.schema) e JOIN \(ident: CallList.schema) l ON l."id" = e."call_list_id"
                JOIN \(ident: Customer.schema) c ON c."id" = e."customer_id"
            WHERE e."tenant_id" = \(bind: tenant) AND l."tenant_id" = \(bind: tenant) AND c."tenant_id" = \(bind: tenant)
              AND c."deleted_at" IS NULL
              AND \(DialBarStore.notBarred(customer: "c", tenantID: scope.tenantID))
              AND e."state" = \(bind: CallListEntry.State.waiting.rawValue)
              AND \(holder)
            """
    }

    /// Rows that left an agent's screen uncalled go back to where they came from: the pool, or the same agent.
    func release(_ entryIDs: [UUID]) async throws {
        guard !entryIDs.isEmpty else { return }
        let poolLists = try await scope.query(CallList.self).filter(\.$distribution == .sharedPool).all().compactMap(
            \.id)
        for chunk in entryIDs.chunks(of: 500) {
            try await scope.query(CallListEntry.self).filter(\.$id ~~ Array(chunk)).filter(\.$state == .onScreen)
                .filter(\.$callListID ~~ poolLists).set(\.$state, to: .waiting).set(\.$assignedUserID, to: nil).update()
            try await scope.query(CallListEntry.self).filter(\.$id ~~ Array(chunk)).filter(\.$state == .onScreen)
                .set(\.$state, to: .waiting).update()
        }
    }
}
