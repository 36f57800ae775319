import FluentKit
import Foundation
import SQLKit
import SQLiteNIO
import TsunaguCore

/// Stores checked customers for a tenant in one transaction: a failure half-way leaves nothing behind.
package struct CustomerImporter: Sendable {
    enum DuplicatePolicy: String, Sendable, Codable, CaseIterable {
        /// A customer whose normalised number is already in the tenant is left as it is.
        case skip
        /// The existing customer takes the file's values.
        case update
    }

    package struct Summary: Sendable, Equatable {
        package var inserted = 0
        var updated = 0
        var skipped = 0
        /// The ids of the new customers, in file order.
        var insertedIDs: [UUID] = []
        /// Every good row's customer, new or already there, in file order without repeats (for a call list).
        package var customerIDs: [UUID] = []
    }

    let scope: TenantScope
    var policy: DuplicatePolicy = .skip
    var ownerUserID: UUID? = nil
    /// Called after each stored batch with the number of rows stored so far; tests throw here to crash mid-import.
    var afterBatch: (@Sendable (Int) throws -> Void)? = nil

    /// Rows per INSERT statement: 20 columns × 1,600 rows stays under SQLite's 32,766 bound parameters.
    static let batchSize = 1_600

    static let columns = [
        "id", "tenant_id", "kind", "industry", "company", "company_kana", "contact_name", "prefecture", "address",
        "phone", "phone_e164", "email", "note", "owner_user_id", "registered_on", "distributed", "final_status",
        "created_at", "updated_at", "deleted_at",
    ]

    package func importCustomers(
        _ drafts: [CustomerDraft], registeredOn: String, now: Date = Date()
    ) async throws -> Summary {
        let policy = policy
        let owner = ownerUserID
        let afterBatch = afterBatch
        let summary = try await scope.transaction { scope in
            // Only the file's numbers are looked up (on the tenant+phone index): loading every customer of a big
            // tenant to find duplicates took a minute per million.
            var existing: [String: UUID] = [:]
            let numbers = Array(Set(drafts.map(\.phone.e164)))
            for chunk in numbers.chunks(of: 500) {
                let found = try await scope.query(Customer.self).filter(\.$phoneE164 ~~ Array(chunk))
                    .field(\.$id).field(\.$phoneE164).all()
                for customer in found {
                    if let id = customer.id { existing[customer.phoneE164] = id }
                }
            }
            var summary = Summary()
            var seenInFile = Set<String>()
            var fresh: [(UUID, CustomerDraft)] = []
            let ids = UUID.timeOrderedSequence(count: drafts.count, at: now)
            var updates: [(UUID, CustomerDraft)] = []
            var listed = Set<UUID>()
            for draft in drafts {
                let number = draft.phone.e164
                if let id = existing[number] {
                    if policy == .update { updates.append((id, draft)) } else { summary.skipped += 1 }
                    if listed.insert(id).inserted { summary.customerIDs.append(id) }
                    continue
                }
                guard seenInFile.insert(number).inserted else {
                    summary.skipped += 1
                    continue
                }
                let id = ids[fresh.count]
                fresh.append((id, draft))
                listed.insert(id)
                summary.customerIDs.append(id)
            }
            let sql = scope.database.sql
            if let sqlite = scope.database.sqlite {
                // A larger page cache for this connection while the indexes grow (64 MiB).
                try await sqlite.raw("PRAGMA cache_size = -65536").run()
            }
            var stored = 0
            for batch in fresh.chunks(of: Self.batchSize) {
                if let sqlite = scope.database as? any SQLiteDatabase {
                    // SQLite: one prepared multi-row INSERT with its values bound directly.
                    var binds: [SQLiteData] = []
                    binds.reserveCapacity(batch.count * Self.columns.count)
                    for (id, draft) in batch {
                        binds += Self.sqliteValues(
                            id: id, tenantID: scope.tenantID.uuidString, draft: draft, owner: owner?.uuidString,
                            registeredOn: registeredOn, now: now)
                    }
                    _ = try await sqlite.query(Self.insertSQL(rows: batch.count), binds)
                } else {
                    var insert = sql.insert(into: Customer.schema).columns(Self.columns)
                    for (id, draft) in batch {
                        insert = insert.values(
                            Self.values(
                                id: id, tenantID: scope.tenantID, draft: draft, owner: owner,
                                registeredOn: registeredOn,
                                now: now))
                    }
                    try await insert.run()
                }
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
        if summary.inserted > 0 { try await PlannerStatistics.refresh([Customer.schema], on: scope.database) }
        return summary
    }

    /// The values through SQLKit's builder (PostgreSQL); nil is a literal NULL.
    private static func values(
        id: UUID, tenantID: UUID, draft: CustomerDraft, owner: UUID?, registeredOn: String, now: Date
    ) -> [any SQLExpression] {
        [
            SQLUUIDBind(id), SQLUUIDBind(tenantID), draft.kind.map { SQLBind($0.rawValue) } ?? SQLLiteral.null,
            SQLBind(draft.industry), SQLBind(draft.company), SQLBind(draft.companyKana), SQLBind(draft.contactName),
            SQLBind(draft.prefecture), SQLBind(draft.address), SQLBind(draft.phone.entered), SQLBind(draft.phone.e164),
            SQLBind(draft.email), SQLBind(draft.note), owner.map { SQLUUIDBind($0) } ?? SQLLiteral.null,
            SQLBind(registeredOn), SQLBind(false), SQLBind(FinalStatus.notCalled.rawValue), SQLBind(now), SQLBind(now),
            SQLLiteral.null,
        ]
    }
}

extension CustomerImporter {
    /// With the stored properties' defaults (duplicates skipped, no owner); written out, as the memberwise
    /// initialiser cannot be given an access level.
    package init(scope: TenantScope) {
        self.scope = scope
    }
}

extension CustomerImporter {
    static func insertSQL(rows: Int) -> String {
        let placeholders = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        let values = Array(repeating: placeholders, count: rows).joined(separator: ",")
        return
            "INSERT INTO \"\(Customer.schema)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ","))) VALUES \(values)"
    }

    /// The same values as `values(…)`, in the form SQLite's driver stores them (its own conversions).
    static func sqliteValues(
        id: UUID, tenantID: String, draft: CustomerDraft, owner: String?, registeredOn: String, now: Date
    ) -> [SQLiteData] {
        let timestamp = now.sqliteData ?? .null
        return [
            .text(id.uuidString), .text(tenantID), draft.kind.map { .text($0.rawValue) } ?? .null,
            .text(draft.industry),
            .text(draft.company), .text(draft.companyKana), .text(draft.contactName), .text(draft.prefecture),
            .text(draft.address), .text(draft.phone.entered), .text(draft.phone.e164), .text(draft.email),
            .text(draft.note), owner.map { .text($0) } ?? .null, .text(registeredOn), false.sqliteData ?? .integer(0),
            .text(FinalStatus.notCalled.rawValue), timestamp, timestamp, .null,
        ]
    }
}

extension Array {
    package func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
