import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// After a crash: agents whose latest stored state is not オフライン had their screens closed by the stop. Each gets
/// an オフライン fact dated at the last thing known of them (their latest state change or call event), so reports do
/// not count the time the server was down as signed-in time. Run at startup, before any screen can open.
/// (With several instances this must only touch the agents of the instance that stopped; issue 24.)
enum AgentsLeftSignedIn {
    static func signOut(on database: any Database, at now: Date) async throws -> Int {
        struct Latest: Decodable {
            var tenant_id: UUID
            var user_id: UUID
            var state: String
            var reason: String?
            var at: Date
        }
        let sql = database.sql
        let latest = try await sql.raw(
            """
            SELECT s."tenant_id", s."user_id", s."state", s."reason", s."at" FROM \(ident: User.schema) u \
            JOIN \(LatestStateFact.joinedToUsers)
            """
        ).all(decoding: Latest.self).filter { $0.state != AgentState.offline.code }
        for agent in latest {
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
                FROM \(ident: CallAttempt.schema) WHERE "tenant_id" = \(bind: agent.tenant_id) \
                AND "user_id" = \(bind: agent.user_id) AND "started_at" >= \(bind: agent.at)
                """
            ).first(decoding: Activity.self)
            let last = [agent.at, activity?.started, activity?.answered, activity?.ended].compactMap { $0 }.max()!
            // Strictly after the latest fact, so it is the latest.
            let offlineAt = min(now, max(last, agent.at.addingTimeInterval(0.001)))
            let list = try await sql.raw(
                """
                SELECT "call_list_id" FROM \(ident: CallAttempt.schema) WHERE "tenant_id" = \(bind: agent.tenant_id) \
                AND "user_id" = \(bind: agent.user_id) ORDER BY "started_at" DESC LIMIT 1
                """
            ).first(decoding: LatestList.self)
            let tenant = try await Tenant.find(agent.tenant_id, on: database)
            let zone = TenantCalendar(identifier: tenant?.settings.timeZoneIdentifier ?? "Asia/Tokyo").timeZone
            try await database.transaction { transaction in
                let scope = TenantScope(tenantID: agent.tenant_id, database: transaction)
                try await scope.insertRows(
                    into: "agent_state_changes", columns: ["id", "user_id", "state", "reason", "at"],
                    rows: [
                        [UUID(), agent.user_id, AgentState.offline.code, String?.none, offlineAt] as [TenantScope.Value]
                    ])
                // The state it ends counts toward the reports up to then.
                if let state = AgentState(code: agent.state, reason: agent.reason) {
                    try await ReportRollups(scope: scope).add(
                        intervals: [
                            ReportRollups.Interval(
                                userID: agent.user_id, state: state, from: agent.at, to: offlineAt,
                                listID: list?.call_list_id)
                        ], zone: zone)
                }
            }
        }
        return latest.count
    }
}
