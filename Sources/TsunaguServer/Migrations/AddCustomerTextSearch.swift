import FluentKit
import SQLKit

/// A trigram index over the text that 顧客一覧 and 通話一覧 search inside (会社名, 会社名フリガナ, 住所, and the
/// digits of 電話番号), so
/// `LIKE '%ひかり%'` on a million customers reads the few matching rows instead of every row. SQLite's FTS5 with
/// the trigram tokenizer; it reads the text from `customers` itself (external content), and triggers keep it in
/// step with every insert, edit and delete. On PostgreSQL, pg_trgm's GIN indexes on the same columns
/// (`PostgresStatements.createTextSearch`), which its planner uses for the LIKE itself.
struct AddCustomerTextSearch: AsyncMigration {
    static let table = "customer_text"

    func prepare(on database: any Database) async throws {
        guard let sql = database.sqlite else { return try await PostgresStatements.createTextSearch(on: database.sql) }
        try await sql.raw(
            """
            CREATE VIRTUAL TABLE customer_text USING fts5(
                company, company_kana, address, phone_e164, content='customers', content_rowid='rowid', tokenize='trigram')
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER customer_text_insert AFTER INSERT ON customers BEGIN
                INSERT INTO customer_text (rowid, company, company_kana, address, phone_e164)
                VALUES (new.rowid, new.company, new.company_kana, new.address, new.phone_e164);
            END
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER customer_text_delete AFTER DELETE ON customers BEGIN
                INSERT INTO customer_text (customer_text, rowid, company, company_kana, address, phone_e164)
                VALUES ('delete', old.rowid, old.company, old.company_kana, old.address, old.phone_e164);
            END
            """
        ).run()
        try await sql.raw(
            """
            CREATE TRIGGER customer_text_update AFTER UPDATE OF company, company_kana, address, phone_e164 ON customers BEGIN
                INSERT INTO customer_text (customer_text, rowid, company, company_kana, address, phone_e164)
                VALUES ('delete', old.rowid, old.company, old.company_kana, old.address, old.phone_e164);
                INSERT INTO customer_text (rowid, company, company_kana, address, phone_e164)
                VALUES (new.rowid, new.company, new.company_kana, new.address, new.phone_e164);
            END
            """
        ).run()
        try await sql.raw("INSERT INTO customer_text (customer_text) VALUES ('rebuild')").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database.sqlite else { return try await PostgresStatements.dropTextSearch(on: database.sql) }
        for trigger in ["customer_text_insert", "customer_text_delete", "customer_text_update"] {
            try await sql.raw("DROP TRIGGER IF EXISTS \(ident: trigger)").run()
        }
        try await sql.raw("DROP TABLE IF EXISTS customer_text").run()
    }
}
