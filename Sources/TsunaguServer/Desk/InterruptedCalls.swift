import FluentKit
import Foundation
import TsunaguCore

/// 通話一覧 after a crash: calls left open by a server that stopped mid-call ended then, and their outcome is
/// unknown. When it stopped is not known either: such a call is dated as ended at the last thing known of it (its
/// answer, or its start), so the time the server was down never counts as talk time. (The phone screens write call attempts through `DeskChanges`.) The report roll-ups take the
/// difference in the same transaction.
enum InterruptedCalls {
    static func close(on database: any Database, at date: Date) async throws -> Int {
        let open = try await CallAttempt.query(on: database).filter(\.$endedAt == nil).all()
        let byTenant = Dictionary(grouping: open, by: \.tenantID)
        for (tenantID, attempts) in byTenant {
            try await database.transaction { transaction in
                let scope = TenantScope(tenantID: tenantID, database: transaction)
                let rollups = ReportRollups(scope: scope)
                let ids = attempts.compactMap(\.id)
                let before = try await rollups.attempts(ids)
                for attempt in attempts {
                    attempt.endedAt = min(date, attempt.answeredAt ?? attempt.startedAt)
                    if attempt.result == nil {
                        attempt.result = attempt.answeredAt == nil ? .unanswered(.failed) : .answered
                    }
                    try await attempt.update(on: transaction)
                }
                let tenant = try await Tenant.find(tenantID, on: transaction)
                let zone = TenantCalendar(identifier: tenant?.settings.timeZoneIdentifier ?? "Asia/Tokyo").timeZone
                try await rollups.addDifference(before: before, after: try await rollups.attempts(ids), zone: zone)
            }
        }
        return open.count
    }
}
