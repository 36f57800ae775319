import FluentKit
import Foundation
import SQLKit
import TsunaguCore

extension ReportRollups {
    /// Fills the roll-ups of every tenant from the facts (the migration that creates them; a repair).
    package static func rebuildAll(on database: any Database) async throws {
        for tenant in try await Tenant.query(on: database).all() {
            let scope = TenantScope(tenantID: try tenant.requireID(), database: database)
            try await ReportRollups(scope: scope).rebuild(
                zone: TenantCalendar(identifier: tenant.settings.timeZoneIdentifier).timeZone)
        }
    }

    /// Empties this tenant's roll-ups and sums its facts again.
    func rebuild(zone: TimeZone) async throws {
        try await scope.sql.raw("DELETE FROM \(ident: Self.callTable) WHERE \"tenant_id\" = \(bind: scope.tenantID)")
            .run()
        try await scope.sql.raw("DELETE FROM \(ident: Self.stateTable) WHERE \"tenant_id\" = \(bind: scope.tenantID)")
            .run()
        var after: Date?
        while true {
            // A page of calls at a time, in order of their start.
            let since: SQLQueryString = after.map { " AND \"started_at\" > \(bind: $0)" } ?? ""
            let page = try await scope.sql.raw(
                """
                SELECT "tenant_id", "id", "user_id", "call_list_id", "started_at", "answered_at", "ended_at", "result", \
                "prospect", "callback" FROM \(ident: CallAttempt.schema) WHERE "tenant_id" = \(bind: scope.tenantID)\(since) \
                ORDER BY "started_at" LIMIT 10000
                """
            ).all(decoding: AttemptFacts.self)
            guard let last = page.last else { break }
            // Calls sharing the page's last start time are all in this page or all in the next.
            let whole = page.count < 10_000 ? page : page.filter { $0.started_at < last.started_at }
            guard !whole.isEmpty else {
                throw ReportRollupsError.tooManyCallsAtOneInstant
            }
            try await addDifference(before: [], after: whole, zone: zone)
            after = whole.last!.started_at
            if page.count < 10_000 { break }
        }
        struct Fact: Decodable {
            var user_id: UUID
            var state: String
            var reason: String?
            var at: Date
        }
        let facts = try await scope.sql.raw(
            """
            SELECT "user_id", "state", "reason", "at" FROM "agent_state_changes" \
            WHERE "tenant_id" = \(bind: scope.tenantID) ORDER BY "user_id", "at"
            """
        ).all(decoding: Fact.self)
        var intervals: [Interval] = []
        for (current, next) in zip(facts, facts.dropFirst()) where current.user_id == next.user_id {
            guard let state = AgentState(code: current.state, reason: current.reason) else { continue }
            intervals.append(Interval(userID: current.user_id, state: state, from: current.at, to: next.at))
        }
        try await attributeWrapUps(&intervals)
        for chunk in intervals.chunks(of: 5_000) { try await add(intervals: Array(chunk), zone: zone) }
    }

    /// Gives each 後処理 the list of the call it follows, as the phone screen does when it stores the fact: the
    /// agent's latest answered call placed before the 後処理 began. One agent's calls are read at a time.
    private func attributeWrapUps(_ intervals: inout [Interval]) async throws {
        var wrapUpsByUser: [UUID: [Int]] = [:]
        for index in intervals.indices where intervals[index].state == .wrapUp {
            wrapUpsByUser[intervals[index].userID, default: []].append(index)
        }
        for (user, wrapUps) in wrapUpsByUser {
            struct Call: Decodable {
                var started_at: Date
                var call_list_id: UUID?
            }
            let calls = try await scope.sql.raw(
                """
                SELECT "started_at", "call_list_id" FROM \(ident: CallAttempt.schema) \
                WHERE "tenant_id" = \(bind: scope.tenantID) AND "user_id" = \(bind: user) AND "result" = 'answered' \
                ORDER BY "started_at"
                """
            ).all(decoding: Call.self)
            for index in wrapUps {
                // The last call placed at or before the 後処理's start (binary search: calls are in order).
                var low = 0
                var high = calls.count
                while low < high {
                    let middle = (low + high) / 2
                    if calls[middle].started_at <= intervals[index].from { low = middle + 1 } else { high = middle }
                }
                intervals[index].listID = low > 0 ? calls[low - 1].call_list_id : nil
            }
        }
    }
}

enum ReportRollupsError: Error {
    case tooManyCallsAtOneInstant
}
