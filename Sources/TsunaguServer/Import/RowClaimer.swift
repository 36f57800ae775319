import FluentKit
import Foundation
import SQLKit

/// Hands waiting list rows to an agent (ダウンロード): first the rows distributed to that agent, then rows of lists
/// in the shared pool; within each, list by list in the order the lists were made, each list in its own order.
///
/// A download reads what it takes and not the tenant: it walks the lists that still have a waiting row for the agent
/// (one seek per list), and in each list reads the entries in order on `call_list_entries_claim`, a partial index
/// holding only the rows a download may take (`AddClaimIndexes`), stopping once it has enough. Barred rows stay
/// waiting in that index and are stepped over; rows at their retry limit (上限到達) leave it.
struct RowClaimer: Sendable {
    let scope: TenantScope

    /// One claimed list row.
    struct Claimed: Sendable, Equatable {
        var id: UUID
        var callListID: UUID
        var customerID: UUID
        var position: Int
    }

    /// What one download took, and whether another could take more.
    struct Claim: Sendable {
        var entries: [Claimed]
        var moreAvailable: Bool
    }

    /// The condition of `call_list_entries_claim`, written as literals: SQLite uses a partial index only for a
    /// statement that repeats its condition, and a bound value does not.
    static func waiting(_ alias: String? = nil) -> SQLQueryString {
        let prefix = alias.map { "\($0)." } ?? ""
        let waiting = CallListEntry.State.waiting.rawValue
        return
            "\(unsafeRaw: prefix)\"state\" = '\(unsafeRaw: waiting)' AND \(unsafeRaw: prefix)\"limit_reached\" = FALSE"
    }

    /// Claims at most `limit` rows for `userID`, in list order; returns the claimed entries' ids in that order.
    func claim(for userID: UUID, limit: Int) async throws -> [UUID] {
        try await claimRows(for: userID, limit: limit).entries.map(\.id)
    }

    /// Claims at most `limit` rows for `userID`, in list order, and tells whether rows are still waiting for them.
    func claimRows(for userID: UUID, limit: Int) async throws -> Claim {
        var claimed: [Claimed] = []
        for source in [Source.own, .pool] {
            for list in try await listsWithWaitingRows(for: userID, from: source) {
                // A list is asked again while it gives rows: on PostgreSQL a claim steps over rows another download
                // holds at that moment, so one claim can come back short while rows are still waiting.
                // SQLite skips nothing, so there a short claim means the list is dry and is not asked again.
                while claimed.count < limit {
                    let asked = limit - claimed.count
                    let taken = try await claim(from: list, for: userID, source: source, limit: asked)
                    claimed += taken
                    if taken.isEmpty || (taken.count < asked && scope.database.sqlite != nil) { break }
                }
                if claimed.count >= limit, try await hasClaimable(in: list, for: userID, source: source) {
                    return Claim(entries: claimed, moreAvailable: true)
                }
            }
        }
        return Claim(entries: claimed, moreAvailable: false)
    }

    /// Whether rows are still waiting for `userID` (after a claim: whether ダウンロード could fetch more).
    func hasWaiting(for userID: UUID) async throws -> Bool {
        for source in [Source.own, .pool] {
            for list in try await listsWithWaitingRows(for: userID, from: source)
            where try await hasClaimable(in: list, for: userID, source: source) {
                return true
            }
        }
        return false
    }

    /// The agent's own rows come first, then the shared pool's. Each claim is one UPDATE statement, so two agents
    /// downloading at the same moment never get the same row (on PostgreSQL its subquery also locks the rows it picks,
    /// skipping those another claim holds: `SQLSkipLockedRows`).
    private enum Source {
        case own
        case pool
    }

    /// The lists, in the order they were made, that have a row waiting for `userID` in this source (barred or not):
    /// one seek on `call_list_entries_claim` per list of the tenant.
    private func listsWithWaitingRows(for userID: UUID, from source: Source) async throws -> [UUID] {
        let pool: SQLQueryString =
            switch source {
            case .own: ""
            case .pool: "AND l.\"distribution\" = \(bind: CallList.Distribution.sharedPool.rawValue)"
            }
        let rows = try await scope.sql.raw(
            """
            SELECT l."id" FROM \(ident: CallList.schema) l WHERE l."tenant_id" = \(uuid: scope.tenantID) \(pool)
              AND EXISTS (SELECT 1 FROM \(ident: CallListEntry.schema) e WHERE e."call_list_id" = l."id"
                AND \(Self.waiting("e")) AND \(holder(userID, source)))
            ORDER BY l."created_at", l."id"
            """
        ).all()
        return try rows.map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// Claims at most `limit` rows of one list, in the list's order. The rows are picked once, in a materialised
    /// CTE: PostgreSQL may run an `IN (subquery … FOR UPDATE SKIP LOCKED)` more than once for one UPDATE and then
    /// takes more rows than the limit.
    private func claim(from list: UUID, for userID: UUID, source: Source, limit: Int) async throws -> [Claimed] {
        let user = userID
        let rows = try await scope.sql.raw(
            """
            WITH "picked" AS MATERIALIZED (
                SELECT e."id" \(claimable(in: list, user: user, from: source))
                ORDER BY e."position"
                LIMIT \(bind: limit)\(SQLSkipLockedRows(alias: "e")))
            UPDATE \(ident: CallListEntry.schema) SET "state" = \(bind: CallListEntry.State.onScreen.rawValue), "assigned_user_id" = \(uuid: user)
            WHERE "id" IN (SELECT "id" FROM "picked") AND \(Self.waiting())
            RETURNING "id", "position", "call_list_id", "customer_id"
            """
        ).all()
        // RETURNING gives no order: put the rows back in the list's order.
        return try rows.map { row in
            Claimed(
                id: try row.decode(column: "id", as: UUID.self),
                callListID: try row.decode(column: "call_list_id", as: UUID.self),
                customerID: try row.decode(column: "customer_id", as: UUID.self),
                position: try row.decode(column: "position", as: Int.self))
        }.sorted { $0.position < $1.position }
    }

    /// Whether one list still has a row `userID` could download.
    private func hasClaimable(in list: UUID, for userID: UUID, source: Source) async throws -> Bool {
        try await scope.sql.raw(
            """
            SELECT e."id" \(claimable(in: list, user: userID, from: source)) LIMIT 1
            """
        ).first() != nil
    }

    private func holder(_ user: UUID, _ source: Source) -> SQLQueryString {
        switch source {
        case .own: "e.\"assigned_user_id\" = \(uuid: user)"
        case .pool: "e.\"assigned_user_id\" IS NULL"
        }
    }

    /// The entries of one list `user` may download from one source; never a deleted customer, and never a customer
    /// or number barred from dialling (a barred row stays waiting, untouched, and is handed out again if the bar is
    /// lifted), nor a row at its retry limit (上限到達). Read in the list's order on `call_list_entries_claim`.
    private func claimable(in list: UUID, user: UUID, from source: Source) -> SQLQueryString {
        let tenant = scope.tenantID
        return """
            FROM \(ident: CallListEntry.schema) e JOIN \(ident: Customer.schema) c ON c."id" = e."customer_id"
            WHERE e."call_list_id" = \(uuid: list) AND e."tenant_id" = \(uuid: tenant)
              AND \(Self.waiting("e")) AND \(holder(user, source))
              AND c."tenant_id" = \(uuid: tenant) AND c."deleted_at" IS NULL
              AND \(DialBarStore.notBarred(customer: "c", tenantID: scope.tenantID))
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
