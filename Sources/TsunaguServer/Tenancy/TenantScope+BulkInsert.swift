import FluentKit
import Foundation
import SQLKit
import SQLiteNIO

/// One value of a bulk insert (`TenantScope.insertRows(into:columns:count:values:)`).
enum BatchValue: Sendable {
    case text(String)
    case uuid(UUID)
    case integer(Int)
    case date(Date)
    case null

    /// As SQLite's driver stores it (the same conversions Fluent's encoder makes: a UUID as its text, a date as
    /// seconds since 1970).
    var sqlite: SQLiteData {
        switch self {
        case .text(let text): .text(text)
        case .uuid(let uuid): .text(uuid.uuidString)
        case .integer(let value): .integer(value)
        case .date(let date): date.sqliteData ?? .null
        case .null: .null
        }
    }

    var expression: any SQLExpression {
        switch self {
        case .text(let text): SQLBind(text)
        case .uuid(let uuid): SQLBind(uuid)
        case .integer(let value): SQLBind(value)
        case .date(let date): SQLBind(date)
        case .null: SQLLiteral.null
        }
    }
}

/// Very many rows of this tenant, as few statements as the binds allow: what a million-row import needs.
extension TenantScope {
    /// Inserts `count` rows into `table` with this tenant's id in `tenant_id`; `values(i)` gives row `i`'s values
    /// for `columns`. On SQLite each statement carries thousands of rows, bound as SQLite's own data: no Encodable
    /// on the way, which is what lets a million rows go in at more than 100,000 a second. Run it inside
    /// `transaction`, so that the rows commit together (and SQLite syncs once).
    func insertRows(into table: String, columns: [String], count: Int, values: (Int) -> [BatchValue]) async throws {
        let width = columns.count + 1
        let tenant = tenantID.uuidString
        guard let sqlite = database as? any SQLiteDatabase else {
            for start in stride(from: 0, to: count, by: Self.portableRowsPerStatement) {
                var insert = sql.insert(into: table).columns(["tenant_id"] + columns)
                for index in start..<min(count, start + Self.portableRowsPerStatement) {
                    insert = insert.values([SQLBind(tenantID)] + values(index).map(\.expression))
                }
                try await insert.run()
            }
            return
        }
        let perStatement = max(1, min(Self.sqliteRowsPerStatement, Self.sqliteMaximumBinds / width))
        let fullStatement = Self.insertSQL(table: table, columns: columns, rows: perStatement)
        for start in stride(from: 0, to: count, by: perStatement) {
            let rows = min(perStatement, count - start)
            var binds: [SQLiteData] = []
            binds.reserveCapacity(rows * width)
            for index in start..<(start + rows) {
                binds.append(.text(tenant))
                for value in values(index) { binds.append(value.sqlite) }
            }
            let statement =
                rows == perStatement ? fullStatement : Self.insertSQL(table: table, columns: columns, rows: rows)
            _ = try await sqlite.query(statement, binds)
        }
    }

    /// `INSERT INTO "table" ("tenant_id", …) VALUES (?, …), …` for `rows` rows.
    private static func insertSQL(table: String, columns: [String], rows: Int) -> String {
        let names = (["tenant_id"] + columns).map { "\"\($0)\"" }.joined(separator: ",")
        let placeholders = "(" + Array(repeating: "?", count: columns.count + 1).joined(separator: ",") + ")"
        return "INSERT INTO \"\(table)\" (\(names)) VALUES "
            + Array(repeating: placeholders, count: rows).joined(separator: ",")
    }

    /// SQLite allows 32,766 bound parameters to a statement.
    private static let sqliteMaximumBinds = 32_766
    /// Beyond this many rows a statement gets no faster and only its text grows.
    private static let sqliteRowsPerStatement = 4_000
    /// Elsewhere (PostgreSQL allows 65,535 binds), through SQLKit's builder.
    private static let portableRowsPerStatement = 1_000
}
