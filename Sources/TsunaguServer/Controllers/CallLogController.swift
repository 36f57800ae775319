import Fluent
import SQLKit
import TsunaguCore
import Vapor

/// 通話一覧 (manual §4-2): every call, newest first, with the manual's filters. Agents see their own calls,
/// administrators everyone's.
struct CallLogController: RouteCollection {
    static let pageSize = 50
    static let formKeys = ["list", "company", "extension", "kana", "from", "to", "phone", "status", "deleted"]

    struct LogContent: Encodable {
        var countLine: String
        var calls: [CallRow]
        var previousPage: String?
        var nextPage: String?
        var errors: [String]
        var lists: [SelectOption]
        var statuses: [SelectOption]
        var form: [String: String]
        var includeDeleted: Bool
    }

    struct CallRow: Encodable {
        var number: Int
        /// 「氏名(内線)」
        var caller: String
        var company: String
        var phone: String
        var calledAt: String
        var status: String
        var memo: String
        var callback: Bool
        var prospect: Bool
        var customerID: String?
        var deleted: Bool
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("calls", use: list)
    }

    @Sendable func list(request: Request) async throws -> Response {
        guard let signedIn = request.signedIn else { throw Abort(.unauthorized) }
        let scope = try request.tenantScope()
        let language = request.language
        var fields: [String: String] = [:]
        for key in Self.formKeys + ["page"] {
            if let value = request.query[String.self, at: key] { fields[key] = value }
        }
        var errors: [String] = []
        var rows: [CallLogQuery.Row] = []
        var count = ResultCount(counted: 0)
        var page = 1
        switch CallLogSearch.parse(fields) {
        case .failure(let problems):
            errors = problems.all.map { $0.explanation.text(in: language) }
        case .success(let search):
            let query = try await CallLogQuery(
                scope: scope, search: search, onlyUserID: signedIn.permissions.seesEveryCall ? nil : signedIn.userID,
                calendar: TenantCalendar(identifier: signedIn.settings.timeZoneIdentifier))
            count = ResultCount(counted: try await query.count(upTo: ResultCount.cap + 1))
            page = min(search.page, count.pages(pageSize: Self.pageSize))
            rows = try await query.page(offset: (page - 1) * Self.pageSize, limit: Self.pageSize)
        }
        let offset = (page - 1) * Self.pageSize
        let calendar = TenantCalendar(identifier: signedIn.settings.timeZoneIdentifier)
        let calls = rows.enumerated().map { index, row in
            var status = row.result?.label.text(in: language) ?? request.text(.callsInProgress)
            if case .unanswered(let reason) = row.result { status += "(\(reason.label.text(in: language)))" }
            let national = PhoneNumber.nationalDisplay(of: row.number)
            return CallRow(
                number: offset + index + 1, caller: "\(row.userName ?? "-")(\(row.phoneExtension))",
                company: row.company ?? "",
                phone: row.customerPhone ?? national, calledAt: calendar.manualDateTime(row.startedAt), status: status,
                memo: row.memo, callback: row.callback, prospect: row.prospect, customerID: row.customerID?.uuidString,
                deleted: row.customerDeleted)
        }
        let countLine = count.line(request, offset: offset, shown: calls.count)
        let pages = count.pages(pageSize: Self.pageSize)
        let lists = try await scope.query(CallList.self).sort(\.$createdAt, .descending).all()
        let content = LogContent(
            countLine: countLine, calls: calls,
            previousPage: page > 1 ? SiteURL.query(fields, keys: Self.formKeys, page: page - 1) : nil,
            nextPage: page < pages ? SiteURL.query(fields, keys: Self.formKeys, page: page + 1) : nil, errors: errors,
            lists: [SelectOption(value: "", label: "", selected: fields["list"] == nil)]
                + lists.map {
                    SelectOption(
                        value: $0.id?.uuidString ?? "", label: $0.name, selected: $0.id?.uuidString == fields["list"])
                },
            statuses: [
                SelectOption(value: "", label: "", selected: fields["status"] == nil),
                SelectOption(
                    value: "answered", label: CallResult.answered.label.text(in: language),
                    selected: fields["status"] == "answered"),
                SelectOption(
                    value: "unanswered", label: CallResult.unanswered(.noAnswer).label.text(in: language),
                    selected: fields["status"] == "unanswered"),
            ],
            form: fields, includeDeleted: fields["deleted"] != nil)
        return try await request.renderPage("calls", content)
    }
}

/// The call log as SQL, inside the tenant (and the agent's own calls when given).
struct CallLogQuery: Sendable {
    let scope: TenantScope
    let search: CallLogSearch
    let onlyUserID: UUID?
    let calendar: TenantCalendar
    /// The customer text filters that go through the trigram index.
    private var indexed: [CustomerTextSearch.Column: CustomerTextSearch.Lookup] = [:]

    init(scope: TenantScope, search: CallLogSearch, onlyUserID: UUID?, calendar: TenantCalendar) async throws {
        self.scope = scope
        self.search = search
        self.onlyUserID = onlyUserID
        self.calendar = calendar
        for (column, text) in [(CustomerTextSearch.Column.company, search.company), (.companyKana, search.companyKana)]
        {
            if let text {
                indexed[column] = try await CustomerTextSearch.lookup(column, text, on: scope.database)
            }
        }
    }

    struct Row: Decodable, Sendable {
        var startedAt: Date
        var phoneExtension: String
        var number: String
        var result: CallResult?
        var memo: String
        var prospect: Bool
        var callback: Bool
        var userName: String?
        var company: String?
        var customerPhone: String?
        var customerID: UUID?
        var customerDeletedAt: Date?

        var customerDeleted: Bool { customerDeletedAt != nil }

        enum CodingKeys: String, CodingKey {
            case startedAt = "started_at", phoneExtension = "extension", number, result, memo, prospect, callback
            case userName = "user_name", company, customerPhone = "customer_phone", customerID = "customer_id"
            case customerDeletedAt = "customer_deleted_at"
        }
    }

    /// Which table the query reads first.
    enum Drive {
        /// Newest calls first, each with its customer: finds a page at once when many calls match.
        case calls
        /// The customers that hold the text first, then their calls on the customer index: the calls of a rare
        /// company are found without reading every call of the tenant (a page took 10 s at 3,000,000 calls).
        case customers
    }

    /// Call-side filters besides the tenant.
    private var filtersCalls: Bool {
        onlyUserID != nil || search.listID != nil || search.phoneExtension != nil || search.from != nil
            || search.to != nil || search.phone != nil || search.outcome != nil
    }

    /// How the count reads: from the customers when a text narrows them through the index, or when a text is the
    /// only filter (counting to the cap then needs the calls of a few thousand customers, not every call).
    var countDrive: Drive {
        guard search.company != nil || search.companyKana != nil else { return .calls }
        return !indexed.isEmpty || !filtersCalls ? .customers : .calls
    }

    /// How a page reads: from the customers only when the index narrows them (the candidates' calls are then
    /// few enough to sort); a common text finds its newest calls soonest in call order.
    var pageDrive: Drive { indexed.isEmpty ? .calls : .customers }

    /// How many calls match, counting no further than `limit`.
    func count(upTo limit: Int) async throws -> Int {
        let matching = filtered(scope.sql.select().column(SQLLiteral.numeric("1")), drive: countDrive).limit(limit)
        let row = try await scope.sql.raw(
            "SELECT COUNT(*) AS \(ident: "total") FROM (\(matching.select)) AS \(ident: "matching")"
        ).first()
        return try row?.decode(column: "total", as: Int.self) ?? 0
    }

    func page(offset: Int, limit: Int) async throws -> [Row] {
        try await filtered(
            scope.sql.select()
                .column(SQLColumn("started_at", table: "a")).column(SQLColumn("extension", table: "a"))
                .column(SQLColumn("number", table: "a")).column(SQLColumn("result", table: "a"))
                .column(SQLColumn("memo", table: "a")).column(SQLColumn("prospect", table: "a"))
                .column(SQLColumn("callback", table: "a")).column(SQLColumn("customer_id", table: "a"))
                .column(SQLColumn("name", table: "u"), as: "user_name").column(SQLColumn("company", table: "c"))
                .column(SQLColumn("phone", table: "c"), as: "customer_phone")
                .column(SQLColumn("deleted_at", table: "c"), as: "customer_deleted_at"),
            drive: pageDrive
        )
        .orderBy(SQLOrderBy(expression: SQLColumn("started_at", table: "a"), direction: SQLDirection.descending))
        .limit(limit).offset(offset)
        .all(decoding: Row.self)
    }

    func filtered(_ select: SQLSelectBuilder, drive: Drive) -> SQLSelectBuilder {
        let tenant = scope.tenantID
        let calls = SQLAlias(SQLIdentifier(CallAttempt.schema), as: SQLIdentifier("a"))
        let customers = SQLAlias(SQLIdentifier(Customer.schema), as: SQLIdentifier("c"))
        let callsCustomer = SQLBinaryExpression(
            SQLColumn("id", table: "c"), .equal, SQLColumn("customer_id", table: "a"))
        let users = SQLAlias(SQLIdentifier(User.schema), as: SQLIdentifier("u"))
        let callsUser = SQLBinaryExpression(SQLColumn("id", table: "u"), .equal, SQLColumn("user_id", table: "a"))
        let builder: SQLSelectBuilder
        switch drive {
        case .calls:
            builder = select.from(calls).join(users, method: SQLJoinMethod.left, on: callsUser)
                .join(customers, method: SQLJoinMethod.left, on: callsCustomer)
        case .customers:
            // SQLite reads the left table of a CROSS JOIN first; other databases choose their own order.
            let method: any SQLExpression =
                scope.sql.dialect.name == "sqlite" ? SQLCrossJoinMethod() : SQLJoinMethod.inner
            builder = select.from(customers).join(calls, method: method, on: callsCustomer)
                .join(users, method: SQLJoinMethod.left, on: callsUser)
                .where(SQLColumn("tenant_id", table: "c"), .equal, SQLBind(tenant))
        }
        builder.where(SQLColumn("tenant_id", table: "a"), .equal, SQLBind(tenant))
        if let onlyUserID { builder.where(SQLColumn("user_id", table: "a"), .equal, SQLBind(onlyUserID)) }
        if let list = search.listID {
            builder.where(SQLColumn("call_list_id", table: "a"), .equal, SQLBind(UUID(uuidString: list) ?? UUID()))
        }
        for (column, text, name) in [
            (CustomerTextSearch.Column.company, search.company, "company"),
            (.companyKana, search.companyKana, "company_kana"),
        ] {
            guard let text else { continue }
            if let lookup = indexed[column] {
                builder.where(CustomerTextSearch.matching(column, lookup, table: "c"))
            }
            builder.where(SQLContainsText(SQLColumn(name, table: "c"), text))
        }
        if let phoneExtension = search.phoneExtension {
            builder.where(SQLColumn("extension", table: "a"), .equal, SQLBind(phoneExtension))
        }
        if let from = search.from, let start = calendar.startOfDay(from) {
            builder.where(SQLColumn("started_at", table: "a"), .greaterThanOrEqual, SQLBind(start))
        }
        if let to = search.to, let start = calendar.startOfDay(to) {
            builder.where(SQLColumn("started_at", table: "a"), .lessThan, SQLBind(start.addingTimeInterval(24 * 3600)))
        }
        switch search.phone {
        case .exact(let e164): builder.where(SQLColumn("number", table: "a"), .equal, SQLBind(e164))
        case .prefix(let start):
            builder.where(SQLColumn("number", table: "a"), .greaterThanOrEqual, SQLBind(start))
            builder.where(
                SQLColumn("number", table: "a"), .lessThan, SQLBind(CustomerSearch.PhoneMatch.end(ofPrefix: start)))
        case .contains(let digits):
            builder.where(SQLContainsText(SQLColumn("number", table: "a"), digits))
        case nil: break
        }
        switch search.outcome {
        case .answered: builder.where(SQLColumn("result", table: "a"), .equal, SQLBind("answered"))
        case .unanswered: builder.where(SQLColumn("result", table: "a"), .like, SQLBind("unanswered%"))
        case nil: break
        }
        if !search.includeDeleted { builder.where(SQLColumn("deleted_at", table: "c"), .is, SQLLiteral.null) }
        return builder
    }
}

/// `CROSS` for `CROSS JOIN … ON …`: an inner join whose left table SQLite reads first.
struct SQLCrossJoinMethod: SQLExpression {
    func serialize(to serializer: inout SQLSerializer) { serializer.write("CROSS") }
}
