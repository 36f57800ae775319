import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// Reads a report from the roll-ups (`ReportRollups`): per agent or per list over a period of the tenant's days, with
/// the weekday × hour contact rates and the daily trend. The state an agent is in now counts up to now, so today's
/// report is exact too. Every statement filters on the scope's tenant.
struct ReportQuery {
    enum Grouping: String, CaseIterable {
        case agent, list
    }

    struct Row {
        /// A user or list id, or `ReportRollups.none` (calls from the dial pad, or of a user since removed).
        var key: UUID
        var calls = CallFigures()
        var time = AgentTimeFigures()
    }

    struct Report {
        var rows: [Row]
        var total: Row
        /// Monday first, 24 hours each.
        var heatMap: [[ReportCharts.Cell]]
        var days: [(day: String, calls: Int, contacts: Int)]
    }

    let scope: TenantScope
    let period: ReportPeriod
    let grouping: Grouping
    var agentID: UUID?
    var listID: UUID?
    let zone: TimeZone
    let now: Date

    private var filters: SQLQueryString {
        var text: SQLQueryString = """
            "tenant_id" = \(bind: scope.tenantID) AND "day" >= \(bind: period.from) AND "day" <= \(bind: period.to)
            """
        if let agentID { text += " AND \"user_id\" = \(bind: agentID)" }
        if let listID { text += " AND \"call_list_id\" = \(bind: listID)" }
        return text
    }

    private var column: SQLQueryString { grouping == .agent ? "\"user_id\"" : "\"call_list_id\"" }

    func run() async throws -> Report {
        var rows: [UUID: Row] = [:]
        let sums = try await scope.sql.raw(
            """
            SELECT \(column) AS "key", \(FloorQuery.sums) FROM \(ident: ReportRollups.callTable) \
            WHERE \(filters) GROUP BY \(column)
            """
        ).all(decoding: FloorQuery.Sums.self)
        for sum in sums { rows[sum.key, default: Row(key: sum.key)].calls = sum.figures }

        struct StateSum: Decodable {
            var key: UUID
            var state: String
            var reason: String
            var seconds: Double
        }
        // With a list chosen, only 後処理 after that list's calls is the list's time.
        let listOnly: SQLQueryString = listID == nil && grouping == .agent ? "" : " AND \"state\" = 'wrapUp'"
        let states = try await scope.sql.raw(
            """
            SELECT \(column) AS "key", "state", "reason", SUM("seconds") AS "seconds" \
            FROM \(ident: ReportRollups.stateTable) WHERE \(filters)\(listOnly) GROUP BY \(column), "state", "reason"
            """
        ).all(decoding: StateSum.self)
        for sum in states {
            guard let state = AgentState(code: sum.state, reason: sum.reason) else { continue }
            rows[sum.key, default: Row(key: sum.key)].time.add(state, seconds: sum.seconds)
        }
        if grouping == .agent, listID == nil {
            for (user, time) in try await openStates() {
                rows[user, default: Row(key: user)].time.add(time)
            }
        }

        // Per day, the calls and contacts of each hour: the heat map and the daily trend.
        let hours = (0..<24).map { hour -> SQLQueryString in
            """
            CAST(SUM(\(ident: ReportRollups.callsByHour[hour])) AS BIGINT) AS \(ident: "c\(hour)"), \
            CAST(SUM(\(ident: ReportRollups.contactsByHour[hour])) AS BIGINT) AS \(ident: "k\(hour)")
            """
        }
        let days = try await scope.sql.raw(
            """
            SELECT "day", \(hours.joined(separator: ", ")) FROM \(ident: ReportRollups.callTable) WHERE \(filters) \
            GROUP BY "day"
            """
        ).all()
        var heatMap = Array(repeating: Array(repeating: ReportCharts.Cell(), count: 24), count: 7)
        var perDay: [String: (calls: Int, contacts: Int)] = [:]
        for row in days {
            let day = try row.decode(column: "day", as: String.self)
            let (year, month, date) = ReportPeriod.parts(day)
            let weekday = (ReportPeriod.weekday(year, month, date) + 6) % 7  // Monday first
            for hour in 0..<24 {
                let calls = try row.decode(column: "c\(hour)", as: Int?.self) ?? 0
                let contacts = try row.decode(column: "k\(hour)", as: Int?.self) ?? 0
                heatMap[weekday][hour].calls += calls
                heatMap[weekday][hour].contacts += contacts
                perDay[day, default: (0, 0)].calls += calls
                perDay[day, default: (0, 0)].contacts += contacts
            }
        }
        var total = Row(key: ReportRollups.none)
        for row in rows.values {
            total.calls.add(row.calls)
            total.time.add(row.time)
        }
        return Report(
            rows: Array(rows.values), total: total, heatMap: heatMap,
            days: period.days.map { ($0, perDay[$0]?.calls ?? 0, perDay[$0]?.contacts ?? 0) })
    }

    /// The states agents are in now, from their start (or the period's) to now (or the period's end): not in the
    /// roll-up until they end.
    private func openStates() async throws -> [UUID: AgentTimeFigures] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let start = TenantCalendar(zone: zone).startOfDay(period.from),
            let lastDay = TenantCalendar(zone: zone).startOfDay(period.to),
            let end = calendar.date(byAdding: .day, value: 1, to: lastDay), now > start
        else { return [:] }
        struct Latest: Decodable {
            var user_id: UUID
            var state: String
            var reason: String?
            var at: Date
        }
        let onlyAgent: SQLQueryString = agentID.map { " AND u.\"id\" = \(bind: $0)" } ?? ""
        let latest = try await scope.sql.raw(
            """
            SELECT s."user_id", s."state", s."reason", s."at" FROM \(ident: User.schema) u \
            JOIN \(LatestStateFact.joinedToUsers) \
            WHERE u."tenant_id" = \(bind: scope.tenantID)\(onlyAgent)
            """
        ).all(decoding: Latest.self)
        var open: [UUID: AgentTimeFigures] = [:]
        for fact in latest {
            guard let state = AgentState(code: fact.state, reason: fact.reason), state != .offline else { continue }
            let from = max(fact.at, start)
            let to = min(now, end)
            guard to > from else { continue }
            open[fact.user_id, default: AgentTimeFigures()].add(state, seconds: to.timeIntervalSince(from))
        }
        return open
    }
}
