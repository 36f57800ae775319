import Fluent
import Foundation
import Testing
import TsunaguCore
import Vapor

@testable import TsunaguServer

/// 架電禁止リスト's CSV import (preview naming every bad line, then the import) and download, which reads back.
@Suite struct DoNotCallImportTests {
    /// An Excel-style CP932 file: good numbers, one already barred, one written twice, three bad lines.
    static let cp932File: [UInt8] = CP932.encode(
        "電話番号,メモ,登録元\r\n"
            + "03-5555-0001,本人より電話,営業部\r\n"
            + "TEL03-5555-0002,英字,\r\n"
            + "03-5555-0003,,\r\n"
            + ",番号なし,\r\n"
            + "0355550001,二度目,\r\n"
            + "03-1234-5678,登録済み,\r\n"
            + "03-5555-0004,メモ,営業部,余分\r\n")

    static func token(_ html: String) throws -> String {
        try #require(html.range(of: "name=\"token\" value=\"").map { String(html[$0.upperBound...].prefix(32)) })
    }

    @Test func cp932PreviewNamesBadLinesThenImports() async throws {
        try await withTestApp { app, client in
            let (_, store) = try await DoNotCallPageTests.signedInAdmin(app, client)
            try await client.send(.POST, "/do-not-call", form: ["number": "03-1234-5678"])

            let preview = try await client.upload("/do-not-call/import", fileName: "禁止.csv", bytes: Self.cp932File)
            #expect(preview.status == .ok)
            let html = preview.body.string
            #expect(html.contains("Shift_JIS (CP932)") && html.contains("見出し行あり") && html.contains("「登録元」"))
            #expect(html.contains("新たに登録する番号: 2件") && html.contains("登録済みの番号: 1件"))
            #expect(html.contains("ファイル内の重複: 1件") && html.contains("取り込めない行: 3件"))
            #expect(html.contains("<td>3</td><td>電話番号に英字が含まれています。</td>"))
            #expect(html.contains("<td>5</td><td>電話番号が入力されていません。</td>"))
            #expect(html.contains("<td>8</td><td>項目数が見出し行より多くなっています"))
            #expect(try await store.countActive(upTo: 100) == 1, "nothing is stored before confirmation")

            let token = try Self.token(html)
            let done = try await client.send(.POST, "/do-not-call/import/confirm", form: ["token": token])
            #expect(done.status == .ok)
            #expect(done.body.string.contains("新規 2件、登録済み 1件、ファイル内の重複 1件、エラー 3件"))
            #expect(try await store.countActive(upTo: 100) == 3)
            let imported = try #require(try await store.activeBar(number: "+81355550001"))
            #expect(imported.source == .csvImport && imported.note == "本人より電話" && imported.createdBy != nil)
            #expect(done.body.string.contains("架電禁止(CSV)") && done.body.string.contains("0355550003"))
            #expect(
                try await store.activeBar(number: "+81312345678")?.source == .manual, "the barred one is left as it was"
            )

            let again = try await client.send(.POST, "/do-not-call/import/confirm", form: ["token": token])
            #expect(again.status == .badRequest, "a confirmation is used once")
            #expect(try await store.countActive(upTo: 100) == 3)
        }
    }

    /// A UTF-8 file of numbers only, without a header, and files that cannot be read at all.
    @Test func utf8NumbersOnlyAndBadFiles() async throws {
        try await withTestApp(configure: { $0.uploadLimitBytes = 4_096 }) { app, client in
            let (_, store) = try await DoNotCallPageTests.signedInAdmin(app, client)
            let numbers = Array("\u{FEFF}090-1111-0001\n０９０１１１１０００２\n090-1111\n".utf8)
            let preview = try await client.upload("/do-not-call/import", fileName: "numbers.txt", bytes: numbers)
            let html = preview.body.string
            #expect(html.contains("UTF-8 (BOM)") && html.contains("電話番号のみ(見出し行なし)"))
            #expect(html.contains("新たに登録する番号: 2件") && html.contains("<td>3</td><td>電話番号の桁数が足りません。</td>"))
            try await client.send(.POST, "/do-not-call/import/confirm", form: ["token": try Self.token(html)])
            #expect(try await store.isBarred(number: "+819011110002"))

            let noNumber = try await client.upload(
                "/do-not-call/import", fileName: "x.csv", bytes: Array("会社名,メモ\nA,B\n".utf8))
            #expect(noNumber.status == .badRequest && noNumber.body.string.contains("「電話番号」の列がなく"))
            let binary = try await client.upload("/do-not-call/import", fileName: "x.png", bytes: [0x89, 0x50, 0x00])
            #expect(binary.status == .badRequest && binary.body.string.contains("CSV ファイルではありません"))
            let big = try await client.upload(
                "/do-not-call/import", fileName: "big.csv", bytes: Array(repeating: 0x31, count: 200_000))
            #expect(big.status == .payloadTooLarge && big.body.string.contains("ファイルが大きすぎます"))
            let none = try await client.send(.POST, "/do-not-call/import", form: [:])
            #expect(none.status == .badRequest && none.body.string.contains("ファイルを選んでください。"))
            let forged = try await client.send(.POST, "/do-not-call/import/confirm", form: ["token": "deadbeef"])
            #expect(forged.status == .badRequest)
            #expect(try await store.countActive(upTo: 100) == 2)
        }
    }

    /// The download lists the bars in force (refusals among them) with its header, in CP932 or UTF-8; lifted bars
    /// are not in it; and the file imports again as it is.
    @Test func exportRoundTrip() async throws {
        try await withTestApp { app, client in
            let (tenants, store) = try await DoNotCallPageTests.signedInAdmin(app, client)
            try await client.send(.POST, "/do-not-call", form: ["number": "03-5555-0001", "note": "本人, 「二度と」"])
            try await client.send(.POST, "/do-not-call", form: ["number": "090-5555-0002"])
            try await client.send(.POST, "/do-not-call", form: ["number": "03-5555-0003", "note": "解除する"])
            let refusal = DialBar(
                tenantID: tenants.a, number: "+81300002001", customerID: tenants.customerOfA, source: .refusal,
                note: "もう電話しないで", createdAt: Date(), createdBy: nil)
            try await store.scope.create(refusal)
            let toLift = try #require(try await store.activeBar(number: "+81355550003"))
            _ = try await store.lift(id: try toLift.requireID(), reason: "誤登録", by: nil, at: Date())

            let cp932 = try await client.send(.GET, "/do-not-call/export")
            #expect(cp932.status == .ok && cp932.headers.first(name: .contentType)?.contains("Shift_JIS") == true)
            let decoded = try TextFileDecoder.decode(Array(cp932.body.readableBytesView)).get()
            #expect(decoded.encoding == .cp932)
            let lines = String(decoding: decoded.utf8, as: UTF8.self).split(separator: "\r\n").map(String.init)
            #expect(lines.first == "電話番号,種別,メモ,登録日時,登録者")
            #expect(lines.count == 4, "three bars in force; the lifted one is not exported")
            #expect(
                lines.contains { $0.hasPrefix("0355550001,架電禁止(手動),\"本人, 「二度と」\",") && $0.hasSuffix(",alpha admin") })
            #expect(lines.contains { $0.hasPrefix("0300002001,勧誘お断り,もう電話しないで,") })

            let utf8 = try await client.send(.GET, "/do-not-call/export?encoding=utf8")
            #expect(Array(utf8.body.readableBytesView).starts(with: [0xEF, 0xBB, 0xBF]))

            // Round trip: lift everything, import the downloaded file, and the same numbers are barred again.
            for bar in try await store.query(.init()).all() {
                _ = try await store.lift(id: try bar.requireID(), reason: "入れ直し", by: nil, at: Date())
            }
            #expect(try await store.countActive(upTo: 10) == 0)
            let preview = try await client.upload(
                "/do-not-call/import", fileName: "export.csv", bytes: Array(cp932.body.readableBytesView))
            #expect(preview.body.string.contains("新たに登録する番号: 3件") && preview.body.string.contains("取り込めない行: 0件"))
            try await client.send(
                .POST, "/do-not-call/import/confirm", form: ["token": try Self.token(preview.body.string)])
            let again = try await store.query(.init()).all()
            #expect(Set(again.compactMap(\.number)) == ["+81355550001", "+819055550002", "+81300002001"])
            #expect(again.first { $0.number == "+81355550001" }?.note == "本人, 「二度と」")
        }
    }

    /// The import's store: numbers already barred are skipped, whichever side is read, so nothing is barred twice.
    @Test func storeImportSkipsBarredNumbers() async throws {
        try await withTestApp { app, _ in
            let scope = try await CustomerImporterTests.tenantScope(app)
            let store = DialBarStore(scope: scope)
            func entries(_ range: Range<Int>) -> [DoNotCallCSVImport.Entry] {
                range.map { .init(line: $0 + 1, number: String(format: "+8180%08d", $0), note: "") }
            }
            #expect(try await store.importNumbers(entries(0..<3_000), by: nil, at: Date()) == .init(inserted: 3_000))
            // Fewer in the file than in force: the file's numbers are looked up.
            #expect(
                try await store.importNumbers(entries(2_990..<3_010), by: nil, at: Date())
                    == .init(inserted: 10, alreadyListed: 10))
            // More in the file than in force: every number in force is read.
            #expect(
                try await store.importNumbers(entries(0..<6_000), by: nil, at: Date())
                    == .init(inserted: 2_990, alreadyListed: 3_010))
            #expect(try await store.countActive(upTo: 10_000) == 6_000)
            #expect(try await store.isBarred(number: "+818000005999"))
            #expect(!(try await store.isBarred(number: "+818000006000")))
        }
    }
}
