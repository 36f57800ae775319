import FluentKit
import SQLKit

/// Searching inside 会社名, 会社名フリガナ, 住所 and 電話番号's digits through the trigram index (`AddCustomerTextSearch`) where it is
/// quicker than reading every row: SQLite only, at least three characters, no LIKE wildcards typed, and not so
/// common that the matches are better found by reading rows in page order. The LIKE on the column itself always
/// stays as well, so the index can only narrow the rows, never change the answer.
enum CustomerTextSearch {
    enum Column: String, Sendable {
        case company, companyKana = "company_kana", address, phone = "phone_e164"
    }

    /// Above this many matching rows (all tenants), reading in page order finds a page sooner than collecting
    /// and sorting the matches.
    static let candidateLimit = 20_000

    static func usesIndex(_ column: Column, _ text: String, on database: any Database) async throws -> Bool {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite", text.unicodeScalars.count >= 3,
            !text.contains(where: { $0 == "%" || $0 == "_" || $0 == "\\" })
        else { return false }
        let row = try await sql.raw(
            """
            SELECT COUNT(*) AS \(ident: "matches") FROM (SELECT rowid FROM \(ident: AddCustomerTextSearch.table) \
            WHERE \(ident: column.rawValue) LIKE \(bind: "%" + text + "%") LIMIT \(unsafeRaw: String(candidateLimit + 1)))
            """
        ).first()
        return try (row?.decode(column: "matches", as: Int.self) ?? 0) <= candidateLimit
    }

    /// `table.rowid IN (the index's matches)`, for `table` the customers table or its alias.
    static func matching(_ column: Column, _ text: String, table: String) -> any SQLExpression {
        SQLQueryString(
            """
            \(ident: table).rowid IN (SELECT rowid FROM \(ident: AddCustomerTextSearch.table) \
            WHERE \(ident: column.rawValue) LIKE \(bind: "%" + text + "%"))
            """)
    }
}
