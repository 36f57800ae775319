import Fluent
import TsunaguCore
import Vapor

/// 顧客編集 (manual §3-3, §4-1): every customer field, 「自分を担当者にする」, the read-only 架電履歴, 登録 and 削除
/// (soft, recoverable). What an agent may see and change follows the tenant's settings; the API refuses too. It
/// shows the bars on dialling the customer (its refusal, its number on the 架電禁止リスト), in force and lifted; a
/// manager lifts one here with a reason, the same lift as on the 架電禁止リスト page.
struct CustomerEditController: RouteCollection {
    struct HistoryRow: Encodable {
        var listName: String
        var calledAt: String
        var dialled: String
        var status: String
        var agent: String
        var memo: String
    }

    struct EditContent: Encodable {
        var id: String
        var canEdit: Bool
        var deleted: Bool
        var fields: [String: String]
        var kinds: [SelectOption]
        var prefectures: [SelectOption]
        var owners: [SelectOption]
        var distributed: Bool
        var finalStatus: String
        var registeredOn: String
        var history: [HistoryRow]
        /// The bars in force on the customer or its number.
        var bars: [DialBarRow]
        /// Bars lifted before, with who lifted them and why.
        var liftedBars: [DialBarRow]
        var canLiftBars: Bool
        var errors: [String]
        var notice: String?
    }

    struct EditForm: Content {
        var kind: String?
        var industry: String?
        var company: String?
        var companyKana: String?
        var contactName: String?
        var prefecture: String?
        var address: String?
        var phone: String?
        var email: String?
        var note: String?
        var owner: String?
    }

    struct LiftForm: Content {
        var bar: String?
        var reason: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let customer = routes.grouped("customers", ":customerID")
        customer.get(use: show)
        customer.post(use: save)
        customer.post("assign-me", use: assignMe)
        customer.post("delete", use: delete)
        customer.post("restore", use: restore)
        customer.post("lift-bar", use: liftBar)
    }

    @Sendable func show(request: Request) async throws -> Response {
        let (customer, settings) = try await load(request)
        let notice = request.query[String.self, at: "saved"] != nil ? request.text(.customerSaved) : nil
        return try await render(request, customer, settings: settings, errors: [], notice: notice)
    }

    @Sendable func save(request: Request) async throws -> Response {
        let (customer, settings) = try await load(request)
        try requireEdit(request, customer, settings)
        let form = try request.decodeForm(EditForm.self)
        let texts: [CustomerField: String?] = [
            .kind: form.kind, .industry: form.industry, .company: form.company, .companyKana: form.companyKana,
            .contactName: form.contactName, .prefecture: form.prefecture, .address: form.address, .phone: form.phone,
            .email: form.email, .note: form.note,
        ]
        var errors: [String] = []
        var values: [CustomerField: String] = [:]
        for (field, text) in texts {
            let value = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > field.maximumLength {
                errors.append(
                    CustomerRowProblem(line: 0, reason: .tooLong(field, maximum: field.maximumLength)).reasonText.text(
                        in: request.language))
            }
            values[field] = value
        }
        let scope = try request.tenantScope()
        var owner: UUID?
        if let ownerText = form.owner, !ownerText.isEmpty {
            guard let id = UUID(uuidString: ownerText), try await scope.find(User.self, id: id) != nil else {
                throw Abort(.badRequest, reason: request.text(.notFound))
            }
            owner = id
        }
        guard errors.isEmpty else {
            return try await render(
                request, customer, settings: settings, errors: errors, notice: nil, status: .badRequest)
        }
        switch CustomerDraft.validated({ values[$0] }) {
        case .failure(let reason):
            let message = CustomerRowProblem(line: 0, reason: reason).reasonText.text(in: request.language)
            return try await render(
                request, customer, settings: settings, errors: [message], notice: nil, status: .badRequest)
        case .success(let draft):
            customer.apply(draft)
            customer.ownerUserID = owner
            try await scope.update(customer)
            return request.redirect(to: "/customers/\(try customer.requireID().uuidString)?saved=1")
        }
    }

    /// 「自分を担当者にする」
    @Sendable func assignMe(request: Request) async throws -> Response {
        let (customer, settings) = try await load(request)
        try requireEdit(request, customer, settings, assigningSelf: true)
        customer.ownerUserID = request.signedIn?.userID
        try await request.tenantScope().update(customer)
        return request.redirect(to: "/customers/\(try customer.requireID().uuidString)?saved=1")
    }

    @Sendable func delete(request: Request) async throws -> Response {
        let (customer, settings) = try await load(request)
        try requireEdit(request, customer, settings)
        try await request.tenantScope().delete(customer)
        request.logger.info(
            "customer \(customer.id?.uuidString ?? "?") deleted by '\(request.signedIn?.loginID ?? "?")'")
        return request.redirect(to: "/customers/\(try customer.requireID().uuidString)?saved=1")
    }

    @Sendable func restore(request: Request) async throws -> Response {
        let (customer, settings) = try await load(request)
        try requireEdit(request, customer, settings)
        try await customer.restore(on: request.db)
        return request.redirect(to: "/customers/\(try customer.requireID().uuidString)?saved=1")
    }

    /// 「解除」 of a bar on this customer or its number (managers only), with the reason typed beside it.
    @Sendable func liftBar(request: Request) async throws -> Response {
        let (customer, settings) = try await load(request)
        try request.require({ $0.canManageDoNotCall }, otherwise: .adminOnly)
        let form = try request.decodeForm(LiftForm.self)
        let store = DialBarStore(scope: try request.tenantScope())
        guard let id = form.bar.flatMap(UUID.init(uuidString:)) else {
            throw Abort(.badRequest, reason: request.text(.formUnreadable))
        }
        // Only a bar on this customer or its number is lifted from its page; any other is not there.
        guard let bar = try await store.scope.find(DialBar.self, id: id),
            bar.customerID == customer.id || (bar.number != nil && bar.number == customer.phoneE164)
        else { throw Abort(.notFound, reason: request.text(.notFound)) }
        switch try await DoNotCallController.lift(bar, reason: form.reason, store: store, request: request) {
        case .success(let lifted):
            let number = lifted.number.map(PhoneNumber.nationalDisplay(of:)) ?? customer.phone
            return try await render(
                request, customer, settings: settings, errors: [],
                notice: request.text(.doNotCallLifted(number: number)))
        case .failure(let refusal):
            return try await render(
                request, customer, settings: settings, errors: [refusal.message], notice: nil, status: refusal.status)
        }
    }

    /// The customer, deleted or not, if this tenant has it and the user may see it.
    private func load(_ request: Request) async throws -> (Customer, TenantSettings) {
        let scope = try request.tenantScope()
        let id = request.parameters.get("customerID").flatMap(UUID.init(uuidString:))
        guard let signedIn = request.signedIn, let id,
            let customer = try await scope.query(Customer.self).withDeleted().filter(\.$id == id).first()
        else { throw Abort(.notFound, reason: request.text(.notFound)) }
        // A customer the user may not see answers as one that does not exist.
        guard signedIn.permissions.canSee(customerOwnedBy: customer.ownerUserID) else {
            throw Abort(.notFound, reason: request.text(.notFound))
        }
        return (customer, signedIn.settings)
    }

    private func canEdit(_ request: Request, _ customer: Customer) -> Bool {
        request.permissions?.canEdit(customerOwnedBy: customer.ownerUserID) ?? false
    }

    private func requireEdit(
        _ request: Request, _ customer: Customer, _ settings: TenantSettings, assigningSelf: Bool = false
    ) throws {
        let owner = customer.ownerUserID
        let allowed =
            assigningSelf
            ? request.permissions?.canTakeOver(customerOwnedBy: owner) ?? false
            : request.permissions?.canEdit(customerOwnedBy: owner) ?? false
        guard allowed else { throw Abort(.forbidden, reason: request.text(.customerReadOnly)) }
    }

    private func render(
        _ request: Request, _ customer: Customer, settings: TenantSettings, errors: [String], notice: String?,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try request.tenantScope()
        let language = request.language
        let users = try await scope.query(User.self).sort(\.$name).all()
        let calendar = TenantCalendar(identifier: settings.timeZoneIdentifier)
        let attempts = try await scope.query(CallAttempt.self).filter(\.$customerID == customer.id).sort(
            \.$startedAt, .descending
        ).all()
        let listIDs = Set(attempts.compactMap(\.callListID))
        let lists = try await listIDs.isEmpty ? [] : scope.query(CallList.self).filter(\.$id ~~ Array(listIDs)).all()
        let listNames = Dictionary(uniqueKeysWithValues: lists.compactMap { list in list.id.map { ($0, list.name) } })
        let userNames = Dictionary(uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0, user.name) } })
        let history = attempts.map { attempt in
            HistoryRow(
                listName: attempt.callListID.flatMap { listNames[$0] } ?? "",
                calledAt: calendar.manualDateTime(attempt.startedAt),
                dialled: request.text(attempt.endedAt == nil ? .customerCalling : .customerDialled),
                status: attempt.result.map { result -> String in
                    switch result {
                    case .answered: result.label.text(in: language)
                    case .unanswered(let reason):
                        "\(result.label.text(in: language))(\(reason.label.text(in: language)))"
                    }
                } ?? "",
                agent: attempt.userID.flatMap { userNames[$0] } ?? "", memo: attempt.memo)
        }
        let bars = try await DialBarRow.rows(
            DialBarStore(scope: scope).bars(ofCustomer: try customer.requireID(), number: customer.phoneE164),
            request: request)
        let fields: [String: String] = [
            "industry": customer.industry, "company": customer.company, "companyKana": customer.companyKana,
            "contactName": customer.contactName, "address": customer.address, "phone": customer.phone,
            "email": customer.email, "note": customer.note,
        ]
        let content = EditContent(
            id: try customer.requireID().uuidString, canEdit: canEdit(request, customer),
            deleted: customer.deletedAt != nil,
            fields: fields,
            kinds: [SelectOption(value: "", label: "", selected: customer.kind == nil)]
                + CustomerKind.allCases.map {
                    SelectOption(value: $0.label.ja, label: $0.label.text(in: language), selected: customer.kind == $0)
                },
            prefectures: [SelectOption(value: "", label: "", selected: customer.prefecture.isEmpty)]
                + Prefecture.all.map { SelectOption(value: $0, label: $0, selected: customer.prefecture == $0) },
            owners: [SelectOption(value: "", label: "", selected: customer.ownerUserID == nil)]
                + users.compactMap { user in
                    user.id.map {
                        SelectOption(value: $0.uuidString, label: user.name, selected: customer.ownerUserID == $0)
                    }
                },
            distributed: customer.distributed, finalStatus: customer.finalStatus.label.text(in: language),
            registeredOn: customer.registeredOn.replacingOccurrences(of: "-", with: "/"), history: history,
            bars: bars.filter { !$0.lifted }, liftedBars: bars.filter(\.lifted),
            canLiftBars: request.permissions?.canManageDoNotCall ?? false, errors: errors,
            notice: notice)
        return try await request.renderPage("customer", content, status: status)
    }
}
