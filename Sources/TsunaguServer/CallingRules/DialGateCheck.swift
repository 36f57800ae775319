import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// Applies `DialGate` to the new call attempts of a batch inside the transaction that records them: it reads the
/// facts (bars in force, the tenant's calling window and retry rules, the numbers' dials of the last 180 s, the
/// customers' attempts on their lists) with a few statements for the whole batch, then decides each attempt in
/// order, counting the attempts it lets through, so two screens dialling one number in the same moment are decided
/// one after the other. The writer's transaction holds the database's write lock, so nothing else records an
/// attempt between the reads and the insert.
struct DialGateCheck {
    let scope: TenantScope

    /// The attempts that may go out, and why each of the others may not.
    func decide(_ attempts: [DeskChanges.NewAttempt]) async throws -> [UUID: DialRefusal] {
        let gated = attempts.filter { $0.kind != .emergency }
        guard !gated.isEmpty else { return [:] }
        guard let tenant = try await Tenant.find(scope.tenantID, on: scope.database) else { return [:] }
        let settings = tenant.settings
        let timeZone = TimeZone(identifier: settings.timeZoneIdentifier) ?? TimeZone(identifier: "Asia/Tokyo")!
        let earliest = gated.map(\.startedAt).min()!
        let barred = try await DialBarStore(scope: scope).isBarred(
            numbers: gated.map(\.number), customers: gated.compactMap(\.customerID))
        var dials = try await dialsSince(RedialLimit.windowStart(before: earliest), numbers: Set(gated.map(\.number)))
        let lists = try await listRules(Set(gated.compactMap(\.callListID)))
        func rules(of attempt: DeskChanges.NewAttempt) -> CallListRules {
            attempt.callListID.flatMap { lists[$0] } ?? CallListRules()
        }
        var histories: [HistoryKey: AttemptHistory] = [:]
        if gated.contains(where: { rules(of: $0).retry(within: settings.retryPolicy).enabled }) {
            histories = try await attemptHistories(for: Set(gated.compactMap { attempt in HistoryKey(attempt) }))
        }
        var refusals: [UUID: DialRefusal] = [:]
        for attempt in gated {
            let list = rules(of: attempt)
            let callingWindow = list.window(within: settings.callingWindow)
            let window: DialGate.WindowState =
                callingWindow.isOpen(at: attempt.startedAt, in: timeZone)
                ? .open : .closed(nextOpening: callingWindow.nextOpening(after: attempt.startedAt, in: timeZone))
            let key = HistoryKey(attempt)
            let facts = DialGate.Facts(
                kind: attempt.kind, now: attempt.startedAt,
                barred: barred.contains(number: attempt.number, customer: attempt.customerID),
                window: window, previousDials: dials[attempt.number, default: []],
                retry: list.retry(within: settings.retryPolicy),
                history: key.flatMap { histories[$0] } ?? .none)
            if let refusal = DialGate.refusal(for: facts) {
                refusals[attempt.id] = refusal
            } else {
                dials[attempt.number, default: []].append(attempt.startedAt)
                if let key {
                    let before = histories[key] ?? .none
                    histories[key] = AttemptHistory(attempts: before.attempts + 1, latest: before.latest)
                }
            }
        }
        try await markLimitReached(gated.filter { refusals[$0.id] == .attemptLimitReached }.compactMap(\.workRowID))
        return refusals
    }

    /// 上限到達 stays on the rows' list entries, for 顧客一覧 and コールリスト一覧.
    private func markLimitReached(_ workRows: [UUID]) async throws {
        for chunk in workRows.chunks(of: 500) {
            try await scope.sql.raw(
                """
                UPDATE \(ident: CallListEntry.schema) SET "limit_reached" = \(bind: true)
                WHERE "tenant_id" = \(bind: scope.tenantID) AND "id" IN (
                    SELECT "entry_id" FROM \(ident: AgentWorkRow.schema)
                    WHERE "tenant_id" = \(bind: scope.tenantID) AND "id" IN (\(binds: Array(chunk))))
                """
            ).run()
        }
    }

    /// The rules of these call lists (a narrower window, retry rules of their own).
    private func listRules(_ ids: Set<UUID>) async throws -> [UUID: CallListRules] {
        var rules: [UUID: CallListRules] = [:]
        for chunk in Array(ids).chunks(of: 500) {
            let rows = try await scope.sql.select().column("id").column("rules").from(CallList.schema)
                .where("tenant_id", .equal, scope.tenantID).where("id", .in, Array(chunk)).all()
            for row in rows {
                rules[try row.decode(column: "id", as: UUID.self)] = CallList.rules(
                    from: try row.decode(column: "rules", as: String?.self))
            }
        }
        return rules
    }

    /// When each of these numbers was dialled after `start`, by anyone in the tenant.
    private func dialsSince(_ start: Date, numbers: Set<String>) async throws -> [String: [Date]] {
        var dials: [String: [Date]] = [:]
        for chunk in Array(numbers).chunks(of: 500) {
            let rows = try await scope.sql.select().column("number").column("started_at").from(CallAttempt.schema)
                .where("tenant_id", .equal, scope.tenantID).where("number", .in, Array(chunk))
                .where("started_at", .greaterThan, start).all()
            for row in rows {
                dials[try row.decode(column: "number", as: String.self), default: []].append(
                    try row.decode(column: "started_at", as: Date.self))
            }
        }
        return dials
    }

    /// A customer on a list: what the retry rules count attempts of.
    struct HistoryKey: Hashable {
        var customerID: UUID
        var callListID: UUID

        init?(_ attempt: DeskChanges.NewAttempt) {
            guard let customer = attempt.customerID, let list = attempt.callListID else { return nil }
            customerID = customer
            callListID = list
        }
    }

    /// Each customer's attempts on its list: how many, and the latest that has ended.
    private func attemptHistories(for keys: Set<HistoryKey>) async throws -> [HistoryKey: AttemptHistory] {
        var histories: [HistoryKey: AttemptHistory] = [:]
        for chunk in Array(keys).chunks(of: 500) {
            let rows = try await scope.sql.select()
                .columns("customer_id", "call_list_id", "started_at", "ended_at", "result")
                .from(CallAttempt.schema)
                .where("tenant_id", .equal, scope.tenantID)
                .where("customer_id", .in, chunk.map(\.customerID))
                .orderBy("started_at").all()
            let wanted = Set(chunk)
            for row in rows {
                guard let list = try row.decode(column: "call_list_id", as: UUID?.self) else { continue }
                let key = HistoryKey(customerID: try row.decode(column: "customer_id", as: UUID.self), callListID: list)
                guard wanted.contains(key) else { continue }
                var history = histories[key] ?? .none
                history.attempts += 1
                if let ended = try row.decode(column: "ended_at", as: Date?.self),
                    let result = try row.decode(column: "result", as: CallResult?.self)
                {
                    history.latest = (result, ended)
                }
                histories[key] = history
            }
        }
        return histories
    }
}

extension DialGateCheck.HistoryKey {
    init(customerID: UUID, callListID: UUID) {
        self.customerID = customerID
        self.callListID = callListID
    }
}
