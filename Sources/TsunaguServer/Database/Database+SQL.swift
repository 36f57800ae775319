import FluentKit
import SQLKit

extension SQLSerializer {
    /// Whether this statement is written for PostgreSQL: the one test the dialect-aware expressions
    /// (`SQLUUIDBind`, `SQLContainsText`, `SQLSkipLockedRows`) make.
    var isPostgreSQL: Bool { dialect.name == "postgresql" }
}

extension Database {
    /// This database's SQL interface: every database Tsunagu runs on speaks SQL, and this is the one place that
    /// says so (Fluent hands out its databases as `any Database`).
    var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Tsunagu runs on SQL databases only; \(type(of: self)) is not one")
        }
        return sql
    }

    /// The SQL interface when this is SQLite, for SQLite's own statements (PRAGMAs, FTS5); nil on another database.
    var sqlite: (any SQLDatabase)? {
        let sql = self.sql
        return sql.dialect.name == "sqlite" ? sql : nil
    }
}
