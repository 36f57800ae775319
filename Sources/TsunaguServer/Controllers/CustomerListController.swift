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
        var form: [String: String]
        var includeDeleted: Bool
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
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: list)
        routes.get("customers", use: list)
    }

    static let formKeys = ["list", "distributed", "from", "to", "deleted", "company", "kana", "phone", "prefecture", "address"]

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
        var total = 0
        var page = 1
        var search = CustomerSearch()
        switch CustomerSearch.parse(fields, statuses: statusTexts) {
        case .failure(let problems):
            errors = problems.all.map { $0.explanation.text(in: language) }
        case .success(let parsed):
            search = parsed
            let base = filtered(scope: scope, search: search, request: request)
            total = try await base.copy().count()
            page = min(search.page, max(1, (total + Self.pageSize - 1) / Self.pageSize))
            let offset = (page - 1) * Self.pageSize
            customers = try await base.sort(\.$createdAt, .descending).sort(\.$phoneE164)
                .range(offset..<(offset + Self.pageSize)).all()
        }
        let offset = (page - 1) * Self.pageSize
        let unknownContact = request.text("customers_unknownContact")
        let editRight: TenantSettings.CustomerEditRight =
            request.signedIn?.role == .admin ? .all : request.signedIn?.settings.customerEdit ?? .none
        let me = request.signedIn?.userID
        let rows = customers.enumerated().map { index, customer in
            CustomerRow(
                id: customer.id?.uuidString ?? "",
                canEdit: editRight == .all || (editRight == .own && customer.ownerUserID != nil && customer.ownerUserID == me),
                number: offset + index + 1, distributed: customer.distributed,
                finalStatus: customer.finalStatus.label.text(in: language), company: customer.company,
                contactName: customer.contactName.isEmpty ? unknownContact : customer.contactName,
                address: customer.prefecture + customer.address, phone: customer.phone, email: customer.email,
                registeredOn: customer.registeredOn.replacingOccurrences(of: "-", with: "/"), deleted: customer.deletedAt != nil)
        }
        let countLine = request.text("customers_count")
            .replacingOccurrences(of: "{total}", with: "\(total)")
            .replacingOccurrences(of: "{from}", with: "\(total == 0 ? 0 : offset + 1)")
            .replacingOccurrences(of: "{to}", with: "\(offset + rows.count)")
        let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        let content = ListContent(
            countLine: countLine, customers: rows,
            previousPage: page > 1 ? SiteURL.query(fields, keys: Self.formKeys, repeated: ["status": statusTexts], page: page - 1) : nil,
            nextPage: page < pages ? SiteURL.query(fields, keys: Self.formKeys, repeated: ["status": statusTexts], page: page + 1) : nil, errors: errors,
            lists: try await listOptions(scope: scope, selected: fields["list"]),
            prefectures: Prefecture.all.map { SelectOption(value: $0, label: $0, selected: search.prefecture == $0) },
            statuses: FinalStatus.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.label.text(in: language), selected: statusTexts.contains($0.rawValue))
            },
            distribution: [
                SelectOption(value: "", label: "", selected: search.distribution == .any),
                SelectOption(value: "distributed", label: request.text("customers_distributedMark"), selected: search.distribution == .distributed),
                SelectOption(value: "notDistributed", label: request.text("customers_notDistributed"), selected: search.distribution == .notDistributed),
            ],
            form: fields, includeDeleted: search.includeDeleted)
        return try await request.renderPage("customers", content)
    }

    /// The search as a query, inside the tenant and, when the tenant says so, inside the agent's own customers.
    private func filtered(scope: TenantScope, search: CustomerSearch, request: Request) -> QueryBuilder<Customer> {
        var query = scope.query(Customer.self)
        if search.includeDeleted { query = query.withDeleted() }
        if let signedIn = request.signedIn, signedIn.role == .agent, signedIn.settings.customerScope == .ownCustomersOnly {
            query = query.filter(\.$ownerUserID == signedIn.userID)
        }
        if let listText = search.listID {
            // An id that is not one of this tenant's lists matches nothing.
            let listID = UUID(uuidString: listText) ?? UUID()
            query = query.join(CallListEntry.self, on: \Customer.$id == \CallListEntry.$customerID)
                .filter(CallListEntry.self, \.$callListID == listID)
                .filter(CallListEntry.self, \.$tenantID == scope.tenantID)
        }
        switch search.distribution {
        case .any: break
        case .distributed: query = query.filter(\.$distributed == true)
        case .notDistributed: query = query.filter(\.$distributed == false)
        }
        if let from = search.registeredFrom { query = query.filter(\.$registeredOn >= from) }
        if let to = search.registeredTo { query = query.filter(\.$registeredOn <= to) }
        if !search.statuses.isEmpty { query = query.filter(\.$finalStatus ~~ Array(search.statuses)) }
        if let company = search.company { query = query.filter(\.$company ~~ company) }
        if let kana = search.companyKana { query = query.filter(\.$companyKana ~~ kana) }
        if let prefecture = search.prefecture { query = query.filter(\.$prefecture == prefecture) }
        if let address = search.address { query = query.filter(\.$address ~~ address) }
        switch search.phone {
        case .exact(let e164): query = query.filter(\.$phoneE164 == e164)
        case .prefix(let start): query = query.filter(\.$phoneE164 =~ start)
        case .contains(let digits): query = query.filter(\.$phoneE164 ~~ digits)
        case nil: break
        }
        return query
    }

    private func listOptions(scope: TenantScope, selected: String?) async throws -> [SelectOption] {
        let lists = try await scope.query(CallList.self).sort(\.$createdAt, .descending).all()
        return [SelectOption(value: "", label: "", selected: selected == nil)]
            + lists.map { SelectOption(value: $0.id?.uuidString ?? "", label: $0.name, selected: $0.id?.uuidString == selected) }
    }
}
