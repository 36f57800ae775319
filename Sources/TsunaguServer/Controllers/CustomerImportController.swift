import Fluent
import Foundation
import TsunaguCore
import Vapor

/// 顧客インポート: upload a CSV (CP932 or UTF-8), see the column mapping and every rejected row with its line and
/// reason, then confirm: the good rows go in within one transaction, optionally as a new call list.
struct CustomerImportController: RouteCollection {
    struct UploadForm: Content {
        var file: File?
    }

    struct ConfirmForm: Content {
        var token: String?
        var duplicates: String?
        var listName: String?
    }

    struct Mapping: Encodable {
        var header: String
        var field: String
    }

    struct Rejected: Encodable {
        var line: Int
        var reason: String
    }

    struct PreviewRow: Encodable {
        var line: Int
        var company: String
        var contactName: String
        var phone: String
        var address: String
    }

    struct ImportContent: Encodable {
        var stage: String
        var error: String?
        var fileName: String?
        var encoding: String?
        var mappings: [Mapping]
        var ignored: [String]
        var goodCount: Int
        var goodLine: String = ""
        var rejectedLine: String = ""
        var rejected: [Rejected]
        var preview: [PreviewRow]
        var token: String?
        var result: String?
        var limitMB: Int

        static func upload(error: String? = nil, limitMB: Int) -> ImportContent {
            ImportContent(
                stage: "upload", error: error, mappings: [], ignored: [], goodCount: 0, rejected: [], preview: [],
                limitMB: limitMB)
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("customers", "import", use: page)
        routes.on(.POST, "customers", "import", body: .stream, use: preview)
        routes.post("customers", "import", "confirm", use: confirm)
    }

    private func limitMB(_ request: Request) -> Int {
        request.application.tsunaguConfiguration.uploadLimitBytes / 1_048_576
    }

    @Sendable func page(request: Request) async throws -> Response {
        try request.require({ $0.canCreateLists }, otherwise: .importForbidden)
        return try await request.renderPage("import", ImportContent.upload(limitMB: limitMB(request)))
    }

    @Sendable func preview(request: Request) async throws -> Response {
        try request.require({ $0.canCreateLists }, otherwise: .importForbidden)
        let configuration = request.application.tsunaguConfiguration
        // The form's own parts add a little to the file; anything beyond that is refused before it is read.
        let bodyLimit = configuration.uploadLimitBytes + 64 * 1024
        let tooLarge = {
            let message = request.text(.importTooLarge(megabytes: self.limitMB(request)))
            return try await request.renderPage(
                "import", ImportContent.upload(error: message, limitMB: self.limitMB(request)), status: .payloadTooLarge
            )
        }
        let collected: ByteBuffer?
        do {
            collected = try await request.body.collect(max: bodyLimit).get()
        } catch {
            return try await tooLarge()
        }
        if (collected?.readableBytes ?? 0) > bodyLimit { return try await tooLarge() }
        var form: UploadForm?
        do {
            form = try request.content.decode(UploadForm.self)
        } catch {
            // No multipart body at all is what a form without a chosen file sends in some browsers.
            request.logger.notice("customer import: no file could be read from the upload: \(error)")
        }
        guard let file = form?.file, file.data.readableBytes > 0 else {
            return try await request.renderPage(
                "import", ImportContent.upload(error: request.text(.importNoFile), limitMB: limitMB(request)),
                status: .badRequest)
        }
        if file.data.readableBytes > configuration.uploadLimitBytes { return try await tooLarge() }
        let bytes = Array(file.data.readableBytesView)
        let language = request.language
        switch CustomerCSVImport.read(bytes) {
        case .failure(let problem):
            return try await request.renderPage(
                "import",
                ImportContent.upload(error: problem.explanation.text(in: language), limitMB: limitMB(request)),
                status: .badRequest)
        case .success(let result):
            // The file waits on disk, tied to this session, until it is confirmed.
            let token = Request.randomHex(bytes: 16)
            try FileManager.default.createDirectory(
                atPath: configuration.uploadDirectory, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: uploadPath(request, token)))
            request.session.data[SessionKeys.pendingImport] = token
            let headers = Self.headers(bytes)
            let content = ImportContent(
                stage: "preview", fileName: String(file.filename.prefix(200)), encoding: result.encoding.displayName,
                mappings: result.mapping.sorted { $0.key < $1.key }.map {
                    Mapping(
                        header: $0.key < headers.count ? headers[$0.key] : "", field: $0.value.label.text(in: language))
                },
                ignored: result.ignoredHeaders, goodCount: result.rows.count,
                rejected: result.problems.map { Rejected(line: $0.line, reason: $0.reasonText.text(in: language)) },
                preview: result.rows.prefix(20).map {
                    PreviewRow(
                        line: $0.line, company: $0.customer.company, contactName: $0.customer.contactName,
                        phone: $0.customer.phone.entered, address: $0.customer.prefecture + $0.customer.address)
                },
                token: token, limitMB: limitMB(request))
            var shown = content
            shown.goodLine = request.text(.importGood(count: result.rows.count))
            shown.rejectedLine = request.text(.importRejected(count: result.problems.count))
            return try await request.renderPage("import", shown)
        }
    }

    @Sendable func confirm(request: Request) async throws -> Response {
        try request.require({ $0.canCreateLists }, otherwise: .importForbidden)
        let form = try request.decodeForm(ConfirmForm.self)
        guard let token = form.token, token == request.session.data[SessionKeys.pendingImport],
            token.allSatisfy(\.isHexDigit),
            let data = FileManager.default.contents(atPath: uploadPath(request, token)),
            case .success(let result) = CustomerCSVImport.read(Array(data))
        else {
            return try await request.renderPage(
                "import", ImportContent.upload(error: request.text(.importExpired), limitMB: limitMB(request)),
                status: .badRequest)
        }
        let scope = try request.tenantScope()
        let policy = CustomerImporter.DuplicatePolicy(rawValue: form.duplicates ?? "") ?? .skip
        let today = TenantCalendar(identifier: request.signedIn?.settings.timeZoneIdentifier ?? "Asia/Tokyo").day(
            of: request.now)
        let summary = try await CustomerImporter(scope: scope, policy: policy).importCustomers(
            result.rows.map(\.customer), registeredOn: today, now: request.now)
        let listName = String((form.listName ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        var list: CallListBuilder.Built?
        if !listName.isEmpty, !summary.customerIDs.isEmpty {
            list = try await CallListBuilder(scope: scope).build(
                name: listName, customerIDs: summary.customerIDs, createdBy: request.signedIn?.userID)
        }
        do {
            try FileManager.default.removeItem(atPath: uploadPath(request, token))
        } catch {
            request.logger.warning("customer import: the checked upload could not be removed: \(error)")
        }
        request.session.data[SessionKeys.pendingImport] = nil
        request.logger.info(
            "customer import by '\(request.signedIn?.loginID ?? "?")': \(summary.inserted) new, \(summary.updated) updated, \(summary.skipped) skipped"
        )
        var message = request.text(
            .importDone(
                inserted: summary.inserted, updated: summary.updated, skipped: summary.skipped,
                rejected: result.problems.count))
        if !listName.isEmpty {
            message += " " + request.text(.importListCreated(name: listName))
        }
        if let skipped = list?.skippedBarred, skipped > 0 {
            message += " " + request.text(.listSkippedBarred(count: skipped))
        }
        var content = ImportContent.upload(limitMB: limitMB(request))
        content.stage = "done"
        content.result = message
        return try await request.renderPage("import", content)
    }

    private func uploadPath(_ request: Request, _ token: String) -> String {
        let configuration = request.application.tsunaguConfiguration
        return (configuration.uploadDirectory as NSString).appendingPathComponent(
            "\(request.signedIn?.tenantID.uuidString ?? "none")-\(token).csv")
    }

    /// The header line's cells, for showing the mapping.
    static func headers(_ bytes: [UInt8]) -> [String] {
        guard case .success(let decoded) = TextFileDecoder.decode(bytes) else { return [] }
        var reader = CSVReader(utf8: decoded.utf8)
        while let next = reader.nextRecord() {
            if case .success(let record) = next, !record.isBlank { return record.fields }
        }
        return []
    }
}
