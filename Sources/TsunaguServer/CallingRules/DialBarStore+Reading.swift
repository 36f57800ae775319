import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import TsunaguCore

/// The bars as people read them: the 架電禁止リスト page, its CSV, 顧客一覧's marks and 顧客編集.
extension DialBarStore {
    /// The 架電禁止リスト page's search.
    struct Search: Sendable, Equatable {
        /// The number typed, matched as 顧客一覧 matches it (whole number, start, or digits anywhere).
        var number: CustomerSearch.PhoneMatch?
        /// Lifted bars too, not only those in force.
        var includeLifted = false
    }

    /// The bars of the search, newest first (`dial_bars_tenant_created_id` gives that order without sorting).
    func query(_ search: Search) -> QueryBuilder<DialBar> {
        var query = scope.query(DialBar.self)
        switch (search.number, search.includeLifted) {
        case (.exact(let e164), true):
            // One seek on each partial index: in force, and lifted.
            query = query.group(.or) { either in
                either.group(.and) { $0.filter(\.$number == e164).filter(\.$liftedAt == nil) }
                    .group(.and) { $0.filter(\.$number == e164).filter(\.$liftedAt != nil) }
            }
        case (.exact(let e164), false): query = query.filter(\.$number == e164)
        case (.prefix(let start), _):
            query = query.filter(\.$number >= start).filter(\.$number < CustomerSearch.PhoneMatch.end(ofPrefix: start))
        case (.contains(let digits), _):
            query = query.filter(.sql(SQLContainsText(SQLColumn("number", table: DialBar.schema), digits)))
        case (nil, _): break
        }
        if !search.includeLifted { query = query.filter(\.$liftedAt == nil) }
        return query
    }

    /// How many bars match, counting no further than `limit` (ids only, as 顧客一覧 counts).
    func count(_ search: Search, upTo limit: Int) async throws -> Int {
        let counted = NIOLockedValueBox(0)
        try await query(search).field(\.$id).limit(limit).run { _ in counted.withLockedValue { $0 += 1 } }
        return counted.withLockedValue { $0 }
    }

    /// One page of the search, newest first.
    func page(_ search: Search, offset: Int, limit: Int) async throws -> [DialBar] {
        try await query(search).sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .range(offset..<(offset + limit)).all()
    }

    /// The bars in force on these customers or these numbers (顧客一覧's page, a few dozen of each).
    func activeBars(customers: [UUID], numbers: [String]) async throws -> [DialBar] {
        var bars: [UUID: DialBar] = [:]
        for chunk in customers.chunks(of: Self.chunkSize) {
            for bar in try await scope.query(DialBar.self).filter(\.$customerID ~~ Array(chunk))
                .filter(\.$liftedAt == nil).all()
            {
                bars[bar.id ?? UUID()] = bar
            }
        }
        for chunk in numbers.chunks(of: Self.chunkSize) {
            for bar in try await scope.query(DialBar.self).filter(\.$number ~~ Array(chunk))
                .filter(\.$liftedAt == nil).all()
            {
                bars[bar.id ?? UUID()] = bar
            }
        }
        return bars.values.sorted { ($0.createdAt, $0.id?.uuidString ?? "") < ($1.createdAt, $1.id?.uuidString ?? "") }
    }

    /// Every bar, in force or lifted, on the customer or on its number: what 顧客編集 shows, oldest first.
    func bars(ofCustomer customerID: UUID, number: String) async throws -> [DialBar] {
        var bars: [UUID: DialBar] = [:]
        for inForce in [true, false] {
            // Each read is one seek on a partial index: in force (`CreateDialBar`) or lifted (`AddDialBarPageIndexes`).
            let byCustomer = scope.query(DialBar.self).filter(\.$customerID == customerID)
            let byNumber = scope.query(DialBar.self).filter(\.$number == number)
            for query in [byCustomer, byNumber] {
                let found = try await (inForce ? query.filter(\.$liftedAt == nil) : query.filter(\.$liftedAt != nil))
                    .all()
                for bar in found { bars[bar.id ?? UUID()] = bar }
            }
        }
        return bars.values.sorted { ($0.createdAt, $0.id?.uuidString ?? "") < ($1.createdAt, $1.id?.uuidString ?? "") }
    }

    /// What the CSV download writes of one bar in force.
    struct ExportRow: Sendable {
        var number: String?
        var source: DialBarSource
        var note: String
        var createdAt: Date
        var createdBy: UUID?
    }

    /// Every bar in force, `size` at a time in id order (time-ordered ids: the order they were added), without
    /// holding more than one batch in memory.
    func forEachActiveBatch(size: Int = 5_000, _ body: ([ExportRow]) async throws -> Void) async throws {
        var after: UUID?
        while true {
            var query: SQLQueryString = """
                SELECT "id", "number", "source", "note", "created_at", "created_by" FROM \(ident: DialBar.schema) \
                WHERE "tenant_id" = \(bind: tenant) AND "lifted_at" IS NULL
                """
            if let after { query += " AND \"id\" > \(bind: after)" }
            query += " ORDER BY \"id\" LIMIT \(bind: size)"
            let rows = try await scope.sql.raw(query).all()
            if rows.isEmpty { return }
            let batch = try rows.map { row in
                ExportRow(
                    number: try row.decodeNil(column: "number") ? nil : row.decode(column: "number", as: String.self),
                    source: DialBarSource(rawValue: try row.decode(column: "source", as: String.self)) ?? .manual,
                    note: try row.decode(column: "note", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: Date.self),
                    createdBy: try row.decodeNil(column: "created_by")
                        ? nil : row.decode(column: "created_by", as: UUID.self))
            }
            try await body(batch)
            guard rows.count == size else { return }
            after = try rows.last?.decode(column: "id", as: UUID.self)
        }
    }
}
