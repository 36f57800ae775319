import FluentKit
import Foundation
import SQLKit

/// Many rows of this tenant in one statement each: what the phone screens' writer needs to store a batch of
/// commits without a statement per row. Portable SQL (CASE … WHEN, multi-row VALUES) for SQLite and PostgreSQL.
extension TenantScope {
    typealias Value = any Encodable & Sendable

    /// Inserts rows into `table` with this tenant's id in `tenant_id`, whatever the caller holds.
    func insertRows(into table: String, columns: [String], rows: [[Value]]) async throws {
        for chunk in rows.chunks(of: Self.rowsPerStatement) {
            var insert = sql.insert(into: table).columns(["tenant_id"] + columns)
            for row in chunk { insert = insert.values([SQLBind(tenantID)] + row.map { SQLBind($0) }) }
            try await insert.run()
        }
    }

    /// Sets `columns` of each row found by `key` to that row's values, in one UPDATE per chunk. Only rows of this
    /// tenant are touched, and with `owner` only rows whose owner column holds the row's owner.
    func updateRows(
        in table: String, key: String = "id", columns: [String],
        rows: [(key: Value, values: [Value])], owner: (column: String, values: [Value])? = nil,
        andWhere condition: SQLQueryString? = nil
    ) async throws {
        let statements = updateStatements(
            in: table, key: key, columns: columns, rows: rows, owner: owner, andWhere: condition)
        for statement in statements { try await sql.raw(statement).run() }
    }

    /// The UPDATE statements of `updateRows`, a chunk of rows each.
    func updateStatements(
        in table: String, key: String = "id", columns: [String],
        rows: [(key: Value, values: [Value])], owner: (column: String, values: [Value])? = nil,
        andWhere condition: SQLQueryString? = nil
    ) -> [SQLQueryString] {
        stride(from: 0, to: rows.count, by: Self.rowsPerStatement).map { start in
            let range = start..<min(rows.count, start + Self.rowsPerStatement)
            func byKey(_ value: (Int) -> Value) -> SQLQueryString {
                var expression: SQLQueryString = "CASE \(ident: key)"
                for index in range { expression += " WHEN \(bind: rows[index].key) THEN \(bind: value(index))" }
                return expression + " END"
            }
            let sets = columns.indices.map { column -> SQLQueryString in
                "\(ident: columns[column]) = " + byKey { rows[$0].values[column] }
            }
            var query: SQLQueryString = "UPDATE \(ident: table) SET " + sets.joined(separator: ", ")
            // The tenant test is an expression rather than a bare column comparison, so that the planner cannot
            // prefer a tenant index (and scan all the tenant's rows) over the keys' own index.
            query += " WHERE (\(ident: "tenant_id") = \(bind: tenantID)) = TRUE AND \(ident: key) IN ("
            query += rows[range].map { row -> SQLQueryString in "\(bind: row.key)" }.joined(separator: ", ") + ")"
            if let owner { query += " AND \(ident: owner.column) = " + byKey { owner.values[$0] } }
            if let condition { query += " AND " + condition }
            return query
        }
    }

    /// Bounds the binds of one statement (SQLite allows 32,766, PostgreSQL 65,535).
    private static let rowsPerStatement = 100
}
