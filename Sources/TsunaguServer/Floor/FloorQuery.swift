import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// Reads the manager's board from the facts: each agent's latest stored state, the call in progress or being written
/// up, and today's calls; each list's rows by state and today's calls. Today is the tenant's day. Every statement
/// filters on the scope's tenant.
struct FloorQuery {
    let scope: TenantScope
    /// The start of the tenant's day the figures count from, and that day (yyyy-MM-dd).
    let dayStart: Date
    let day: String

    /// The agents' rows: every enabled user of the tenant, or only `ids`.
    func agents(_ ids: [UUID]? = nil) async throws -> [FloorSnapshot.Agent] {
        if let ids, ids.isEmpty { return [] }
        let tenantID = scope.tenantID
        let onlyUsers: SQLQueryString = ids.map { " AND u.\"id\" IN (\(binds: $0))" } ?? ""
        struct UserRow: Decodable {
            var id: UUID
            var login_id: String
            var name: String
            var `extension`: String
            var state: String?
            var reason: String?
            var at: Date?
        }
        let users = try await scope.sql.raw(
            """
            SELECT u."id", u."login_id", u."name", u."extension", s."state", s."reason", s."at" \
            FROM \(ident: User.schema) u LEFT JOIN \(LatestStateFact.joinedToUsers) \
            WHERE u."tenant_id" = \(bind: tenantID) AND u."disabled" = \(bind: false)\(onlyUsers)
            """
        ).all(decoding: UserRow.self)
        guard !users.isEmpty else { return [] }
        let userIDs = users.map(\.id)
        let figures = try await todaysFigures(users: userIDs)
        let current = try await currentCalls(
            users: users.filter { row in
                [AgentState.dialing.code, AgentState.talking.code, AgentState.wrapUp.code].contains(row.state ?? "")
            }.map(\.id))
        return users.map { row in
            let state = row.state.flatMap { AgentState(code: $0, reason: row.reason) } ?? .offline
            return FloorSnapshot.Agent(
                id: row.id, loginID: row.login_id, name: row.name, extension: row.extension, state: state,
                since: row.at, customer: current[row.id]?.customer, list: current[row.id]?.list,
                today: figures[row.id] ?? CallFigures())
        }.sorted { ($0.extension, $0.loginID) < ($1.extension, $1.loginID) }
    }

    /// Today's calls of these users, summed per user from the report roll-up (the same sums the reports read).
    private func todaysFigures(users: [UUID]) async throws -> [UUID: CallFigures] {
        var figures: [UUID: CallFigures] = [:]
        for chunk in users.chunks(of: 1_000) {
            for row in try await scope.sql.raw(
                """
                SELECT "user_id" AS "key", \(Self.sums) FROM \(ident: ReportRollups.callTable) \
                WHERE "tenant_id" = \(bind: scope.tenantID) AND "day" = \(bind: day) \
                AND "user_id" IN (\(binds: Array(chunk))) GROUP BY "user_id"
                """
            ).all(decoding: Sums.self) {
                figures[row.key] = row.figures
            }
        }
        return figures
    }

    /// The roll-up's sums, as `Sums` reads them.
    /// Counts cast back to integers: PostgreSQL sums BIGINT as NUMERIC.
    static let sums: SQLQueryString = """
        CAST(SUM("calls") AS BIGINT) AS "calls", CAST(SUM("contacts") AS BIGINT) AS "contacts", \
        CAST(SUM("prospects") AS BIGINT) AS "prospects", CAST(SUM("callbacks") AS BIGINT) AS "callbacks", \
        SUM("talk_seconds") AS "talk"
        """

    struct Sums: Decodable {
        var key: UUID
        var calls: Int
        var contacts: Int
        var prospects: Int
        var callbacks: Int
        var talk: Double

        var figures: CallFigures {
            CallFigures(calls: calls, contacts: contacts, prospects: prospects, callbacks: callbacks, talkSeconds: talk)
        }
    }

    /// The latest call of each of these users: its customer (会社名, else 担当者名, else the number dialled) and list.
    private func currentCalls(users: [UUID]) async throws -> [UUID: (customer: String, list: String?)] {
        guard !users.isEmpty else { return [:] }
        struct CallRow: Decodable {
            var user_id: UUID
            var company: String?
            var contact_name: String?
            var number: String
            var list: String?
        }
        var calls: [UUID: (customer: String, list: String?)] = [:]
        for chunk in users.chunks(of: 1_000) {
            let rows = try await scope.sql.raw(
                """
                SELECT u."id" AS "user_id", c."company", c."contact_name", a."number", l."name" AS "list" \
                FROM \(ident: User.schema) u JOIN \(ident: CallAttempt.schema) a ON a."id" = (\
                SELECT t."id" FROM \(ident: CallAttempt.schema) t WHERE t."tenant_id" = u."tenant_id" \
                AND t."user_id" = u."id" ORDER BY t."started_at" DESC LIMIT 1) \
                LEFT JOIN \(ident: Customer.schema) c ON c."id" = a."customer_id" \
                LEFT JOIN \(ident: CallList.schema) l ON l."id" = a."call_list_id" \
                WHERE u."tenant_id" = \(bind: scope.tenantID) AND u."id" IN (\(binds: Array(chunk)))
                """
            ).all(decoding: CallRow.self)
            for row in rows {
                // A person without a company (個人) by name; a dial-pad call by its number.
                let name = [row.company, row.contact_name].compactMap { $0 }.first { !$0.isEmpty }
                calls[row.user_id] = (name ?? row.number, row.list)
            }
        }
        return calls
    }

    /// The lists in use: with rows on agents' screens, or called today.
    func listsInUse() async throws -> [UUID] {
        struct ListRow: Decodable { var call_list_id: UUID }
        let rows = try await scope.sql.raw(
            """
            SELECT DISTINCT e."call_list_id" FROM \(ident: AgentWorkRow.schema) w \
            JOIN \(ident: CallListEntry.schema) e ON e."id" = w."entry_id" \
            WHERE w."tenant_id" = \(bind: scope.tenantID) \
            UNION SELECT DISTINCT "call_list_id" FROM \(ident: CallAttempt.schema) \
            WHERE "tenant_id" = \(bind: scope.tenantID) AND "started_at" >= \(bind: dayStart) \
            AND "call_list_id" IS NOT NULL
            """
        ).all(decoding: ListRow.self)
        return rows.map(\.call_list_id)
    }

    /// Counts that read every waiting row of a list: the board asks for them on its full reads and keeps them
    /// between.
    struct SlowCounts {
        var barred: [UUID: Int] = [:]
        var waitingForRetry: [UUID: Int] = [:]
    }

    /// These lists' rows. `barred` counts waiting rows whose customer or number is barred, `waitingForRetry` those
    /// whose latest call on the list went unanswered less than the retry wait ago (`retryPolicy`, or the list's
    /// own); both are read only with `countingSlow`, otherwise taken from `known`.
    func lists(
        _ ids: [UUID], countingSlow: Bool, known: SlowCounts = SlowCounts(), retryPolicy: RetryPolicy = .off,
        now: Date = Date()
    ) async throws -> [FloorSnapshot.List] {
        guard !ids.isEmpty else { return [] }
        struct NameRow: Decodable {
            var id: UUID
            var name: String
            var rules: String?
        }
        struct CountRow: Decodable {
            var call_list_id: UUID
            var state: String
            var limit_reached: Bool
            var count: Int
        }
        struct BarredRow: Decodable {
            var call_list_id: UUID
            var count: Int
        }
        var lists: [FloorSnapshot.List] = []
        for chunk in ids.chunks(of: 500) {
            let names = try await scope.sql.raw(
                """
                SELECT "id", "name", "rules" FROM \(ident: CallList.schema) \
                WHERE "tenant_id" = \(bind: scope.tenantID) AND "id" IN (\(binds: Array(chunk)))
                """
            ).all(decoding: NameRow.self)
            let counts = try await scope.sql.raw(
                """
                SELECT "call_list_id", "state", "limit_reached", COUNT(*) AS "count" \
                FROM \(ident: CallListEntry.schema) \
                WHERE "tenant_id" = \(bind: scope.tenantID) AND "call_list_id" IN (\(binds: Array(chunk))) \
                GROUP BY "call_list_id", "state", "limit_reached"
                """
            ).all(decoding: CountRow.self)
            let sums = try await scope.sql.raw(
                """
                SELECT "call_list_id" AS "key", \(Self.sums) FROM \(ident: ReportRollups.callTable) \
                WHERE "tenant_id" = \(bind: scope.tenantID) AND "day" = \(bind: day) \
                AND "call_list_id" IN (\(binds: Array(chunk))) GROUP BY "call_list_id"
                """
            ).all(decoding: Sums.self)
            var barred = known.barred
            var retry = known.waitingForRetry
            if countingSlow {
                for list in names {
                    let policy = CallList.rules(from: list.rules).retry(within: retryPolicy)
                    retry[list.id] = policy.enabled ? try await waitingForRetry(list.id, policy: policy, now: now) : 0
                }
                let rows = try await scope.sql.raw(
                    """
                    SELECT e."call_list_id", COUNT(*) AS "count" FROM \(ident: CallListEntry.schema) e \
                    JOIN \(ident: Customer.schema) c ON c."id" = e."customer_id" \
                    WHERE e."tenant_id" = \(bind: scope.tenantID) AND e."call_list_id" IN (\(binds: Array(chunk))) \
                    AND e."state" = \(bind: CallListEntry.State.waiting.rawValue) \
                    AND EXISTS (SELECT 1 FROM \(ident: DialBar.schema) b WHERE b."tenant_id" = e."tenant_id" \
                    AND b."lifted_at" IS NULL AND (b."customer_id" = e."customer_id" OR b."number" = c."phone_e164")) \
                    GROUP BY e."call_list_id"
                    """
                ).all(decoding: BarredRow.self)
                for id in chunk { barred[id] = 0 }
                for row in rows { barred[row.call_list_id] = row.count }
            }
            let today = Dictionary(uniqueKeysWithValues: sums.map { ($0.key, $0.figures) })
            for list in names {
                let mine = counts.filter { $0.call_list_id == list.id }
                func count(_ state: CallListEntry.State, limitReached: Bool? = nil) -> Int {
                    mine.filter { row in
                        row.state == state.rawValue && limitReached.map { row.limit_reached == $0 } ?? true
                    }.map(\.count).reduce(0, +)
                }
                let barredRows = barred[list.id] ?? 0
                lists.append(
                    FloorSnapshot.List(
                        id: list.id, name: list.name, total: mine.map(\.count).reduce(0, +),
                        left: max(0, count(.waiting, limitReached: false) - barredRows),
                        onScreen: count(.onScreen), reported: count(.reported), barred: barredRows,
                        limitReached: mine.filter(\.limit_reached).map(\.count).reduce(0, +),
                        waitingForRetry: retry[list.id] ?? 0, today: today[list.id] ?? CallFigures()))
            }
        }
        return lists.sorted { $0.name < $1.name }
    }

    /// Waiting rows of the list whose customer's latest call on it ended unanswered within the longest wait: read
    /// from the recent calls of the list (few), each customer's latest kept, then checked against its row.
    private func waitingForRetry(_ listID: UUID, policy: RetryPolicy, now: Date) async throws -> Int {
        let longest = [UnansweredReason.busy, .noAnswer, .rejected].compactMap { policy.wait(after: $0) }.max() ?? 0
        guard longest > 0 else { return 0 }
        struct Recent: Decodable {
            var customer_id: UUID
            var result: String
            var ended_at: Date
            var waiting: Int
        }
        let rows = try await scope.sql.raw(
            """
            SELECT a."customer_id", a."result", a."ended_at", \
            (SELECT COUNT(*) FROM \(ident: CallListEntry.schema) e WHERE e."tenant_id" = a."tenant_id" \
            AND e."call_list_id" = a."call_list_id" AND e."customer_id" = a."customer_id" \
            AND e."state" = \(bind: CallListEntry.State.waiting.rawValue)) AS "waiting" \
            FROM \(ident: CallAttempt.schema) a WHERE a."tenant_id" = \(bind: scope.tenantID) \
            AND a."call_list_id" = \(bind: listID) AND a."customer_id" IS NOT NULL AND a."result" IS NOT NULL \
            AND a."started_at" >= \(bind: now.addingTimeInterval(-longest - 3_600)) ORDER BY a."started_at"
            """
        ).all(decoding: Recent.self)
        var latest: [UUID: Recent] = [:]
        for row in rows { latest[row.customer_id] = row }
        return latest.values.filter { row in
            guard row.waiting > 0, let result = CallResult(storageValue: row.result) else { return false }
            return policy.isWaiting(after: result, endedAt: row.ended_at, now: now)
        }.count
    }
}
