import FluentKit
import Foundation
import SQLKit

/// Creates a call list (コールリスト作成) of customers, in order, within one transaction.
package struct CallListBuilder: Sendable {
    let scope: TenantScope

    package init(scope: TenantScope) {
        self.scope = scope
    }

    static let batchSize = 2_000

    /// Returns the new list's id. Entries wait in the pool until the list is distributed (配布).
    package func create(name: String, customerIDs: [UUID], createdBy: UUID?) async throws -> UUID {
        let listID = try await scope.transaction { scope in
            let list = CallList(tenantID: scope.tenantID, name: name, createdByUserID: createdBy)
            try await scope.create(list)
            let listID = try list.requireID()
            let sql = scope.database.sql
            let ids = UUID.timeOrderedSequence(count: customerIDs.count)
            for (batchIndex, batch) in customerIDs.chunks(of: Self.batchSize).enumerated() {
                var insert = sql.insert(into: CallListEntry.schema)
                    .columns("id", "tenant_id", "call_list_id", "customer_id", "position", "assigned_user_id", "state")
                for (offset, customerID) in batch.enumerated() {
                    let position = batchIndex * Self.batchSize + offset
                    insert = insert.values(
                        SQLBind(ids[position].uuidString), SQLBind(scope.tenantID.uuidString),
                        SQLBind(listID.uuidString),
                        SQLBind(customerID.uuidString), SQLBind(position), SQLLiteral.null,
                        SQLBind(CallListEntry.State.waiting.rawValue))
                }
                try await insert.run()
            }
            return listID
        }
        if customerIDs.count >= 1_000 {
            try await PlannerStatistics.refresh([CallListEntry.schema], on: scope.database)
        }
        return listID
    }
}
