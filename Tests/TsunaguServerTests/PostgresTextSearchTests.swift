import FluentKit
import Foundation
import SQLKit
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// On PostgreSQL, 顧客一覧's text search goes through pg_trgm's indexes (SQLite's FTS5 counterpart is
/// `CustomerTextSearchTests`): Japanese text is narrowed by the index, Latin letters match in either case, and what
/// was typed is matched literally.
@Suite(.enabled(if: TestDatabase.isPostgres, "pg_trgm; SQLite's FTS5: CustomerTextSearchTests"))
struct PostgresTextSearchTests {
    static func companies(_ scope: TenantScope, _ text: String) async throws -> [String] {
        try await scope.sql.select().column("company").from(Customer.schema)
            .where("tenant_id", .equal, scope.tenantID)
            .where(SQLContainsText(SQLColumn("company"), text)).orderBy("company").all()
            .map { try $0.decode(column: "company", as: String.self) }
    }

    @Test func japaneseSearchesAreServedByTheTrigramIndex() async throws {
        try await withTestApp { app, _ in
            let scope = try await CustomerImporterTests.tenantScope(app)
            var drafts = CustomerImporterTests.drafts(4_000)
            let named = ["ひかり電機株式会社", "有限会社ひかり", "ABC商事", "100%ジュース販売", "みどり_運輸"]
            for (index, name) in named.enumerated() { drafts[index * 7].company = name }
            _ = try await CustomerImporter(scope: scope).importCustomers(drafts, registeredOn: "2026-12-01")

            #expect(try await Self.companies(scope, "ひかり") == ["ひかり電機株式会社", "有限会社ひかり"])
            #expect(try await Self.companies(scope, "abc") == ["ABC商事"], "Latin letters in either case, as SQLite")
            #expect(try await Self.companies(scope, "0%ジ") == ["100%ジュース販売"], "% is a character, not a wildcard")
            #expect(try await Self.companies(scope, "り_運") == ["みどり_運輸"])
            #expect(try await Self.companies(scope, "り運").isEmpty, "_ is a character, not any character")

            // Whether the planner may read the index for it: with sequential scans off, a search the index cannot
            // serve would still read the whole table.
            let plan = try await app.db.transaction { transaction in
                let sql = transaction.sql
                try await sql.raw("SET LOCAL enable_seqscan = off").run()
                let rows = try await sql.raw(
                    "EXPLAIN SELECT \"company\" FROM \"customers\" WHERE \(SQLContainsText(SQLColumn("company"), "ひかり"))"
                ).all()
                return try rows.map { try $0.decode(column: "QUERY PLAN", as: String.self) }.joined(separator: "\n")
            }
            #expect(plan.contains("customers_company_trigram"), "\(plan)")
        }
    }
}
