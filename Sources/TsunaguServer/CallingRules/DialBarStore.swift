import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// Every statement about dial bars (the 架電禁止リスト and refusals, `dial_bars`) in one place, inside one tenant:
/// the checks at list build, at ダウンロード and right before every dial, and the manager's changes. The
/// hand-written SQL here filters on the scope's tenant itself, and every read of the bars in force says
/// `lifted_at IS NULL`, which is what lets it use `CreateDialBar`'s partial indexes.
package struct DialBarStore: Sendable {
    let scope: TenantScope

    package init(scope: TenantScope) {
        self.scope = scope
    }

    var tenant: UUID { scope.tenantID }

    /// Bound values per `IN (…)` list: well under SQLite's 32,766 and PostgreSQL's 65,535.
    static let chunkSize = 2_000

    // MARK: The checks

    /// Whether a bar in force is on this number (E.164): the one statement the check right before a dial runs, a
    /// seek on `dial_bars_active_number`.
    package func isBarred(number: String) async throws -> Bool {
        try await scope.sql.raw(
            """
            SELECT 1 AS "barred" FROM \(ident: DialBar.schema) WHERE "tenant_id" = \(uuid: tenant) \
            AND "number" = \(bind: number) AND "lifted_at" IS NULL LIMIT 1
            """
        ).first() != nil
    }

    /// The oldest bar in force on this number, if any.
    func activeBar(number: String) async throws -> DialBar? {
        try await scope.query(DialBar.self).filter(\.$number == number).filter(\.$liftedAt == nil)
            .sort(\.$createdAt).first()
    }

    /// What is barred among some numbers and customers, for checking many rows at once.
    struct Barred: Sendable, Equatable {
        /// The numbers (E.164) a bar in force is on: the list's numbers and the refusals' numbers.
        var numbers: Set<String> = []
        /// The customers with a refusal in force on their record.
        var customers: Set<UUID> = []

        /// Whether a row with this number and customer may not be dialled.
        func contains(number: String?, customer: UUID?) -> Bool {
            number.map(numbers.contains) == true || customer.map(customers.contains) == true
        }
    }

    /// Which of `numbers` and `customers` a bar in force is on; two seeks per value, on the partial indexes.
    func isBarred(numbers: [String], customers: [UUID]) async throws -> Barred {
        var barred = Barred()
        for chunk in Array(Set(numbers)).chunks(of: Self.chunkSize) {
            let rows = try await scope.sql.raw(
                """
                SELECT "number" FROM \(ident: DialBar.schema) WHERE "tenant_id" = \(uuid: tenant) \
                AND "lifted_at" IS NULL AND "number" IN (\(binds: Array(chunk)))
                """
            ).all()
            for row in rows { barred.numbers.insert(try row.decode(column: "number", as: String.self)) }
        }
        for chunk in Array(Set(customers)).chunks(of: Self.chunkSize) {
            let rows = try await scope.sql.raw(
                """
                SELECT "customer_id" FROM \(ident: DialBar.schema) WHERE "tenant_id" = \(uuid: tenant) \
                AND "lifted_at" IS NULL AND "customer_id" IN (\(binds: Array(chunk)))
                """
            ).all()
            for row in rows { barred.customers.insert(try row.decode(column: "customer_id", as: UUID.self)) }
        }
        return barred
    }

    /// The customers among `ids` that may not be dialled: a refusal in force on the customer, or a bar in force on
    /// the customer's number. A few ids are checked one by one on the indexes; for many ids (a list of a million),
    /// whichever side is smaller drives: the tenant's bars, or the ids.
    func barredCustomerIDs(among ids: [UUID]) async throws -> Set<UUID> {
        guard !ids.isEmpty else { return [] }
        if ids.count > Self.chunkSize {
            let bars = try await countActive(upTo: ids.count)
            if bars == 0 { return [] }
            if bars < ids.count { return try await allBarredCustomerIDs().intersection(ids) }
        }
        var barred = Set<UUID>()
        for chunk in ids.chunks(of: Self.chunkSize) {
            let rows = try await scope.sql.raw(
                """
                SELECT c."id" FROM \(ident: Customer.schema) c WHERE c."tenant_id" = \(uuid: tenant) \
                AND c."id" IN (\(binds: Array(chunk))) AND NOT (\(Self.notBarred(customer: "c", tenantID: scope.tenantID)))
                """
            ).all()
            for row in rows { barred.insert(try row.decode(column: "id", as: UUID.self)) }
        }
        return barred
    }

    /// Every customer of the tenant that may not be dialled, read from the bars in force.
    private func allBarredCustomerIDs() async throws -> Set<UUID> {
        let rows = try await scope.sql.raw(
            """
            SELECT "customer_id" AS "id" FROM \(ident: DialBar.schema) WHERE "tenant_id" = \(uuid: tenant) \
            AND "lifted_at" IS NULL AND "customer_id" IS NOT NULL
            UNION SELECT c."id" FROM \(ident: DialBar.schema) b JOIN \(ident: Customer.schema) c \
            ON c."tenant_id" = \(uuid: tenant) AND c."phone_e164" = b."number" \
            WHERE b."tenant_id" = \(uuid: tenant) AND b."lifted_at" IS NULL
            """
        ).all()
        return Set(try rows.map { try $0.decode(column: "id", as: UUID.self) })
    }

    /// How many bars are in force, counting no further than `limit`.
    func countActive(upTo limit: Int) async throws -> Int {
        let row = try await scope.sql.raw(
            """
            SELECT COUNT(*) AS "bars" FROM (SELECT 1 AS "one" FROM \(ident: DialBar.schema) \
            WHERE "tenant_id" = \(uuid: tenant) AND "lifted_at" IS NULL LIMIT \(bind: limit)) AS "active"
            """
        ).first()
        return try row?.decode(column: "bars", as: Int.self) ?? 0
    }

    // MARK: Conditions for other statements

    /// `FROM … WHERE …` of the bars in force on these numbers: a seek per number on `dial_bars_active_number`, for a
    /// statement that selects `"number"` (the check before a dial reads it with its other facts, `DialGateFacts`).
    static func inForce(numbers: [String], tenantID: UUID) -> SQLQueryString {
        """
        FROM \(ident: DialBar.schema) WHERE "tenant_id" = \(uuid: tenantID) \
        AND "lifted_at" IS NULL AND "number" IN (\(binds: numbers))
        """
    }

    /// `FROM … WHERE …` of the bars in force on these customers: a seek per customer on `dial_bars_active_customer`,
    /// for a statement that selects `"customer_id"`.
    static func inForce(customers: [UUID], tenantID: UUID) -> SQLQueryString {
        """
        FROM \(ident: DialBar.schema) WHERE "tenant_id" = \(uuid: tenantID) \
        AND "lifted_at" IS NULL AND "customer_id" IN (\(uuids: customers))
        """
    }

    /// No bar in force on the customer `alias` (its own refusal) nor on its number: the condition on every row
    /// ダウンロード hands out and on 顧客一覧's 「架電禁止を除く」. Two NOT EXISTS, each one seek on a partial index
    /// (one OR would make SQLite read both indexes for every row).
    static func notBarred(customer alias: String, tenantID: UUID) -> SQLQueryString {
        let tenant = tenantID
        return """
            NOT EXISTS (SELECT 1 FROM \(ident: DialBar.schema) b WHERE b."tenant_id" = \(uuid: tenant) \
            AND b."lifted_at" IS NULL AND b."customer_id" = \(ident: alias)."id") \
            AND NOT EXISTS (SELECT 1 FROM \(ident: DialBar.schema) b WHERE b."tenant_id" = \(uuid: tenant) \
            AND b."lifted_at" IS NULL AND b."number" = \(ident: alias)."phone_e164")
            """
    }

    /// The customer `alias` is barred: for 顧客一覧's 「架電禁止のみ」. Written as `IN` on the bars rather than
    /// EXISTS, so that SQLite reads the (usually few) bars and looks their customers up, instead of testing every
    /// customer of the tenant (1.2 s at a million customers; 10 ms this way with a thousand bars).
    static func barred(customer alias: String, tenantID: UUID) -> SQLQueryString {
        let tenant = tenantID
        return """
            (\(ident: alias)."id" IN (SELECT b."customer_id" FROM \(ident: DialBar.schema) b \
            WHERE b."tenant_id" = \(uuid: tenant) AND b."lifted_at" IS NULL AND b."customer_id" IS NOT NULL) \
            OR \(ident: alias)."phone_e164" IN (SELECT b."number" FROM \(ident: DialBar.schema) b \
            WHERE b."tenant_id" = \(uuid: tenant) AND b."lifted_at" IS NULL AND b."number" IS NOT NULL))
            """
    }
}
