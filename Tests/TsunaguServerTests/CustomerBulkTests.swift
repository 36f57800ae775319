import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// 顧客 CSV ダウンロード, 削除 and リスト再作成 act on exactly the filtered set, inside the tenant, and obey the
/// tenant's setting.
@Suite struct CustomerBulkTests {
    @Test func downloadIsTheFilteredSetInCP932OrUTF8() async throws {
        try await withTestApp { app, client in
            _ = try await CustomerListFilterTests.fixture(app)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let cp932 = try await client.send(.GET, "/customers/export?prefecture=%E6%9D%B1%E4%BA%AC%E9%83%BD")  // 東京都
            #expect(cp932.status == .ok)
            #expect(cp932.headers.first(name: .contentType)?.contains("Shift_JIS") == true)
            let decoded = try TextFileDecoder.decode(Array(cp932.body.readableBytesView)).get()
            #expect(decoded.encoding == .cp932)
            let text = String(decoding: decoded.utf8, as: UTF8.self)
            let lines = text.split(separator: "\r\n").map(String.init)
            #expect(lines.count == 2, "header and さくら商事 (the deleted one is not in the default search)")
            #expect(lines[0].hasPrefix("区分,業種,会社名,会社名フリガナ,担当者名,電話番号"))
            #expect(lines[1].contains("さくら商事") && lines[1].contains("03-1111-2222") && lines[1].contains("不応答"))
            // The file imports again as it is.
            let reread = try CustomerCSVImport.read(Array(cp932.body.readableBytesView)).get()
            #expect(reread.rows.map(\.customer.company) == ["さくら商事"] && reread.problems.isEmpty)

            let utf8 = try await client.send(.GET, "/customers/export?deleted=on&encoding=utf8")
            let bytes = Array(utf8.body.readableBytesView)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let all = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(all.contains("消えた会社") && all.contains("削除済") && !all.contains("ブラボー"))
            #expect(all.split(separator: "\r\n").count == 7)

            let bad = try await client.send(.GET, "/customers/export?from=2024/13/01")
            #expect(bad.status == .badRequest)
        }
    }

    /// The download reads the set in id order a batch at a time, the next batch while the current one is written:
    /// every customer of the tenant once, in order, whatever the batch size, and a failed write stops the reading.
    @Test func downloadReadsTheSetInBatchesInIDOrder() async throws {
        try await withTestApp { app, _ in
            let fixture = try await CustomerListFilterTests.fixture(app)
            let scope = TenantScope(tenantID: fixture.tenants.a, database: app.db)
            let admin = try #require(try await scope.query(User.self).filter(\.$loginID == "admin").first())
            let adminID = try admin.requireID()
            let signedIn = SignedIn(
                userID: adminID, tenantID: fixture.tenants.a, loginID: "admin", name: admin.name,
                role: .admin, tenantName: "alpha", settings: TenantSettings(),
                permissions: Permissions(
                    userID: adminID, isAdministrator: true, mayCreateLists: true, settings: TenantSettings()))
            var search = CustomerSearch()
            search.includeDeleted = true
            let query = try await CustomerQuery(scope: scope, search: search, signedIn: signedIn)
            let expected = try await scope.query(Customer.self).withDeleted().all().map { try $0.requireID() }
                .sorted { $0.uuidString < $1.uuidString }
            #expect(expected.count == 6, "five of the fixture, one of TwoTenants")
            for size in [1, 2, 4, 6, 7, 2_000] {
                var batches: [[UUID]] = []
                try await query.forEachExportBatch(size: size) { rows in batches.append(rows.map(\.id)) }
                #expect(batches.flatMap { $0 } == expected, "size \(size)")
                #expect(batches.allSatisfy { !$0.isEmpty && $0.count <= size }, "size \(size)")
                #expect(batches.count == (expected.count + size - 1) / size, "size \(size)")
            }
            struct WriteFailed: Error {}
            var written = 0
            await #expect(throws: WriteFailed.self) {
                try await query.forEachExportBatch(size: 2) { _ in
                    written += 1
                    if written == 2 { throw WriteFailed() }
                }
            }
            #expect(written == 2)
        }
    }

    @Test func deleteAsksFirstThenDeletesExactlyTheSet() async throws {
        try await withTestApp { app, client in
            let fixture = try await CustomerListFilterTests.fixture(app)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let question = try await client.send(.GET, "/customers/delete?status=noAnswer&status=callback")
            #expect(question.body.string.contains("検索条件に一致する顧客2件を削除します"))
            #expect(try await Self.liveCompanies(app, fixture.tenants.a).count == 5)
            let done = try await client.send(.POST, "/customers/delete", form: ["status": "noAnswer", "kana": "サクラ"])
            #expect(done.body.string.contains("1件の顧客を削除しました"))
            #expect(
                try await Self.liveCompanies(app, fixture.tenants.a) == ["みなと水産", "ひかり電機", "アルファ株式会社", "青葉工業"].sorted())
            #expect(try await Self.liveCompanies(app, fixture.tenants.b) == ["ブラボー株式会社"])
            let forged = try await client.send(.POST, "/customers/delete", form: ["kana": "サクラ"], withCSRF: false)
            #expect(forged.status == .forbidden)
        }
    }

    @Test func recreateListFromTheSearch() async throws {
        try await withTestApp { app, client in
            let fixture = try await CustomerListFilterTests.fixture(app)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            // Last time's 不応答 and 再架電 customers, as a new list.
            let response = try await client.send(
                .POST, "/customers/list", form: ["name": "再架電リスト", "status": "callback", "deleted": "on"])
            #expect(response.status == .seeOther)
            let scope = TenantScope(tenantID: fixture.tenants.a, database: app.db)
            let list = try #require(try await scope.query(CallList.self).filter(\.$name == "再架電リスト").first())
            let entries = try await scope.query(CallListEntry.self).filter(\.$callListID == list.requireID()).all()
            let companies = try await scope.query(Customer.self).filter(\.$id ~~ entries.map(\.customerID)).all().map(
                \.company)
            #expect(companies == ["青葉工業"])
            #expect(try await client.send(.GET, "/lists?created=1").body.string.contains("1件のコールリストを作成しました"))
            let unnamed = try await client.send(.POST, "/customers/list", form: ["name": " ", "status": "callback"])
            #expect(unnamed.status == .badRequest)
        }
    }

    @Test func agentsAreRefusedWhenTheTenantTurnsItOff() async throws {
        try await withTestApp { app, client in
            let fixture = try await CustomerListFilterTests.fixture(app)
            let tenant = try #require(try await Tenant.find(fixture.tenants.a, on: app.db))
            tenant.settings.csvExportAndDeleteEnabled = false
            try await tenant.save(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            let page = try await client.send(.GET, "/customers").body.string
            #expect(
                !page.contains("/customers/export") && !page.contains("/customers/delete") && !page.contains("リスト再作成"))
            #expect(try await client.send(.GET, "/customers/export").status == .forbidden)
            #expect(try await client.send(.GET, "/customers/delete").status == .forbidden)
            #expect(try await client.send(.POST, "/customers/delete", form: [:]).status == .forbidden)
            #expect(try await client.send(.POST, "/customers/list", form: ["name": "x"]).status == .forbidden)
            #expect(try await Self.liveCompanies(app, fixture.tenants.a).count == 5)

            tenant.settings.csvExportAndDeleteEnabled = true
            try await tenant.save(on: app.db)
            let allowed = try await client.send(.GET, "/customers").body.string
            #expect(allowed.contains("/customers/export") && !allowed.contains("リスト再作成"))
        }
    }

    static func liveCompanies(_ app: Application, _ tenant: UUID) async throws -> [String] {
        try await TenantScope(tenantID: tenant, database: app.db).query(Customer.self).all().map(\.company).sorted()
    }
}
