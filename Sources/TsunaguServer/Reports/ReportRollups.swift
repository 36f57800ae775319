import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// Keeps the report roll-ups equal to the facts: every write of call attempts or state facts adds its difference
/// here in the same transaction. One row per agent, list and day of the tenant: a call counts on the day and in the
/// hour it was placed (as 通話一覧 dates it), its calls and contacts also in that hour's columns (the weekday × hour
/// heat map); time in a state is split over the days it covers. A year's report then reads a few hundred rows per
/// agent, not one per hour. No list is stored as the nil UUID, so that it takes part in the unique key.
package struct ReportRollups {
    static let callTable = "call_figures_daily"
    static let stateTable = "agent_state_seconds_daily"
    /// Stands for "no list" (and "no user") in the roll-ups' keys.
    static let none = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    /// The calls and the contacts placed in each hour of the day: `calls_h00` … `calls_h23`, `contacts_h00` ….
    static let callsByHour = (0..<24).map { String(format: "calls_h%02d", $0) }
    static let contactsByHour = (0..<24).map { String(format: "contacts_h%02d", $0) }

    let scope: TenantScope

    struct CallKey: Hashable {
        var userID: UUID
        var listID: UUID
        var day: String
    }

    /// A day's figures with its calls and contacts per hour.
    struct DayFigures {
        var figures = CallFigures()
        var callsByHour = [Int](repeating: 0, count: 24)
        var contactsByHour = [Int](repeating: 0, count: 24)

        mutating func add(_ figures: CallFigures, hour: Int) {
            self.figures.add(figures)
            callsByHour[hour] += figures.calls
            contactsByHour[hour] += figures.contacts
        }

        mutating func subtract(_ figures: CallFigures, hour: Int) {
            self.figures.subtract(figures)
            callsByHour[hour] -= figures.calls
            contactsByHour[hour] -= figures.contacts
        }

        var isZero: Bool {
            figures.isZero && !callsByHour.contains { $0 != 0 } && !contactsByHour.contains { $0 != 0 }
        }
    }

    struct StateKey: Hashable {
        var userID: UUID
        var listID: UUID
        var day: String
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

        /// The row it counts in, and the hour of its day.
        func key(in zone: TimeZone) -> (CallKey, hour: Int) {
            let bucket = HourBucket.of(started_at, in: zone)
            return (
                CallKey(
                    userID: user_id ?? ReportRollups.none, listID: call_list_id ?? ReportRollups.none, day: bucket.day),
                bucket.hour
            )
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

    /// Adds what changed between `before` and `after` (the same attempts before and after a write; an attempt only
    /// in `after` is new).
    func addDifference(before: [AttemptFacts], after: [AttemptFacts], zone: TimeZone) async throws {
        var deltas: [CallKey: DayFigures] = [:]
        for attempt in after {
            let (key, hour) = attempt.key(in: zone)
            deltas[key, default: DayFigures()].add(attempt.figures, hour: hour)
        }
        for attempt in before {
            let (key, hour) = attempt.key(in: zone)
            deltas[key, default: DayFigures()].subtract(attempt.figures, hour: hour)
        }
        try await add(calls: deltas.filter { !$0.value.isZero })
    }

    func add(calls deltas: [CallKey: DayFigures]) async throws {
        guard !deltas.isEmpty else { return }
        let counted =
            ["calls", "contacts", "prospects", "callbacks", "talk_seconds"] + Self.callsByHour
            + Self.contactsByHour
        let sets = counted.map { column -> SQLQueryString in
            "\(ident: column) = \(ident: Self.callTable).\(ident: column) + excluded.\(ident: column)"
        }
        let names = (["tenant_id", "day", "user_id", "call_list_id"] + counted).map { column -> SQLQueryString in
            "\(ident: column)"
        }
        // 57 values a row: 200 rows stay well inside both databases' limits on parameters. In key order, so that
        // two writers adding into the same rows (instances sharing a PostgreSQL) take their locks in one order.
        let ordered = deltas.sorted {
            ($0.key.day, $0.key.userID.uuidString, $0.key.listID.uuidString) < (
                $1.key.day, $1.key.userID.uuidString, $1.key.listID.uuidString
            )
        }
        for chunk in ordered.chunks(of: 200) {
            var values: [SQLQueryString] = []
            for (key, day) in chunk {
                var row: [SQLQueryString] = [
                    "\(bind: scope.tenantID)", "\(bind: key.day)", "\(bind: key.userID)", "\(bind: key.listID)",
                    "\(bind: day.figures.calls)", "\(bind: day.figures.contacts)", "\(bind: day.figures.prospects)",
                    "\(bind: day.figures.callbacks)", "\(bind: day.figures.talkSeconds)",
                ]
                row += day.callsByHour.map { "\(bind: $0)" }
                row += day.contactsByHour.map { "\(bind: $0)" }
                values.append("(" + row.joined(separator: ", ") + ")")
            }
            try await scope.sql.raw(
                """
                INSERT INTO \(ident: Self.callTable) (\(names.joined(separator: ", "))) \
                VALUES \(values.joined(separator: ", ")) \
                ON CONFLICT ("tenant_id", "day", "user_id", "call_list_id") DO UPDATE SET \
                \(sets.joined(separator: ", "))
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
                    day: part.bucket.day, state: interval.state.code, reason: reason)
                deltas[key, default: 0] += part.seconds
            }
        }
        guard !deltas.isEmpty else { return }
        let ordered = deltas.sorted {
            ($0.key.day, $0.key.userID.uuidString, $0.key.listID.uuidString, $0.key.state, $0.key.reason)
                < ($1.key.day, $1.key.userID.uuidString, $1.key.listID.uuidString, $1.key.state, $1.key.reason)
        }
        for chunk in ordered.chunks(of: 500) {
            var values: [SQLQueryString] = []
            for (key, seconds) in chunk {
                values.append(
                    """
                    (\(bind: scope.tenantID), \(bind: key.day), \(bind: key.userID), \(bind: key.listID), \
                    \(bind: key.state), \(bind: key.reason), \(bind: seconds))
                    """)
            }
            try await scope.sql.raw(
                """
                INSERT INTO \(ident: Self.stateTable) ("tenant_id", "day", "user_id", "call_list_id", "state", \
                "reason", "seconds") VALUES \(values.joined(separator: ", ")) \
                ON CONFLICT ("tenant_id", "day", "user_id", "call_list_id", "state", "reason") DO UPDATE SET \
                "seconds" = \(ident: Self.stateTable)."seconds" + excluded."seconds"
                """
            ).run()
        }
    }
}
