import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// What the check before a dial needs to know about a batch's new attempts, read in one statement: the tenant's
/// settings, the bars in force on the numbers and customers, the numbers' dials since 180 s before the earliest
/// attempt, and the lists' own rules. One statement instead of five keeps the writer's transaction (and every
/// screen's commit waiting on it) short. Each part is a `UNION ALL` branch of the same five columns, told apart by
/// `kind`; each branch is a seek on its own index.
struct DialGateFacts {
    var tenant: TenantSettingsCache.Entry?
    var barred = DialBarStore.Barred()
    /// When each number was dialled in the window the redial limit looks at.
    var dials: [String: [Date]] = [:]
    var listRules: [UUID: CallListRules] = [:]

    private enum Kind: Int {
        case settings = 0
        case barredNumber = 1
        case barredCustomer = 2
        case dial = 3
        case listRules = 4
    }

    /// Values per part and statement: with four parts, well under SQLite's 32,766 bound values.
    static let chunkSize = 2_000

    static func read(
        for attempts: [DeskChanges.NewAttempt], scope: TenantScope, settingsCache: TenantSettingsCache
    ) async throws -> DialGateFacts {
        var facts = DialGateFacts()
        guard let earliest = attempts.map(\.startedAt).min() else { return facts }
        let since = RedialLimit.windowStart(before: earliest)
        let numbers = Array(Set(attempts.map(\.number)))
        let customers = Array(Set(attempts.compactMap(\.customerID)))
        let lists = Array(Set(attempts.compactMap(\.callListID)))
        let chunks = max(
            1,
            [numbers, customers.map(\.uuidString), lists.map(\.uuidString)].map {
                ($0.count + chunkSize - 1) / chunkSize
            }.max()!)
        for index in 0..<chunks {
            func part<T>(_ values: [T]) -> [T] {
                Array(values.dropFirst(index * chunkSize).prefix(chunkSize))
            }
            var branches: [SQLQueryString] = []
            if index == 0 {
                branches.append(
                    """
                    SELECT \(kind(.settings)) AS "kind", \(null(.text)) AS "number", \(null(.uuid)) AS "ref", \
                    \(null(.timestamp)) AS "at", CAST("settings" AS TEXT) AS "text" FROM \(ident: Tenant.schema) \
                    WHERE "id" = \(bind: scope.tenantID)
                    """)
            }
            let chunkNumbers = part(numbers)
            if !chunkNumbers.isEmpty {
                branches.append(
                    """
                    SELECT \(kind(.barredNumber)), "number", \(null(.uuid)), \(null(.timestamp)), \(null(.text)) \
                    \(DialBarStore.inForce(numbers: chunkNumbers, tenantID: scope.tenantID))
                    """)
                branches.append(
                    """
                    SELECT \(kind(.dial)), "number", \(null(.uuid)), "started_at", \(null(.text)) \
                    FROM \(ident: CallAttempt.schema) WHERE "tenant_id" = \(bind: scope.tenantID) \
                    AND "number" IN (\(binds: chunkNumbers)) AND "started_at" > \(bind: since)
                    """)
            }
            let chunkCustomers = part(customers)
            if !chunkCustomers.isEmpty {
                branches.append(
                    """
                    SELECT \(kind(.barredCustomer)), \(null(.text)), "customer_id", \(null(.timestamp)), \
                    \(null(.text)) \(DialBarStore.inForce(customers: chunkCustomers, tenantID: scope.tenantID))
                    """)
            }
            let chunkLists = part(lists)
            if !chunkLists.isEmpty {
                branches.append(
                    """
                    SELECT \(kind(.listRules)), \(null(.text)), "id", \(null(.timestamp)), "rules" \
                    FROM \(ident: CallList.schema) WHERE "tenant_id" = \(bind: scope.tenantID) \
                    AND "id" IN (\(binds: chunkLists))
                    """)
            }
            var statement = branches[0]
            for branch in branches.dropFirst() {
                statement += " UNION ALL "
                statement += branch
            }
            for row in try await scope.sql.raw(statement).all() {
                switch Kind(rawValue: try row.decode(column: "kind", as: Int.self)) {
                case .settings:
                    facts.tenant = try settingsCache.settings(
                        of: scope.tenantID, stored: try row.decode(column: "text", as: String.self))
                case .barredNumber:
                    facts.barred.numbers.insert(try row.decode(column: "number", as: String.self))
                case .barredCustomer:
                    facts.barred.customers.insert(try row.decode(column: "ref", as: UUID.self))
                case .dial:
                    facts.dials[try row.decode(column: "number", as: String.self), default: []].append(
                        try row.decode(column: "at", as: Date.self))
                case .listRules:
                    facts.listRules[try row.decode(column: "ref", as: UUID.self)] = CallList.rules(
                        from: try row.decode(column: "text", as: String?.self))
                case nil: continue
                }
            }
        }
        return facts
    }

    /// A branch's kind, written as a literal so that the column has one type on every database.
    private static func kind(_ kind: Kind) -> SQLQueryString {
        "\(unsafeRaw: String(kind.rawValue))"
    }

    private enum ColumnType {
        case text
        case uuid
        case timestamp
    }

    /// A typed NULL, so that every branch of the union has the same column types on PostgreSQL too (an untyped NULL
    /// in the first two branches would be taken as text there).
    private static func null(_ type: ColumnType) -> SQLQueryString {
        switch type {
        case .text: "CAST(NULL AS TEXT)"
        case .uuid: "CAST(NULL AS UUID)"
        case .timestamp: "CAST(NULL AS TIMESTAMP)"
        }
    }
}
