import Foundation
import SQLKit
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// SQLite's planner statistics follow bulk changes: without them it chose the wrong index for 登録日付 on a
/// million customers.
@Suite(.enabled(if: TestDatabase.isSQLite, "SQLite's sqlite_stat1; PostgreSQL's autovacuum measures its tables"))
struct PlannerStatisticsTests {
    static func measuredIndexes(_ app: Application, table: String) async throws -> Set<String> {
        let sql = app.db.sql
        guard try await sql.raw("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() != nil else {
            return []
        }
        let rows = try await sql.raw("SELECT idx FROM sqlite_stat1 WHERE tbl = \(bind: table)").all()
        return Set(
            try rows.compactMap { try $0.decodeNil(column: "idx") ? nil : $0.decode(column: "idx", as: String.self) })
    }

    @Test func anImportMeasuresTheCustomerIndexes() async throws {
        try await withTestApp { app, _ in
            let scope = try await CustomerImporterTests.tenantScope(app)
            _ = try await CustomerImporter(scope: scope).importCustomers(
                CustomerImporterTests.drafts(1_200), registeredOn: "2026-11-25")
            let measured = try await Self.measuredIndexes(app, table: Customer.schema)
            #expect(
                measured.isSuperset(of: [
                    "customers_tenant_registered_created", "customers_tenant_created", "customers_tenant_phone",
                ]))
        }
    }

    @Test func aNewCallListMeasuresItsEntries() async throws {
        try await withTestApp { app, _ in
            let scope = try await CustomerImporterTests.tenantScope(app)
            let imported = try await CustomerImporter(scope: scope).importCustomers(
                CustomerImporterTests.drafts(1_200), registeredOn: "2026-11-25")
            _ = try await CallListBuilder(scope: scope).create(
                name: "リスト", customerIDs: imported.customerIDs, createdBy: nil)
            #expect(
                try await Self.measuredIndexes(app, table: CallListEntry.schema).contains("call_list_entries_customer"))
        }
    }

    /// Calls are written one by one all day, never through a bulk path: the periodic optimize measures them.
    @Test func optimizeMeasuresTablesThatGrewWithoutAnImport() async throws {
        try await withTestApp { app, _ in
            let sql = app.db.sql
            // The first time, nothing was ever measured; the second, another table grew after the first measure.
            for table in ["grown", "grown_later"] {
                try await sql.raw("CREATE TABLE \(ident: table) (id INTEGER PRIMARY KEY, kind TEXT)").run()
                try await sql.raw("CREATE INDEX \(ident: table + "_kind") ON \(ident: table) (kind)").run()
                try await sql.raw(
                    """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                    INSERT INTO \(ident: table) SELECT i, i % 7 FROM n
                    """
                ).run()
                #expect(try await Self.measuredIndexes(app, table: table).isEmpty)
                try await PlannerStatistics.optimize(on: app.db)
                #expect(try await Self.measuredIndexes(app, table: table).contains(table + "_kind"))
            }
        }
    }
}
