import Fluent
import TsunaguCore
import Vapor

/// 架電禁止リスト's CSV download: every bar in force, streamed, in CP932 (Excel's default in Japan) or UTF-8 with a
/// BOM, like 顧客 CSV ダウンロード. The file imports again as it is (`DoNotCallCSVImport` reads its 電話番号 and メモ).
struct DoNotCallExportController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("do-not-call", "export", use: export)
    }

    @Sendable func export(request: Request) async throws -> Response {
        guard let signedIn = request.signedIn else { throw Abort(.unauthorized) }
        let store = DialBarStore(scope: try request.tenantScope())
        let writer = CSVWriter(encoding: request.query[String.self, at: "encoding"] == "utf8" ? .utf8WithBOM : .cp932)
        let language = request.language
        let calendar = TenantCalendar(identifier: signedIn.settings.timeZoneIdentifier)
        let names = Dictionary(
            uniqueKeysWithValues: try await store.scope.query(User.self).all().compactMap { user in
                user.id.map { ($0, user.name) }
            })
        let logger = request.logger
        let response = Response(status: .ok)
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "csv", parameters: ["charset": writer.encoding == .cp932 ? "Shift_JIS" : "UTF-8"])
        let fileName = "do-not-call-\(calendar.day(of: request.now)).csv"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        response.body = Response.Body(asyncStream: { stream in
            do {
                var header = ByteBuffer(bytes: writer.preamble)
                header.writeBytes(writer.record(DoNotCallExportColumns.header))
                try await stream.write(.buffer(header))
                var rows = 0
                try await store.forEachActiveBatch { bars in
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(bars.count * 64)
                    for bar in bars {
                        writer.appendRecord(
                            DoNotCallExportColumns.fields(bar, names: names, calendar: calendar, language: language),
                            to: &bytes)
                    }
                    rows += bars.count
                    try await stream.write(.buffer(ByteBuffer(bytes: bytes)))
                }
                logger.info("do-not-call CSV download: \(rows) rows")
                try await stream.write(.end)
            } catch {
                logger.error("do-not-call CSV download failed: \(error)")
                try? await stream.write(.error(error))
            }
        })
        return response
    }
}

/// The columns of the 架電禁止リスト CSV: 電話番号 as people in Japan write it, 種別, メモ, 登録日時, 登録者.
enum DoNotCallExportColumns {
    static let header = ["電話番号", "種別", "メモ", "登録日時", "登録者"]

    static func fields(
        _ bar: DialBarStore.ExportRow, names: [UUID: String], calendar: TenantCalendar, language: Language
    ) -> [String] {
        [
            bar.number.map(PhoneNumber.nationalDisplay(of:)) ?? "", bar.source.label.text(in: language), bar.note,
            calendar.manualDateTime(bar.createdAt), bar.createdBy.flatMap { names[$0] } ?? "",
        ]
    }
}
