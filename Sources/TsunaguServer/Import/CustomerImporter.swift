import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// Stores checked customers for a tenant in one transaction: a failure half-way leaves nothing behind.
struct CustomerImporter: Sendable {
    enum DuplicatePolicy: String, Sendable, Codable, CaseIterable {
        /// A customer whose normalised number is already in the tenant is left as it is.
        case skip
        /// The existing customer takes the file's values.
        case update
    }

    struct Summary: Sendable, Equatable {
        var inserted = 0
        var updated = 0
        var skipped = 0
        /// The ids of the new customers, in file order.
        var insertedIDs: [UUID] = []
    }

    let scope: TenantScope
    var policy: DuplicatePolicy = .skip
    var ownerUserID: UUID? = nil
    /// Called after each stored batch with the number of rows stored so far; tests throw here to crash mid-import.
    var afterBatch: (@Sendable (Int) throws -> Void)? = nil

    /// Rows per INSERT statement: 20 columns × 1,000 rows stays under SQLite's 32,766 bound parameters.
    static let batchSize = 1_000

    static let columns = [
        "id", "tenant_id", "kind", "industry", "company", "company_kana", "contact_name", "prefecture", "address",
        "phone", "phone_e164", "email", "note", "owner_user_id", "registered_on", "distributed", "final_status",
        "created_at", "updated_at", "deleted_at",
    ]

    func importCustomers(_ drafts: [CustomerDraft], registeredOn: String, now: Date = Date()) async throws -> Summary {
        let policy = policy
        let owner = ownerUserID
        let afterBatch = afterBatch
        return try await scope.transaction { scope in
            var existing: [String: UUID] = [:]
            for customer in try await scope.query(Customer.self).field(\.$id).field(\.$phoneE164).all() {
                if let id = customer.id { existing[customer.phoneE164] = id }
            }
            var summary = Summary()
            var seenInFile = Set<String>()
            var fresh: [(UUID, CustomerDraft)] = []
            var updates: [(UUID, CustomerDraft)] = []
            for draft in drafts {
                let number = draft.phone.e164
                if let id = existing[number] {
                    if policy == .update { updates.append((id, draft)) } else { summary.skipped += 1 }
                    continue
                }
                guard seenInFile.insert(number).inserted else {
                    summary.skipped += 1
                    continue
                }
                fresh.append((UUID(), draft))
            }
            let sql = scope.database as! any SQLDatabase
            var stored = 0
            for batch in fresh.chunks(of: Self.batchSize) {
                var insert = sql.insert(into: Customer.schema).columns(Self.columns)
                for (id, draft) in batch {
                    insert = insert.values(
                        Self.values(
                            id: id, tenantID: scope.tenantID.uuidString, draft: draft, owner: owner?.uuidString,
                            registeredOn: registeredOn, now: now))
                }
                try await insert.run()
                stored += batch.count
                try afterBatch?(stored)
            }
            for (id, draft) in updates {
                guard let customer = try await scope.find(Customer.self, id: id) else { continue }
                customer.apply(draft)
                try await scope.update(customer)
            }
            summary.inserted = fresh.count
            summary.insertedIDs = fresh.map(\.0)
            summary.updated = updates.count
            return summary
        }
    }

    /// UUIDs go in as their `uuidString`, exactly as Fluent's encoder writes them, but without its generic
    /// (slow) encoding path; nil is a literal NULL.
    private static func values(
        id: UUID, tenantID: String, draft: CustomerDraft, owner: String?, registeredOn: String, now: Date
    ) -> [any SQLExpression] {
        [
            SQLBind(id.uuidString), SQLBind(tenantID), draft.kind.map { SQLBind($0.rawValue) } ?? SQLLiteral.null,
            SQLBind(draft.industry), SQLBind(draft.company), SQLBind(draft.companyKana), SQLBind(draft.contactName),
            SQLBind(draft.prefecture), SQLBind(draft.address), SQLBind(draft.phone.entered), SQLBind(draft.phone.e164),
            SQLBind(draft.email), SQLBind(draft.note), owner.map { SQLBind($0) } ?? SQLLiteral.null,
            SQLBind(registeredOn), SQLBind(false), SQLBind(FinalStatus.notCalled.rawValue), SQLBind(now), SQLBind(now),
            SQLLiteral.null,
        ]
    }
}

extension Array {
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
