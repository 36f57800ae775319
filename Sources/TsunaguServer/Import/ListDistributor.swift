import FluentKit
import Foundation
import SQLKit

/// 配布: hands a list's waiting rows to agents, split evenly in list order, or puts them in a shared pool that
/// agents draw from on ダウンロード. Rows already on a screen or reported stay where they are.
package struct ListDistributor: Sendable {
    let scope: TenantScope

    package init(scope: TenantScope) {
        self.scope = scope
    }

    package enum Mode: String, Sendable, CaseIterable {
        case evenSplit
        case sharedPool
    }

    enum Failure: Error, Equatable {
        case noAgents
        case unknownAgent
    }

    /// Returns how many waiting rows went to each agent (the pool counts as nil).
    @discardableResult
    package func distribute(listID: UUID, mode: Mode, agentIDs: [UUID]) async throws -> [UUID?: Int] {
        let list = try await scope.require(CallList.self, id: listID)
        if mode == .evenSplit {
            guard !agentIDs.isEmpty else { throw Failure.noAgents }
            let known = try await scope.query(User.self).filter(\.$id ~~ agentIDs).filter(\.$disabled == false).count()
            guard known == Set(agentIDs).count else { throw Failure.unknownAgent }
        }
        return try await scope.transaction { scope in
            let waiting = try await scope.query(CallListEntry.self).filter(\.$callListID == listID)
                .filter(\.$state == .waiting).sort(\.$position).all()
            var counts: [UUID?: Int] = [:]
            let sql = scope.database.sql
            switch mode {
            case .sharedPool:
                try await scope.query(CallListEntry.self).filter(\.$callListID == listID).filter(\.$state == .waiting)
                    .set(\.$assignedUserID, to: nil).update()
                counts[nil] = waiting.count
            case .evenSplit:
                // Contiguous blocks, so each agent works a stretch of the list in its order.
                let per = waiting.count / agentIDs.count
                let extra = waiting.count % agentIDs.count
                var start = 0
                for (index, agent) in agentIDs.enumerated() {
                    let size = per + (index < extra ? 1 : 0)
                    let ids = waiting[start..<(start + size)].compactMap(\.id)
                    for chunk in ids.chunks(of: 500) {
                        try await scope.query(CallListEntry.self).filter(\.$id ~~ Array(chunk))
                            .set(\.$assignedUserID, to: agent).update()
                    }
                    counts[agent] = size
                    start += size
                }
            }
            list.distribution = mode == .sharedPool ? .sharedPool : .evenSplit
            try await scope.update(list)
            // 配布済 on the customers of the list.
            try await sql.raw(
                """
                UPDATE \(ident: Customer.schema) SET "distributed" = \(bind: true)
                WHERE "tenant_id" = \(uuid: scope.tenantID) AND "id" IN (
                    SELECT "customer_id" FROM \(ident: CallListEntry.schema)
                    WHERE "call_list_id" = \(uuid: listID) AND "tenant_id" = \(uuid: scope.tenantID))
                """
            ).run()
            return counts
        }
    }
}
