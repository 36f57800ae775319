import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// After an instance stopped (a crash, kill -9, a lost machine): the agents it served had their screens closed by
/// the stop, though their latest stored state is not オフライン. Each gets an オフライン fact dated at the last thing
/// known of them (their latest state change or call event), so reports do not count the time the instance was down
/// as signed-in time. Only agents no live instance serves are touched.
enum AgentsLeftSignedIn {
    /// Signs out the agents whose session no live instance holds: their lease names one of `deadInstances`, or, with
    /// `includingUnowned`, no instance at all. Each agent is settled in a transaction of its own that first locks the agent's lease and
    /// checks it again, so an instance taking the agent at that moment is never signed out; a lease of a dead
    /// instance is cleared in the same transaction. Returns how many agents were signed out.
    static func signOut(
        on database: any Database, leftBy deadInstances: Set<UUID>, includingUnowned: Bool, at now: Date
    ) async throws -> Int {
        struct Candidate: Decodable {
            var tenant_id: UUID
            var user_id: UUID
            var state: String
            var lease_owner: UUID?
        }
        let candidates = try await database.sql.raw(
            """
            SELECT s."tenant_id", s."user_id", s."state", d."lease_owner" FROM \(ident: User.schema) u \
            JOIN \(LatestStateFact.joinedToUsers) \
            LEFT JOIN \(ident: AgentDeskRecord.schema) d ON d."user_id" = u."id"
            """
        ).all(decoding: Candidate.self).filter { candidate in
            candidate.state != AgentState.offline.code
                && candidate.lease_owner.map { deadInstances.contains($0) } ?? includingUnowned
        }
        var signedOut = 0
        for candidate in candidates {
            let done = try await database.writeTransaction { transaction in
                let scope = TenantScope(tenantID: candidate.tenant_id, database: transaction)
                struct Lease: Decodable { var lease_owner: UUID? }
                let lease = try await transaction.sql.raw(
                    """
                    SELECT \(ident: "lease_owner") FROM \(ident: AgentDeskRecord.schema) \
                    WHERE \(ident: "tenant_id") = \(uuid: candidate.tenant_id) \
                    AND \(ident: "user_id") = \(uuid: candidate.user_id)\(SQLLockRowsForUpdate())
                    """
                ).first(decoding: Lease.self)
                if let owner = lease?.lease_owner {
                    guard deadInstances.contains(owner) else { return false }
                    try await transaction.sql.raw(
                        """
                        UPDATE \(ident: AgentDeskRecord.schema) SET \(ident: "lease_owner") = NULL, \
                        \(ident: "lease_until") = NULL WHERE \(ident: "tenant_id") = \(uuid: candidate.tenant_id) \
                        AND \(ident: "user_id") = \(uuid: candidate.user_id) AND \(ident: "lease_owner") = \(uuid: owner)
                        """
                    ).run()
                } else if !includingUnowned {
                    return false
                }
                return try await signOut(agent: candidate.user_id, in: scope, at: now)
            }
            if done { signedOut += 1 }
        }
        return signedOut
    }

    /// Inside the caller's transaction: gives the agent an オフライン fact at the last thing known of them, unless
    /// their latest state is オフライン already. True when it did.
    static func signOut(agent userID: UUID, in scope: TenantScope, at now: Date) async throws -> Bool {
        struct Latest: Decodable {
            var state: String
            var reason: String?
            var at: Date
        }
        let sql = scope.database.sql
        let latest = try await sql.raw(
            """
            SELECT "state", "reason", "at" FROM "agent_state_changes" WHERE "tenant_id" = \(uuid: scope.tenantID) \
            AND "user_id" = \(uuid: userID) ORDER BY "at" DESC LIMIT 1
            """
        ).first(decoding: Latest.self)
        guard let latest, latest.state != AgentState.offline.code else { return false }
        struct Activity: Decodable {
            var started: Date?
            var answered: Date?
            var ended: Date?
        }
        struct LatestList: Decodable {
            var call_list_id: UUID?
        }
        let activity = try await sql.raw(
            """
            SELECT MAX("started_at") AS "started", MAX("answered_at") AS "answered", MAX("ended_at") AS "ended" \
            FROM \(ident: CallAttempt.schema) WHERE "tenant_id" = \(uuid: scope.tenantID) \
            AND "user_id" = \(uuid: userID) AND "started_at" >= \(bind: latest.at)
            """
        ).first(decoding: Activity.self)
        let last = [latest.at, activity?.started, activity?.answered, activity?.ended].compactMap { $0 }.max()!
        // Strictly after the latest fact, so it is the latest.
        let offlineAt = min(now, max(last, latest.at.addingTimeInterval(0.001)))
        let list = try await sql.raw(
            """
            SELECT "call_list_id" FROM \(ident: CallAttempt.schema) WHERE "tenant_id" = \(uuid: scope.tenantID) \
            AND "user_id" = \(uuid: userID) ORDER BY "started_at" DESC LIMIT 1
            """
        ).first(decoding: LatestList.self)
        let tenant = try await Tenant.find(scope.tenantID, on: scope.database)
        let zone = TenantCalendar(identifier: tenant?.settings.timeZoneIdentifier ?? "Asia/Tokyo").timeZone
        try await scope.insertRows(
            into: "agent_state_changes", columns: ["id", "user_id", "state", "reason", "at"],
            rows: [[UUID(), userID, AgentState.offline.code, String?.none, offlineAt] as [TenantScope.Value]])
        // The state it ends counts toward the reports up to then.
        if let state = AgentState(code: latest.state, reason: latest.reason) {
            try await ReportRollups(scope: scope).add(
                intervals: [
                    ReportRollups.Interval(
                        userID: userID, state: state, from: latest.at, to: offlineAt, listID: list?.call_list_id)
                ], zone: zone)
        }
        return true
    }
}
