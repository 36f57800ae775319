import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// Keeps the report roll-ups equal to the facts: every write of call attempts or state facts adds its difference
/// here in the same transaction. A call counts in the hour it was placed (as 通話一覧 dates it); time in a state is
/// split over the hours it covers. No list is stored as the nil UUID, so that it takes part in the unique key.
package struct ReportRollups {
    static let callTable = "call_figures_hourly"
    static let stateTable = "agent_state_seconds_hourly"
    /// Stands for "no list" (and "no user") in the roll-ups' keys.
    static let none = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    let scope: TenantScope

    struct CallKey: Hashable {
        var userID: UUID
        var listID: UUID
        var bucket: HourBucket
    }

    struct StateKey: Hashable {
        var userID: UUID
        var listID: UUID
        var bucket: HourBucket
        var state: String
        var reason: String
    }

    /// A call attempt as far as the figures go.
    struct AttemptFacts: Decodable {
        var tenant_id: UUID
        var id: UUID
        var user_id: UUID?
        var call_list_id: UUID?
        var started_at: Date
        var answered_at: Date?
        var ended_at: Date?
        var result: String?
        var prospect: Bool
        var callback: Bool

        var figures: CallFigures {
            CallFigures(
                CallFigures.Attempt(
                    answered: result == "answered", answeredAt: answered_at, endedAt: ended_at, prospect: prospect,
                    callback: callback))
        }

        func key(in zone: TimeZone) -> CallKey {
            CallKey(
                userID: user_id ?? ReportRollups.none, listID: call_list_id ?? ReportRollups.none,
                bucket: HourBucket.of(started_at, in: zone))
        }
    }

    /// These attempts as they are now, of this tenant only.
    ///
    /// Read by primary key alone, the tenant checked on each row here: with `"tenant_id" = ?` in the statement,
    /// SQLite without planner statistics (a young database) walks the tenant's index over every call it ever had,
    /// which made each phone-screen commit batch slower as the day went on.
    func attempts(_ ids: [UUID]) async throws -> [AttemptFacts] {
        var rows: [AttemptFacts] = []
        for chunk in ids.chunks(of: 500) {
            rows += try await scope.sql.raw(
                """
                SELECT "tenant_id", "id", "user_id", "call_list_id", "started_at", "answered_at", "ended_at", "result", \
                "prospect", "callback" FROM \(ident: CallAttempt.schema) WHERE "id" IN (\(binds: Array(chunk)))
                """
            ).all(decoding: AttemptFacts.self).filter { $0.tenant_id == scope.tenantID }
        }
        return rows
    }

    /// Adds what changed between `before` and `after` (the same attempts read before and after a write; an attempt
    /// only in `after` is new).
    func addDifference(before: [AttemptFacts], after: [AttemptFacts], zone: TimeZone) async throws {
        var deltas: [CallKey: CallFigures] = [:]
        for attempt in after { deltas[attempt.key(in: zone), default: CallFigures()].add(attempt.figures) }
        for attempt in before { deltas[attempt.key(in: zone), default: CallFigures()].subtract(attempt.figures) }
        try await add(calls: deltas.filter { !$0.value.isZero })
    }

    func add(calls deltas: [CallKey: CallFigures]) async throws {
        guard !deltas.isEmpty else { return }
        let rows = Array(deltas)
        for chunk in rows.chunks(of: 500) {
            var values: [SQLQueryString] = []
            for (key, figures) in chunk {
                values.append(
                    """
                    (\(bind: scope.tenantID), \(bind: key.bucket.day), \(bind: key.bucket.hour), \(bind: key.userID), \
                    \(bind: key.listID), \(bind: figures.calls), \(bind: figures.contacts), \(bind: figures.prospects), \
                    \(bind: figures.callbacks), \(bind: figures.talkSeconds))
                    """)
            }
            try await scope.sql.raw(
                """
                INSERT INTO \(ident: Self.callTable) ("tenant_id", "day", "hour", "user_id", "call_list_id", "calls", \
                "contacts", "prospects", "callbacks", "talk_seconds") VALUES \(values.joined(separator: ", ")) \
                ON CONFLICT ("tenant_id", "day", "hour", "user_id", "call_list_id") DO UPDATE SET \
                "calls" = \(ident: Self.callTable)."calls" + excluded."calls", \
                "contacts" = \(ident: Self.callTable)."contacts" + excluded."contacts", \
                "prospects" = \(ident: Self.callTable)."prospects" + excluded."prospects", \
                "callbacks" = \(ident: Self.callTable)."callbacks" + excluded."callbacks", \
                "talk_seconds" = \(ident: Self.callTable)."talk_seconds" + excluded."talk_seconds"
                """
            ).run()
        }
    }

    /// One agent's finished state: `state` held from `from` to `to`, in 後処理 after a call of `listID`.
    struct Interval {
        var userID: UUID
        var state: AgentState
        var from: Date
        var to: Date
        var listID: UUID?
    }

    func add(intervals: [Interval], zone: TimeZone) async throws {
        var deltas: [StateKey: Double] = [:]
        for interval in intervals where interval.state != .offline {
            var reason = ""
            if case .paused(let text) = interval.state { reason = text }
            for part in HourBucket.split(from: interval.from, to: interval.to, in: zone) {
                let key = StateKey(
                    userID: interval.userID,
                    listID: interval.state == .wrapUp ? interval.listID ?? Self.none : Self.none,
                    bucket: part.bucket, state: interval.state.code, reason: reason)
                deltas[key, default: 0] += part.seconds
            }
        }
        guard !deltas.isEmpty else { return }
        for chunk in Array(deltas).chunks(of: 500) {
            var values: [SQLQueryString] = []
            for (key, seconds) in chunk {
                values.append(
                    """
                    (\(bind: scope.tenantID), \(bind: key.bucket.day), \(bind: key.bucket.hour), \(bind: key.userID), \
                    \(bind: key.listID), \(bind: key.state), \(bind: key.reason), \(bind: seconds))
                    """)
            }
            try await scope.sql.raw(
                """
                INSERT INTO \(ident: Self.stateTable) ("tenant_id", "day", "hour", "user_id", "call_list_id", "state", \
                "reason", "seconds") VALUES \(values.joined(separator: ", ")) \
                ON CONFLICT ("tenant_id", "day", "hour", "user_id", "call_list_id", "state", "reason") DO UPDATE SET \
                "seconds" = \(ident: Self.stateTable)."seconds" + excluded."seconds"
                """
            ).run()
        }
    }
}

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
        for chunk in intervals.chunks(of: 5_000) { try await add(intervals: Array(chunk), zone: zone) }
    }
}

enum ReportRollupsError: Error {
    case tooManyCallsAtOneInstant
}
