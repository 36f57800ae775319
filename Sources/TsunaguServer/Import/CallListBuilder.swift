import FluentKit
import Foundation
import SQLKit

/// Creates a call list (コールリスト作成) of customers, in order, within one transaction. A customer barred from
/// dialling (a refusal in force, or its number on the 架電禁止リスト) is left out: the rules are enforced when a
/// list is built, again at ダウンロード, and right before every dial.
package struct CallListBuilder: Sendable {
    let scope: TenantScope

    package init(scope: TenantScope) {
        self.scope = scope
    }

    static let batchSize = 2_000

    /// What was built.
    package struct Built: Sendable, Equatable {
        package var listID: UUID
        /// Customers in the list.
        package var entries: Int
        /// Customers left out because they may not be dialled.
        package var skippedBarred: Int
    }

    /// Returns the new list's id. Entries wait in the pool until the list is distributed (配布).
    package func create(name: String, customerIDs: [UUID], createdBy: UUID?) async throws -> UUID {
        try await build(name: name, customerIDs: customerIDs, createdBy: createdBy).listID
    }

    /// Builds the list of the customers that may be dialled, in the given order, and says how many were left out.
    package func build(name: String, customerIDs: [UUID], createdBy: UUID?) async throws -> Built {
        let built = try await scope.transaction { scope in
            let list = CallList(tenantID: scope.tenantID, name: name, createdByUserID: createdBy)
            try await scope.create(list)
            let listID = try list.requireID()
            let barred = try await DialBarStore(scope: scope).barredCustomerIDs(among: customerIDs)
            let allowed = barred.isEmpty ? customerIDs : customerIDs.filter { !barred.contains($0) }
            let sql = scope.database.sql
            let ids = UUID.timeOrderedSequence(count: allowed.count)
            for (batchIndex, batch) in allowed.chunks(of: Self.batchSize).enumerated() {
                var insert = sql.insert(into: CallListEntry.schema)
                    .columns("id", "tenant_id", "call_list_id", "customer_id", "position", "assigned_user_id", "state")
                for (offset, customerID) in batch.enumerated() {
                    let position = batchIndex * Self.batchSize + offset
                    insert = insert.values(
                        SQLUUIDBind(ids[position]), SQLUUIDBind(scope.tenantID),
                        SQLUUIDBind(listID),
                        SQLUUIDBind(customerID), SQLBind(position), SQLLiteral.null,
                        SQLBind(CallListEntry.State.waiting.rawValue))
                }
                try await insert.run()
            }
            return Built(listID: listID, entries: allowed.count, skippedBarred: customerIDs.count - allowed.count)
        }
        if built.entries >= 1_000 {
            try await PlannerStatistics.refresh([CallListEntry.schema], on: scope.database)
        }
        return built
    }
}
