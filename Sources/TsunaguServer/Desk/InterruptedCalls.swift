import FluentKit
import Foundation
import TsunaguCore

/// 通話一覧 after an instance stopped mid-call (a crash, kill -9, a lost machine): its calls ended then, and their
/// outcome is unknown. When it stopped is not known either: such a call is dated as ended at the last thing known of
/// it (its answer, or its start), so the time the instance was down never counts as talk time. Only the calls of
/// instances that are dead are closed, never another live instance's. (The phone screens write call attempts
/// through `DeskChanges`.) The report roll-ups take the difference in the same transaction.
enum InterruptedCalls {
    /// Closes the open calls placed by `instances`, and with `includingUnknown` those that name no instance (placed
    /// before instances were recorded). Returns how many.
    static func close(
        on database: any Database, placedBy instances: [UUID], includingUnknown: Bool, at date: Date
    ) async throws -> Int {
        guard !instances.isEmpty || includingUnknown else { return 0 }
        let open = try await CallAttempt.query(on: database).filter(\.$endedAt == nil).group(.or) { group in
            if !instances.isEmpty { group.filter(\.$instanceID ~~ instances.map(Optional.some)) }
            if includingUnknown { group.filter(\.$instanceID == nil) }
        }.all()
        for (tenantID, attempts) in Dictionary(grouping: open, by: \.tenantID) {
            try await database.writeTransaction { transaction in
                try await close(attempts, in: TenantScope(tenantID: tenantID, database: transaction), at: date)
            }
        }
        return open.count
    }

    /// Inside the caller's transaction: closes the agent's open calls that another instance placed (the one whose
    /// expired lease is being taken over). Returns how many.
    static func close(agent userID: UUID, in scope: TenantScope, placedByOtherThan instance: UUID, at date: Date)
        async throws -> Int
    {
        let open = try await scope.query(CallAttempt.self).filter(\.$userID == userID).filter(\.$endedAt == nil)
            .group(.or) { group in
                group.filter(\.$instanceID == nil).filter(\.$instanceID != instance)
            }.all()
        try await close(open, in: scope, at: date)
        return open.count
    }

    private static func close(_ attempts: [CallAttempt], in scope: TenantScope, at date: Date) async throws {
        guard !attempts.isEmpty else { return }
        let rollups = ReportRollups(scope: scope)
        let ids = attempts.compactMap(\.id)
        let before = try await rollups.attempts(ids)
        for attempt in attempts {
            attempt.endedAt = min(date, attempt.answeredAt ?? attempt.startedAt)
            if attempt.result == nil {
                attempt.result = attempt.answeredAt == nil ? .unanswered(.failed) : .answered
            }
            try await attempt.update(on: scope.database)
        }
        let tenant = try await Tenant.find(scope.tenantID, on: scope.database)
        let zone = TenantCalendar(identifier: tenant?.settings.timeZoneIdentifier ?? "Asia/Tokyo").timeZone
        try await rollups.addDifference(before: before, after: try await rollups.attempts(ids), zone: zone)
    }
}
