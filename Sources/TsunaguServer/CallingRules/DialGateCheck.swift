import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// Applies `DialGate` to the new call attempts of a batch inside the transaction that records them: it reads the
/// facts (the tenant's calling window and retry rules, bars in force, the numbers' dials of the last 180 s, the lists'
/// own rules) in one statement for the whole batch (`DialGateFacts`), and the customers' attempts on their lists only
/// when retry rules are on, then decides each attempt in order, counting the attempts it lets through, so two screens
/// dialling one number in the same moment are decided one after the other. On SQLite the writer's transaction holds
/// the database's write lock, so nothing else records an attempt or changes a rule between the reads and the insert:
/// a setting, a bar or a list's rule changed after ダウンロード still stops the dial. On PostgreSQL, where several
/// instances' writers commit at once, a transaction lock per number does the same for the dials of one number.
struct DialGateCheck {
    let scope: TenantScope
    /// Decoded tenant settings, reused while the stored text is unchanged.
    var settingsCache = TenantSettingsCache()

    /// The attempts that may go out, and why each of the others may not.
    func decide(_ attempts: [DeskChanges.NewAttempt]) async throws -> [UUID: DialRefusal] {
        let gated = attempts.filter { $0.kind != .emergency }
        guard !gated.isEmpty else { return [:] }
        if scope.database.sqlite == nil {
            // Another instance's writer may record a dial of the same number at this moment.
            try await PostgresStatements.lockNumbers(Set(gated.map(\.number)), of: scope.tenantID, on: scope.sql)
        }
        let read = try await DialGateFacts.read(for: gated, scope: scope, settingsCache: settingsCache)
        guard let tenant = read.tenant else { return [:] }
        let settings = tenant.settings
        let timeZone = tenant.timeZone
        var dials = read.dials
        func rules(of attempt: DeskChanges.NewAttempt) -> CallListRules {
            attempt.callListID.flatMap { read.listRules[$0] } ?? CallListRules()
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
                barred: read.barred.contains(number: attempt.number, customer: attempt.customerID),
                window: window, previousDials: dials[attempt.number, default: []],
                // A timed callback is the customer's own request: the window and the bars apply, the retry rules not.
                retry: attempt.callback == nil ? list.retry(within: settings.retryPolicy) : .off,
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
                .where("call_list_id", .in, Array(Set(chunk.map(\.callListID))))
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
