import Fluent
import TsunaguCore
import Vapor

/// 再架電予定: the timed callbacks still waiting. An agent sees their own by due time; a manager sees every agent's,
/// overdue first, and can hand one to another agent (the callback keeps its due time).
struct CallbackController: RouteCollection {
    /// The most shown on the page; overdue ones come first, so none of those is ever cut off before a later one.
    static let pageLimit = 1000

    struct Row: Encodable {
        var id: UUID
        var due: String
        var overdue: Bool
        var company: String
        var contactName: String
        var phone: String
        var customerID: UUID?
        var note: String
        var owner: String
        var ownerID: UUID
    }

    struct Content: Encodable {
        var rows: [Row]
        var everyone: Bool
        var agents: [SelectOption]
        var notice: String?
        var error: String?
    }

    struct ReassignForm: Vapor.Content {
        var owner: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("callbacks", use: index)
        routes.post("callbacks", ":callbackID", "reassign", use: reassign)
    }

    @Sendable func index(request: Request) async throws -> Response {
        try await Self.render(request)
    }

    @Sendable func reassign(request: Request) async throws -> Response {
        try request.require({ $0.canManageCallbacks }, otherwise: .adminOnly)
        let scope = try request.tenantScope()
        let store = CallbackStore(scope: scope)
        // Another tenant's callback is not there: 404 before anything else is looked at.
        guard let id = request.parameters.get("callbackID").flatMap(UUID.init(uuidString:)),
            let callback = try await store.find(id)
        else { throw Abort(.notFound, reason: request.text(.notFound)) }
        let form = try request.decodeForm(ReassignForm.self)
        guard let ownerID = form.owner.flatMap(UUID.init(uuidString:)),
            let owner = try await scope.find(User.self, id: ownerID), !owner.disabled
        else {
            return try await Self.render(request, error: request.text(.callbacksChooseAgent), status: .badRequest)
        }
        guard try await store.reassign(id, to: ownerID, by: request.signedIn!.userID, at: request.now) else {
            return try await Self.render(request, error: request.text(.callbacksAlreadyTaken), status: .conflict)
        }
        request.logger.info(
            "callback \(id) handed from \(callback.ownerID) to \(ownerID) by '\(request.signedIn?.loginID ?? "?")'")
        await request.application.deskRegistry.callbacksChanged(tenantID: scope.tenantID)
        return try await Self.render(
            request, notice: request.text(.callbacksReassigned(company: callback.company, agent: owner.name)))
    }

    static func render(
        _ request: Request, notice: String? = nil, error: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        guard let signedIn = request.signedIn else { throw Abort(.unauthorized) }
        let scope = try request.tenantScope()
        let everyone = signedIn.permissions.canManageCallbacks
        let now = request.now
        let records = try await CallbackStore(scope: scope).scheduled(
            ownerID: everyone ? nil : signedIn.userID, limit: pageLimit)
        let callbacks =
            everyone
            ? Callback.managerOrder(records.map(\.callback), now: now)
            : Callback.agentOrder(records.map(\.callback), ownerID: signedIn.userID)
        let users = try await scope.query(User.self).sort(\.$loginID).all()
        let names = Dictionary(uniqueKeysWithValues: users.compactMap { user in user.id.map { ($0, user.name) } })
        let calendar = TenantCalendar(identifier: signedIn.settings.timeZoneIdentifier)
        let rows = callbacks.map { callback in
            Row(
                id: callback.id, due: calendar.minuteDateTime(callback.dueAt), overdue: callback.isDue(now: now),
                company: callback.company, contactName: callback.contactName,
                phone: callback.phone.isEmpty ? PhoneNumber.nationalDisplay(of: callback.number) : callback.phone,
                customerID: callback.customerID,
                note: callback.note, owner: names[callback.ownerID] ?? "", ownerID: callback.ownerID)
        }
        let agents = users.filter { !$0.disabled }.compactMap { user in
            user.id.map { SelectOption(value: $0.uuidString, label: user.name, selected: false) }
        }
        return try await request.renderPage(
            "callbacks",
            Content(rows: rows, everyone: everyone, agents: everyone ? agents : [], notice: notice, error: error),
            status: status)
    }
}
