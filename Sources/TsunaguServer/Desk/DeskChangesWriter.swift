import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// Stores a batch of phone-screen commits inside the writer's transaction: per tenant, one INSERT for the new call
/// attempts and one UPDATE for each kind of change, however many screens the batch holds. Each new attempt first
/// passes the calling rules (`DialGateCheck`); one they hold back is not recorded and its call is not placed.
struct DeskChangesWriter {
    let database: any Database
    /// The tenants' decoded settings, kept by the writer across its transactions (`DialGateCheck`).
    var settingsCache = TenantSettingsCache()

    /// Stores the batch; returns the new attempts the calling rules held back, with why.
    @discardableResult
    func store(_ batch: [DeskChanges]) async throws -> [UUID: DialRefusal] {
        var tenants: [UUID] = []
        var byTenant: [UUID: [DeskChanges]] = [:]
        for changes in batch where !changes.isEmpty {
            if byTenant[changes.tenantID] == nil { tenants.append(changes.tenantID) }
            byTenant[changes.tenantID, default: []].append(changes)
        }
        var refusals: [UUID: DialRefusal] = [:]
        for tenantID in tenants {
            let scope = TenantScope(tenantID: tenantID, database: database)
            refusals.merge(try await store(byTenant[tenantID]!, in: scope)) { first, _ in first }
        }
        return refusals
    }

    private func store(_ batch: [DeskChanges], in scope: TenantScope) async throws -> [UUID: DialRefusal] {
        try await checkLeases(batch, in: scope)
        var refusals = try await DialGateCheck(scope: scope, settingsCache: settingsCache).decide(
            batch.flatMap(\.newAttempts))
        try await takeCallbacks(batch, refusals: &refusals, in: scope)
        let attempts = batch.flatMap { changes in
            changes.newAttempts.filter { refusals[$0.id] == nil }.map { (changes.userID, $0, changes.lease?.instance) }
        }
        // The report roll-ups add the difference the batch makes to each attempt it touches.
        let rollups = ReportRollups(scope: scope)
        let newIDs = Set(attempts.map(\.1.id))
        let touched = Array(
            Set(
                batch.flatMap { $0.answered.map(\.attemptID) + $0.endings.map(\.attemptID) + $0.notes.map(\.attemptID) }
            )
            .subtracting(newIDs))
        let before = touched.isEmpty ? [] : try await rollups.attempts(touched)
        if !attempts.isEmpty {
            try await scope.insertRows(
                into: CallAttempt.schema,
                columns: [
                    "id", "user_id", "extension", "call_list_id", "customer_id", "work_row_id", "number", "started_at",
                    "memo", "prospect", "callback", "instance_id",
                ],
                rows: attempts.map { userID, attempt, instance in
                    [
                        attempt.id, userID, attempt.phoneExtension, attempt.callListID, attempt.customerID,
                        attempt.workRowID, attempt.number, attempt.startedAt, attempt.notes.memo,
                        attempt.notes.prospect, attempt.notes.callback, instance,
                    ]
                })
        }
        let answered = batch.flatMap(\.answered)
        if !answered.isEmpty {
            try await scope.updateRows(
                in: CallAttempt.schema, columns: ["answered_at"], rows: answered.map { ($0.attemptID, [$0.at]) },
                andWhere: "\(ident: "answered_at") IS NULL")
        }
        let endings = batch.flatMap(\.endings)
        if !endings.isEmpty {
            try await scope.updateRows(
                in: CallAttempt.schema, columns: ["ended_at", "result", "sip_status"],
                rows: endings.map { ($0.attemptID, [$0.at, $0.result, $0.signallingCode]) })
        }
        let notes = batch.flatMap(\.notes)
        if !notes.isEmpty {
            try await scope.updateRows(
                in: CallAttempt.schema, columns: ["memo", "prospect", "callback"],
                rows: notes.map { ($0.attemptID, [$0.notes.memo, $0.notes.prospect, $0.notes.callback]) })
        }
        let rows = batch.flatMap { changes in changes.rows.map { (changes.userID, $0) } }
        if !rows.isEmpty {
            // A row is written only by the agent who holds it.
            try await scope.updateRows(
                in: AgentWorkRow.schema,
                columns: ["contact_name", "done", "result", "prospect", "callback", "memo", "called_at"],
                rows: rows.map { _, row in
                    (
                        row.id,
                        [row.contactName, row.done, row.result, row.prospect, row.callback, row.memo, row.calledAt]
                    )
                },
                owner: ("user_id", rows.map { userID, _ in userID }))
        }
        let zone = batch.first?.timeZone ?? TimeZone(identifier: "Asia/Tokyo")!
        if !touched.isEmpty || !newIDs.isEmpty {
            // Worked out from what was read before and what the batch wrote; read back only in the rare batch
            // that changes one attempt twice.
            let worked = ReportRollups.after(
                batch, before: before, newAttempts: attempts.map { ($0.0, $0.1) }, tenantID: scope.tenantID)
            let after = if let worked { worked } else { try await rollups.attempts(touched + Array(newIDs)) }
            try await rollups.addDifference(before: before, after: after, zone: zone)
        }
        let states = batch.flatMap { changes in changes.stateChanges.map { (changes.userID, $0) } }
        if !states.isEmpty {
            try await scope.insertRows(
                into: "agent_state_changes", columns: ["id", "user_id", "state", "reason", "at"],
                rows: states.map { userID, fact in
                    var reason: String?
                    if case .paused(let text) = fact.change.state { reason = text }
                    return [UUID(), userID, fact.change.state.code, reason, fact.change.at]
                })
            try await rollups.add(
                intervals: states.map { userID, fact in
                    ReportRollups.Interval(
                        userID: userID, state: fact.change.previous, from: fact.change.previousSince,
                        to: fact.change.at, listID: fact.callListID)
                }, zone: zone)
        }
        var positions: [(key: TenantScope.Value, values: [TenantScope.Value])] = []
        for changes in batch {
            guard let position = changes.position else { continue }
            if changes.positionRecordExists {
                positions.append(
                    (changes.userID, [position.cursor, position.autoFetchActive, Int64(position.lastCallNumber)]))
            } else {
                try await DeskStore.save(position, userID: changes.userID, in: scope)
            }
        }
        if !positions.isEmpty {
            try await scope.updateRows(
                in: AgentDeskRecord.schema, key: "user_id",
                columns: ["cursor", "auto_fetch_active", "last_call_number"],
                rows: positions)
        }
        return refusals
    }

    /// The fence: each commit of the batch is stored only while the database still gives its session's lease (this
    /// instance, that epoch). Otherwise the batch fails with `DeskLeaseLost`, and the writer runs it again one commit
    /// at a time, so only the fenced ones fail.
    private func checkLeases(_ batch: [DeskChanges], in scope: TenantScope) async throws {
        let leased = batch.compactMap { changes in changes.lease.map { (changes.userID, $0) } }
        for (instance, commits) in Dictionary(grouping: leased, by: \.1.instance) {
            let held = try await DeskLeaseStore(database: scope.database, instance: instance).heldEpochs(
                tenantID: scope.tenantID, commits.map(\.0))
            let lost = Set(commits.filter { agent, lease in held[agent] != lease.epoch }.map(\.0))
            if !lost.isEmpty { throw DeskLeaseLost(agents: lost) }
        }
    }

    /// A dial of a timed callback takes it here, after the calling rules let it through and before it is recorded:
    /// when another agent took it first, this dial is held back like any other and nothing is recorded.
    private func takeCallbacks(_ batch: [DeskChanges], refusals: inout [UUID: DialRefusal], in scope: TenantScope)
        async throws
    {
        let store = CallbackStore(scope: scope)
        for changes in batch {
            for attempt in changes.newAttempts where refusals[attempt.id] == nil {
                guard let claim = attempt.callback else { continue }
                let taken = try await store.take(
                    claim.id, by: changes.userID, attemptID: attempt.id, at: attempt.startedAt,
                    openAfterMinutes: claim.openAfterMinutes)
                if !taken { refusals[attempt.id] = .callbackTaken }
            }
        }
    }
}
