import Foundation
import SQLKit

/// PostgreSQL's own statements, in one place (SQLite's are beside the features they serve: `SQLitePragmas`,
/// `AddCustomerTextSearch`'s FTS5, `WALCheckpointer`, `PlannerStatistics`).
enum PostgresStatements {
    /// 顧客一覧's text search: trigram indexes serve `LIKE`/`ILIKE '%…%'` on each searched column, as FTS5's trigram
    /// table does on SQLite. They need a cluster made with a UTF-8 locale (`initdb --locale=C.UTF-8`): under the C
    /// locale, pg_trgm drops non-ASCII characters and the index cannot narrow a Japanese search.
    static let trigramColumns = ["company", "company_kana", "address", "phone_e164"]

    static func createTextSearch(on sql: any SQLDatabase) async throws {
        try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
        for column in trigramColumns {
            try await sql.raw(
                """
                CREATE INDEX \(ident: "customers_\(column)_trigram") ON \(ident: "customers") \
                USING gin (\(ident: column) gin_trgm_ops)
                """
            ).run()
        }
    }

    /// Session advisory lock keys (one 64-bit key space for the whole database; "tsunagu" and a number).
    enum LockKey: Int64 {
        case migrations = 0x7473_756E_6167_7501
        /// Held by the leader: the instance that runs the jobs that must run once (`InstanceLiveness`).
        case leader = 0x7473_756E_6167_7502
    }

    /// Takes the session advisory lock `key` on `connection` if it is free; true when this session holds it now.
    static func tryLock(_ key: LockKey, on connection: any SQLDatabase) async throws -> Bool {
        struct Row: Decodable { var locked: Bool }
        let row = try await connection.raw("SELECT pg_try_advisory_lock(\(bind: key.rawValue)) AS locked")
            .first(decoding: Row.self)
        return row?.locked ?? false
    }

    /// Whether this connection's session holds the advisory lock `key` (a connection that was re-opened lost it).
    static func holds(_ key: LockKey, on connection: any SQLDatabase) async throws -> Bool {
        struct Row: Decodable { var held: Bool }
        // A 64-bit key is kept as two 32-bit halves, with objsubid 1.
        let high = Int64(UInt64(bitPattern: key.rawValue) >> 32)
        let low = Int64(UInt64(bitPattern: key.rawValue) & 0xFFFF_FFFF)
        let row = try await connection.raw(
            """
            SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() \
            AND granted AND objsubid = 1 AND classid::bigint = \(bind: high) AND objid::bigint = \(bind: low)) AS held
            """
        ).first(decoding: Row.self)
        return row?.held ?? false
    }

    /// Runs `body` holding the session advisory lock `key`, taken on `connection`: another instance asking for the
    /// same lock waits until `body` is done. `connection` must be one connection, not a pool (the lock belongs to
    /// the session that took it).
    static func holding<T: Sendable>(
        _ key: LockKey, on connection: any SQLDatabase, _ body: () async throws -> T
    ) async throws -> T {
        try await connection.raw("SELECT pg_advisory_lock(\(bind: key.rawValue))").run()
        let result: T
        do {
            result = try await body()
        } catch {
            _ = try? await connection.raw("SELECT pg_advisory_unlock(\(bind: key.rawValue))").run()
            throw error
        }
        try await connection.raw("SELECT pg_advisory_unlock(\(bind: key.rawValue))").run()
        return result
    }

    /// Inside a transaction: holds a lock per (tenant, number) until the transaction ends, taken in one order so two
    /// transactions never wait for each other's. Two instances recording a dial of one number at once are then decided
    /// one after the other: the second reads the first's attempt (the calling rules' check, `DialGateCheck`).
    static func lockNumbers(_ numbers: Set<String>, of tenantID: UUID, on transaction: any SQLDatabase) async throws {
        guard !numbers.isEmpty else { return }
        let keys = numbers.map { "\(tenantID.uuidString):\($0)" }.sorted()
        try await transaction.raw(
            """
            SELECT COUNT(pg_advisory_xact_lock("k")) FROM (SELECT hashtextextended("n", 0) AS "k" \
            FROM unnest(\(bind: keys)::text[]) AS "n" ORDER BY 1) AS "ordered"
            """
        ).run()
    }

    static func dropTextSearch(on sql: any SQLDatabase) async throws {
        for column in trigramColumns {
            try await sql.raw("DROP INDEX IF EXISTS \(ident: "customers_\(column)_trigram")").run()
        }
    }
}

/// `FOR UPDATE OF alias SKIP LOCKED` on PostgreSQL, nothing on SQLite: a claiming subquery locks the rows it picks,
/// stepping over rows another claim holds at that moment instead of waiting for them (and then finding them taken).
/// SQLite runs one writer at a time, so its claims never meet.
struct SQLSkipLockedRows: SQLExpression {
    let alias: String

    func serialize(to serializer: inout SQLSerializer) {
        guard serializer.isPostgreSQL else { return }
        serializer.write(" FOR UPDATE OF ")
        SQLIdentifier(alias).serialize(to: &serializer)
        serializer.write(" SKIP LOCKED")
    }
}

/// ` FOR UPDATE` on PostgreSQL, nothing on SQLite: a SELECT in a transaction locks the rows it reads until the
/// transaction ends, so another transaction's change of them waits. SQLite's writer holds the whole database.
struct SQLLockRowsForUpdate: SQLExpression {
    func serialize(to serializer: inout SQLSerializer) {
        guard serializer.isPostgreSQL else { return }
        serializer.write(" FOR UPDATE")
    }
}
