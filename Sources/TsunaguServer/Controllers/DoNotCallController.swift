import Fluent
import TsunaguCore
import Vapor

/// 架電禁止リスト (managers only): the bars in force, refusals among them, searchable by number and a page at a
/// time, optionally with the lifted ones (who lifted, when, why); a number added by hand; a bar lifted with a
/// reason. The CSV import and download are `DoNotCallImportController` and `DoNotCallExportController`.
struct DoNotCallController: RouteCollection {
    static let pageSize = 50

    struct ListContent: Encodable {
        var countLine: String
        var bars: [DialBarRow]
        var previousPage: String?
        var nextPage: String?
        /// The search as typed, for the search form and the lift forms.
        var search: String
        var includeLifted: Bool
        /// What the add form held, when adding failed.
        var typedNumber: String
        var typedNote: String
        var notice: String?
        var error: String?
        var limitMB: Int
    }

    struct AddForm: Content {
        var number: String?
        var note: String?
    }

    struct LiftForm: Content {
        var reason: String?
        /// The list's search, to come back to it.
        var search: String?
        var lifted: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("do-not-call", use: index)
        routes.post("do-not-call", use: add)
        routes.post("do-not-call", ":barID", "lift", use: lift)
    }

    @Sendable func index(request: Request) async throws -> Response {
        try await Self.render(
            request, search: request.query[String.self, at: "search"],
            includeLifted: request.query[String.self, at: "lifted"] != nil,
            page: request.query[Int.self, at: "page"] ?? 1)
    }

    @Sendable func add(request: Request) async throws -> Response {
        let form = try request.decodeForm(AddForm.self)
        let typed = (number: form.number ?? "", note: form.note ?? "")
        func refuse(_ message: String, _ status: HTTPResponseStatus) async throws -> Response {
            try await Self.render(request, error: message, typed: typed, status: status)
        }
        let number: PhoneNumber
        switch PhoneNumber.parse(typed.number) {
        case .success(let parsed): number = parsed
        case .failure(let problem): return try await refuse(problem.explanation.text(in: request.language), .badRequest)
        }
        let note: String
        switch DialBarInput.note(typed.note) {
        case .success(let text): note = text
        case .failure(let problem): return try await refuse(problem.explanation.text(in: request.language), .badRequest)
        }
        let shown = PhoneNumber.nationalDisplay(of: number.e164)
        switch try await DialBarStore(scope: request.tenantScope()).add(
            number: number.e164, note: note, by: request.signedIn?.userID, at: request.now)
        {
        case .alreadyListed:
            return try await refuse(request.text(.doNotCallAlreadyListed(number: shown)), .conflict)
        case .added:
            request.logger.info("do-not-call: \(number.e164) added by '\(request.signedIn?.loginID ?? "?")'")
            return try await Self.render(request, notice: request.text(.doNotCallAdded(number: shown)))
        }
    }

    @Sendable func lift(request: Request) async throws -> Response {
        let store = DialBarStore(scope: try request.tenantScope())
        // Another tenant's bar is not there: 404 before anything else is looked at.
        guard let id = request.parameters.get("barID").flatMap(UUID.init(uuidString:)),
            let bar = try await store.scope.find(DialBar.self, id: id)
        else { throw Abort(.notFound, reason: request.text(.notFound)) }
        let form = try request.decodeForm(LiftForm.self)
        let back = (search: form.search, includeLifted: form.lifted != nil)
        let shown = bar.number.map(PhoneNumber.nationalDisplay(of:)) ?? ""
        switch try await Self.lift(bar, reason: form.reason, store: store, request: request) {
        case .success:
            return try await Self.render(
                request, search: back.search, includeLifted: back.includeLifted,
                notice: request.text(.doNotCallLifted(number: shown)))
        case .failure(let refusal):
            return try await Self.render(
                request, search: back.search, includeLifted: back.includeLifted, error: refusal.message,
                status: refusal.status)
        }
    }

    /// Why a lift changed nothing, as the page says it.
    struct LiftRefusal: Error {
        var message: String
        var status: HTTPResponseStatus
    }

    /// Lifts `bar` with the typed reason: the one lift of this page and of 顧客編集. Without a reason nothing
    /// changes.
    static func lift(_ bar: DialBar, reason typed: String?, store: DialBarStore, request: Request) async throws
        -> Result<DialBar, LiftRefusal>
    {
        let reason: String
        switch DialBarInput.liftReason(typed) {
        case .success(let text): reason = text
        case .failure(let problem):
            return .failure(LiftRefusal(message: problem.explanation.text(in: request.language), status: .badRequest))
        }
        switch try await store.lift(
            id: try bar.requireID(), reason: reason, by: request.signedIn?.userID, at: request.now)
        {
        case .alreadyLifted:
            return .failure(LiftRefusal(message: request.text(.doNotCallAlreadyLifted), status: .conflict))
        case .lifted(let lifted):
            request.logger.info(
                "dial bar \(lifted.id?.uuidString ?? "?") (\(lifted.source.rawValue)) lifted by '\(request.signedIn?.loginID ?? "?")'"
            )
            return .success(lifted)
        }
    }

    /// The list page: the search's page of bars, with a notice or an error of what was just done.
    static func render(
        _ request: Request, search: String? = nil, includeLifted: Bool = false, page requested: Int = 1,
        notice: String? = nil, error: String? = nil, typed: (number: String, note: String) = ("", ""),
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let store = DialBarStore(scope: try request.tenantScope())
        let typedSearch = String((search ?? "").trimmingCharacters(in: .whitespaces).prefix(40))
        let query = DialBarStore.Search(
            number: typedSearch.isEmpty ? nil : CustomerSearch.phoneMatch(typedSearch), includeLifted: includeLifted)
        let count = ResultCount(counted: try await store.count(query, upTo: ResultCount.cap + 1))
        let page = min(max(1, requested), count.pages(pageSize: Self.pageSize))
        let offset = (page - 1) * Self.pageSize
        let bars = try await store.page(query, offset: offset, limit: Self.pageSize)
        let rows = try await DialBarRow.rows(bars, request: request)
        var fields = ["search": typedSearch]
        if includeLifted { fields["lifted"] = "on" }
        let keys = ["search", "lifted"]
        let content = ListContent(
            countLine: count.line(request, offset: offset, shown: rows.count), bars: rows,
            previousPage: page > 1 ? SiteURL.query(fields, keys: keys, page: page - 1) : nil,
            nextPage: page < count.pages(pageSize: Self.pageSize)
                ? SiteURL.query(fields, keys: keys, page: page + 1) : nil,
            search: typedSearch, includeLifted: includeLifted, typedNumber: typed.number, typedNote: typed.note,
            notice: notice, error: error, limitMB: request.uploadLimitMB)
        return try await request.renderPage("do-not-call", content, status: status)
    }
}
