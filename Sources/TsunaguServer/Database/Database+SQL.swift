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

extension Database {
    /// Runs `work` in a transaction that, on SQLite, takes the write lock before anything else. A transaction that
    /// reads before it writes could otherwise find its snapshot outdated by another connection's commit (the phone
    /// screens' writer commits all day, heartbeats included) and fail with BUSY_SNAPSHOT instead of waiting.
    /// PostgreSQL locks rows, not the database, and has no such failure.
    func writeTransaction<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await transaction { transaction in
            try await transaction.takeSQLiteWriteLock()
            return try await work(transaction)
        }
    }

    /// Inside a transaction on SQLite: takes the write lock now (a write that matches no row takes it all the same).
    func takeSQLiteWriteLock() async throws {
        guard sqlite != nil else { return }
        try await sql.raw(
            "UPDATE \(ident: AgentDeskRecord.schema) SET \(ident: "cursor") = \(ident: "cursor") WHERE 1 = 0"
        ).run()
    }
}
