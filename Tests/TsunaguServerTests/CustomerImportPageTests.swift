import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// 顧客インポート: upload, preview with every rejected row, confirm in one go, optionally as a call list.
@Suite struct CustomerImportPageTests {
    /// An Excel-style CP932 file: a good row, three bad ones, an unknown column, a duplicate of an existing customer.
    static let file: [UInt8] = CP932.encode(
        "会社名,電話番号,担当者名,都道府県,社内コード\r\n"
            + "株式会社インポート1,03-5555-0001,佐藤,東京都,A1\r\n"
            + "株式会社インポート2,TEL0355550002,鈴木,東京都,A2\r\n"
            + "株式会社インポート3,03-5555-0003,高橋,東京府,A3\r\n"
            + "アルファ株式会社(既存),03-0000-2001,,,A4\r\n"
            + ",03-5555-0005,,,A5\r\n"
            + "株式会社インポート6,0355550006,田中,大阪府,A6\r\n")

    @Test func previewThenConfirmAsACallList() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            let scope = TenantScope(tenantID: tenants.a, database: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            #expect(try await client.send(.GET, "/customers/import").status == .ok)

            let preview = try await client.upload("/customers/import", fileName: "顧客.csv", bytes: Self.file)
            #expect(preview.status == .ok)
            let html = preview.body.string
            #expect(html.contains("Shift_JIS (CP932)"))
            #expect(html.contains("取り込める行: 3件") && html.contains("取り込めない行: 3件"))
            #expect(html.contains("<td>3</td><td>電話番号に英字が含まれています。</td>"))
            #expect(html.contains("<td>4</td><td>都道府県「東京府」が正しくありません。</td>"))
            #expect(html.contains("<td>6</td><td>会社名または担当者名が必要です。</td>"))
            #expect(html.contains("「社内コード」"))
            #expect(try await scope.query(Customer.self).count() == 1, "nothing is stored before confirmation")

            let token = try #require(
                html.range(of: "name=\"token\" value=\"").map { String(html[$0.upperBound...].prefix(32)) })
            let done = try await client.send(
                .POST, "/customers/import/confirm",
                form: ["token": token, "duplicates": "skip", "listName": "インポートリスト"])
            #expect(done.body.string.contains("新規 2件、更新 0件、重複のため取り込まず 1件、エラー 3件"))
            #expect(try await scope.query(Customer.self).count() == 3)
            let list = try #require(try await scope.query(CallList.self).filter(\.$name == "インポートリスト").first())
            let entries = try await scope.query(CallListEntry.self).filter(\.$callListID == list.requireID()).sort(
                \.$position
            ).all()
            #expect(entries.count == 3, "the list holds the existing customer too")
            #expect(entries.map(\.position) == [0, 1, 2] && entries.allSatisfy { $0.state == .waiting })

            let listed = try await client.send(.GET, "/customers?list=\(try list.requireID().uuidString)").body.string
            #expect(listed.contains("3件中 1-3件表示") && listed.contains("株式会社インポート6"))

            let again = try await client.send(.POST, "/customers/import/confirm", form: ["token": token])
            #expect(again.status == .badRequest, "a confirmation is used once")
            #expect(try await scope.query(Customer.self).count() == 3)
        }
    }

    @Test func badFilesAreExplained() async throws {
        try await withTestApp(configure: { $0.uploadLimitBytes = 1_024 }) { app, client in
            _ = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "admin", password: TwoTenants.password)
            let binary = try await client.upload(
                "/customers/import", fileName: "photo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x0D])
            #expect(binary.status == .badRequest && binary.body.string.contains("CSV ファイルではありません"))
            let noPhone = try await client.upload(
                "/customers/import", fileName: "x.csv", bytes: Array("会社名,住所\nA,B\n".utf8))
            #expect(noPhone.body.string.contains("「電話番号」の列がありません"))
            let big = try await client.upload(
                "/customers/import", fileName: "big.csv", bytes: Array(repeating: 0x41, count: 200_000))
            #expect(big.status == .payloadTooLarge && big.body.string.contains("ファイルが大きすぎます"))
            let forged = try await client.send(.POST, "/customers/import/confirm", form: ["token": "deadbeef"])
            #expect(forged.status == .badRequest)
        }
    }

    @Test func agentsWithoutListRightsCannotImport() async throws {
        try await withTestApp { app, client in
            let tenants = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            #expect(try await client.send(.GET, "/customers/import").status == .forbidden)
            #expect(
                try await client.upload("/customers/import", fileName: "x.csv", bytes: Self.file).status == .forbidden)
            #expect(try await TenantScope(tenantID: tenants.a, database: app.db).query(Customer.self).count() == 1)
        }
    }
}
