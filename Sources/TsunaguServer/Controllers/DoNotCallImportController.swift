import Fluent
import TsunaguCore
import Vapor

/// 架電禁止リスト's CSV import, the customer import's pattern: upload (CP932 or UTF-8), a preview that counts the
/// new numbers, those already on the list and the repeats, and names every rejected line with its reason; then the
/// import, all in one transaction.
struct DoNotCallImportController: RouteCollection {
    struct Rejected: Encodable {
        var line: Int
        var reason: String
    }

    struct PreviewRow: Encodable {
        var line: Int
        var number: String
        var note: String
    }

    struct PreviewContent: Encodable {
        var fileName: String
        var encoding: String
        var layout: String
        var ignored: [String]
        var newLine: String
        var alreadyListedLine: String
        var duplicatesLine: String
        var rejectedLine: String
        var rejected: [Rejected]
        var preview: [PreviewRow]
        var token: String
        var canImport: Bool
    }

    struct ConfirmForm: Content {
        var token: String?
    }

    /// The file between its preview and its confirmation.
    static let pending = PendingUpload(kind: "dnc-import")

    /// The preview shows at most this many rejected lines (the count says how many there are).
    static let rejectedShown = 1_000

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "do-not-call", "import", body: .stream, use: preview)
        routes.post("do-not-call", "import", "confirm", use: confirm)
    }

    @Sendable func preview(request: Request) async throws -> Response {
        let name: String
        let bytes: [UInt8]
        switch await request.uploadedFile() {
        case .tooLarge:
            return try await Self.backToList(
                request, error: request.text(.importTooLarge(megabytes: request.uploadLimitMB)),
                status: .payloadTooLarge)
        case .none:
            return try await Self.backToList(request, error: request.text(.importNoFile), status: .badRequest)
        case .file(let fileName, let content):
            (name, bytes) = (fileName, content)
        }
        let language = request.language
        let file: DoNotCallCSVImport
        switch DoNotCallCSVImport.read(bytes) {
        case .failure(let problem):
            return try await Self.backToList(
                request, error: problem.explanation.text(in: language), status: .badRequest)
        case .success(let read): file = read
        }
        let listed = try await DialBarStore(scope: request.tenantScope()).alreadyListed(file.entries.map(\.number))
        let token = try Self.pending.store(bytes, for: request)
        let content = PreviewContent(
            fileName: name, encoding: file.encoding.displayName,
            layout: request.text(file.layout == .numbersOnly ? .doNotCallLayoutNumbersOnly : .doNotCallLayoutHeader),
            ignored: file.ignoredHeaders,
            newLine: request.text(.doNotCallImportNew(count: file.entries.count - listed.count)),
            alreadyListedLine: request.text(.doNotCallImportAlreadyListed(count: listed.count)),
            duplicatesLine: request.text(.doNotCallImportDuplicates(count: file.duplicates)),
            rejectedLine: request.text(.importRejected(count: file.problems.count)),
            rejected: file.problems.prefix(Self.rejectedShown).map {
                Rejected(line: $0.line, reason: $0.reasonText.text(in: language))
            },
            preview: file.entries.prefix(20).map {
                PreviewRow(line: $0.line, number: PhoneNumber.nationalDisplay(of: $0.number), note: $0.note)
            },
            token: token, canImport: file.entries.count > listed.count)
        return try await request.renderPage("do-not-call-import", content)
    }

    @Sendable func confirm(request: Request) async throws -> Response {
        let token = try request.decodeForm(ConfirmForm.self).token
        guard let bytes = Self.pending.load(token, for: request), let token,
            case .success(let file) = DoNotCallCSVImport.read(bytes)
        else { return try await Self.backToList(request, error: request.text(.importExpired), status: .badRequest) }
        let summary = try await DialBarStore(scope: request.tenantScope()).importNumbers(
            file.entries, by: request.signedIn?.userID, at: request.now)
        Self.pending.remove(token, for: request)
        request.logger.info(
            "do-not-call import by '\(request.signedIn?.loginID ?? "?")': \(summary.inserted) new, \(summary.alreadyListed) already listed, \(file.duplicates) repeated, \(file.problems.count) rejected"
        )
        let message = request.text(
            .doNotCallImported(
                inserted: summary.inserted, alreadyListed: summary.alreadyListed, duplicates: file.duplicates,
                rejected: file.problems.count))
        return try await DoNotCallController.render(request, notice: message)
    }

    /// The list page with the upload's problem.
    static func backToList(_ request: Request, error: String, status: HTTPResponseStatus) async throws -> Response {
        try await DoNotCallController.render(request, error: error, status: status)
    }
}
