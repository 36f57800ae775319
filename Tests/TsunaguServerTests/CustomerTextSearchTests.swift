import Fluent
import Foundation
import SQLKit
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// The trigram index behind 会社名, 会社名フリガナ and 住所 searches follows every change to the customers, and is
/// only used where it helps.
@Suite struct CustomerTextSearchTests {
    static func found(_ app: Application, _ column: CustomerTextSearch.Column, _ text: String) async throws -> [String]
    {
        let rows = try await (app.db as! any SQLDatabase).raw(
            "SELECT company FROM customers WHERE \(CustomerTextSearch.matching(column, text, table: Customer.schema)) ORDER BY company"
        ).all()
        return try rows.map { try $0.decode(column: "company", as: String.self) }
    }

    @Test func theIndexFollowsImportsEditsAndDeletes() async throws {
        try await withTestApp { app, _ in
            let scope = try await CustomerImporterTests.tenantScope(app)
            var drafts = CustomerImporterTests.drafts(3)
            drafts[0].company = "ひかり電機株式会社"
            drafts[0].companyKana = "ヒカリデンキ"
            drafts[1].company = "青葉工業"
            drafts[1].address = "中央区日本橋1-2"
            drafts[2].company = "ひかり商事"
            let imported = try await CustomerImporter(scope: scope).importCustomers(drafts, registeredOn: "2026-11-25")
            #expect(try await Self.found(app, .company, "ひかり") == ["ひかり商事", "ひかり電機株式会社"])
            #expect(try await Self.found(app, .companyKana, "デンキ") == ["ひかり電機株式会社"])
            #expect(try await Self.found(app, .address, "日本橋") == ["青葉工業"])
            #expect(try await Self.found(app, .phone, "300000002") == ["ひかり商事"])

            let edited = try #require(try await scope.find(Customer.self, id: imported.insertedIDs[2]))
            edited.company = "つばさ物産"
            try await scope.update(edited)
            #expect(try await Self.found(app, .company, "ひかり") == ["ひかり電機株式会社"])
            #expect(try await Self.found(app, .company, "つばさ") == ["つばさ物産"])

            try await (app.db as! any SQLDatabase).raw("DELETE FROM customers WHERE company = 'ひかり電機株式会社'").run()
            #expect(try await Self.found(app, .company, "ひかり").isEmpty)
            #expect(try await Self.found(app, .companyKana, "デンキ").isEmpty)
        }
    }

    /// Fewer than three characters have no trigram, and typed wildcards must stay literal: those read the rows.
    @Test func shortTextsAndWildcardsReadTheRows() async throws {
        try await withTestApp { app, _ in
            let scope = try await CustomerImporterTests.tenantScope(app)
            _ = try await CustomerImporter(scope: scope).importCustomers(
                CustomerImporterTests.drafts(3), registeredOn: "2026-11-25")
            #expect(try await CustomerTextSearch.usesIndex(.company, "株式会", on: app.db))
            #expect(try await !CustomerTextSearch.usesIndex(.company, "株式", on: app.db))
            #expect(try await !CustomerTextSearch.usesIndex(.company, "株式%会", on: app.db))
            #expect(try await !CustomerTextSearch.usesIndex(.company, "株式_会", on: app.db))
        }
    }
}
