import Fluent
import TsunaguCore
import Vapor

/// 顧客一覧 (manual §4-1): the tenant's customers with the manual's filters, a page at a time, limited to the
/// user's own customers when the tenant says so.
struct CustomerListController: RouteCollection {
    static let pageSize = 50

    struct ListContent: Encodable {
        var countLine: String
        var customers: [CustomerRow]
        var previousPage: String?
        var nextPage: String?
        var errors: [String]
        var lists: [SelectOption]
        var prefectures: [SelectOption]
        var statuses: [SelectOption]
        var distribution: [SelectOption]
        var dialBar: [SelectOption]
        var form: [String: String]
        var includeDeleted: Bool
        var limitReachedOnly: Bool
        var canExportAndDelete: Bool
        var canCreateList: Bool
        /// The search as a query string (for the download and delete links).
        var currentQuery: String
        /// The search as hidden form fields (for リスト再作成).
        var hiddenFields: [SelectOption]
    }

    struct CustomerRow: Encodable {
        var id: String
        var canEdit: Bool
        var number: Int
        var distributed: Bool
        var finalStatus: String
        var company: String
        var contactName: String
        var address: String
        var phone: String
        var email: String
        var registeredOn: String
        var deleted: Bool
        /// 勧誘お断り or 架電禁止, when the customer may not be dialled.
        var bar: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("customers", use: list)
    }

    static let formKeys = [
        "list", "distributed", "from", "to", "deleted", "company", "kana", "phone", "prefecture", "address", "dnc",
        "limit",
    ]

    @Sendable func list(request: Request) async throws -> Response {
        let scope = try request.tenantScope()
        let language = request.language
        var fields: [String: String] = [:]
        for key in Self.formKeys + ["page"] {
            if let value = request.query[String.self, at: key] { fields[key] = value }
        }
        let statusTexts = (try? request.query.get([String].self, at: "status")) ?? []
        var errors: [String] = []
        var customers: [Customer] = []
        var count = ResultCount(counted: 0)
        var page = 1
        var search = CustomerSearch()
        switch CustomerSearch.parse(fields, statuses: statusTexts) {
        case .failure(let problems):
            errors = problems.all.map { $0.explanation.text(in: language) }
        case .success(let parsed):
            search = parsed
            guard let signedIn = request.signedIn else { throw Abort(.unauthorized) }
            let query = try await CustomerQuery(scope: scope, search: search, signedIn: signedIn)
            count = ResultCount(counted: try await query.count(upTo: ResultCount.cap + 1))
            page = min(search.page, count.pages(pageSize: Self.pageSize))
            let offset = (page - 1) * Self.pageSize
            customers = try await query.page().range(offset..<(offset + Self.pageSize)).all()
        }
        let offset = (page - 1) * Self.pageSize
        let unknownContact = request.text(.customersUnknownContact)
        let marks = try await Self.barMarks(customers, scope: scope)
        let rows = customers.enumerated().map { index, customer in
            CustomerRow(
                id: customer.id?.uuidString ?? "",
                canEdit: request.permissions?.canEdit(customerOwnedBy: customer.ownerUserID) ?? false,
                number: offset + index + 1, distributed: customer.distributed,
                finalStatus: customer.finalStatus.label.text(in: language), company: customer.company,
                contactName: customer.contactName.isEmpty ? unknownContact : customer.contactName,
                address: customer.prefecture + customer.address, phone: customer.phone, email: customer.email,
                registeredOn: customer.registeredOn.replacingOccurrences(of: "-", with: "/"),
                deleted: customer.deletedAt != nil,
                bar: customer.id.flatMap { marks[$0] }?.label.text(in: language))
        }
        let countLine = count.line(request, offset: offset, shown: rows.count)
        let pages = count.pages(pageSize: Self.pageSize)
        let content = ListContent(
            countLine: countLine, customers: rows,
            previousPage: page > 1
                ? SiteURL.query(fields, keys: Self.formKeys, repeated: ["status": statusTexts], page: page - 1) : nil,
            nextPage: page < pages
                ? SiteURL.query(fields, keys: Self.formKeys, repeated: ["status": statusTexts], page: page + 1) : nil,
            errors: errors,
            lists: try await listOptions(scope: scope, selected: fields["list"]),
            prefectures: Prefecture.all.map { SelectOption(value: $0, label: $0, selected: search.prefecture == $0) },
            statuses: FinalStatus.allCases.map {
                SelectOption(
                    value: $0.rawValue, label: $0.label.text(in: language), selected: statusTexts.contains($0.rawValue))
            },
            distribution: [
                SelectOption(value: "", label: "", selected: search.distribution == .any),
                SelectOption(
                    value: "distributed", label: request.text(.customersDistributedMark),
                    selected: search.distribution == .distributed),
                SelectOption(
                    value: "notDistributed", label: request.text(.customersNotDistributed),
                    selected: search.distribution == .notDistributed),
            ],
            dialBar: CustomerSearch.DialBarFilter.allCases.map { filter in
                let label: String =
                    switch filter {
                    case .any: ""
                    case .barred: request.text(.doNotCallFilterBarred)
                    case .notBarred: request.text(.doNotCallFilterNotBarred)
                    }
                return SelectOption(value: filter.rawValue, label: label, selected: search.dialBar == filter)
            },
            form: fields, includeDeleted: search.includeDeleted, limitReachedOnly: search.limitReachedOnly,
            canExportAndDelete: request.permissions?.canExportAndDelete ?? false,
            canCreateList: request.permissions?.canCreateLists ?? false,
            currentQuery: SiteURL.query(
                fields.filter { $0.key != "page" }, keys: Self.formKeys, repeated: ["status": statusTexts], page: 1),
            hiddenFields: fields.filter { $0.key != "page" }.map {
                SelectOption(value: $0.value, label: $0.key, selected: false)
            }
                + statusTexts.map { SelectOption(value: $0, label: "status", selected: false) })
        return try await request.renderPage("customers", content)
    }

    /// The mark of each customer of the page that may not be dialled: two reads on the bars' partial indexes.
    static func barMarks(_ customers: [Customer], scope: TenantScope) async throws -> [UUID: DialBarMark] {
        let bars = try await DialBarStore(scope: scope).activeBars(
            customers: customers.compactMap(\.id), numbers: customers.map(\.phoneE164))
        guard !bars.isEmpty else { return [:] }
        return customers.reduce(into: [:]) { marks, customer in
            guard let id = customer.id else { return }
            let sources = bars.filter { $0.customerID == id || $0.number == customer.phoneE164 }.map(\.source)
            marks[id] = DialBarMark(sources: sources)
        }
    }

    private func listOptions(scope: TenantScope, selected: String?) async throws -> [SelectOption] {
        let lists = try await scope.query(CallList.self).sort(\.$createdAt, .descending).all()
        return [SelectOption(value: "", label: "", selected: selected == nil)]
            + lists.map {
                SelectOption(value: $0.id?.uuidString ?? "", label: $0.name, selected: $0.id?.uuidString == selected)
            }
    }
}
