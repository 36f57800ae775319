import Fluent
import TsunaguCore
import Vapor

/// ユーザ管理 (管理者 only): list, create, edit, disable and enable users of the tenant.
struct AdminUsersController: RouteCollection {
    struct UserRow: Encodable {
        var id: String
        var name: String
        var group: String
        var loginID: String
        var email: String
        var phoneExtension: String
        var role: String
        var disabled: Bool
    }

    struct ListContent: Encodable {
        var users: [UserRow]
        var notice: String?
    }

    struct FormContent: Encodable {
        var id: String?
        var name: String
        var group: String
        var loginID: String
        var email: String
        var phoneExtension: String
        var isAdmin: Bool
        var canCreateLists: Bool
        var disabled: Bool
        var errors: [String]
    }

    struct UserForm: Content {
        var name: String?
        var group: String?
        var loginID: String?
        var email: String?
        var phoneExtension: String?
        var role: String?
        var canCreateLists: String?
        var password: String?
        var phonePassword: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("admin", "users")
        users.get(use: list)
        users.get("new", use: newForm)
        users.post(use: create)
        users.get(":userID", use: editForm)
        users.post(":userID", use: update)
        users.post(":userID", "disable", use: disable)
        users.post(":userID", "enable", use: enable)
    }

    @Sendable func list(request: Request) async throws -> Response {
        let users = try await request.tenantScope().query(User.self).sort(\.$loginID).all()
        let rows = users.map { user in
            UserRow(
                id: user.id?.uuidString ?? "", name: user.name, group: user.groupName, loginID: user.loginID,
                email: user.email,
                phoneExtension: user.phoneExtension,
                role: request.text(user.role == .admin ? .roleAdmin : .roleAgent),
                disabled: user.disabled)
        }
        let notice = request.query[String.self, at: "saved"] != nil ? request.text(.usersSaved) : nil
        return try await request.renderPage("users", ListContent(users: rows, notice: notice))
    }

    @Sendable func newForm(request: Request) async throws -> Response {
        let content = FormContent(
            name: "", group: "", loginID: "", email: "", phoneExtension: "", isAdmin: false, canCreateLists: false,
            disabled: false, errors: [])
        return try await request.renderPage("user-form", content)
    }

    @Sendable func create(request: Request) async throws -> Response {
        let form = try request.decodeForm(UserForm.self)
        let scope = try request.tenantScope()
        var errors = validate(form, request: request, requirePassword: true)
        let loginID = form.loginID ?? ""
        if errors.isEmpty, try await scope.query(User.self).filter(\.$loginID == loginID).first() != nil {
            errors.append(request.text(.usersDuplicateLoginID))
        }
        guard errors.isEmpty else { return try await renderForm(request, form, id: nil, errors: errors) }
        let user = User(
            tenantID: scope.tenantID, loginID: loginID, name: form.name ?? "", email: form.email ?? "",
            groupName: form.group ?? "", phoneExtension: form.phoneExtension ?? "",
            role: form.role == "admin" ? .admin : .agent,
            passwordHash: try await request.password.async.hash(form.password ?? ""),
            phonePassword: form.phonePassword ?? "",
            canCreateLists: form.canCreateLists != nil)
        try await scope.create(user)
        request.floorChanged()
        request.logger.info("user '\(loginID)' created by '\(request.signedIn?.loginID ?? "?")'")
        return request.redirect(to: "/admin/users?saved=1")
    }

    @Sendable func editForm(request: Request) async throws -> Response {
        let user = try await findUser(request)
        let content = FormContent(
            id: user.id?.uuidString, name: user.name, group: user.groupName, loginID: user.loginID, email: user.email,
            phoneExtension: user.phoneExtension, isAdmin: user.role == .admin, canCreateLists: user.canCreateLists,
            disabled: user.disabled, errors: [])
        return try await request.renderPage("user-form", content)
    }

    @Sendable func update(request: Request) async throws -> Response {
        let user = try await findUser(request)
        let scope = try request.tenantScope()
        let form = try request.decodeForm(UserForm.self)
        var errors = validate(form, request: request, requirePassword: false)
        let loginID = form.loginID ?? ""
        if errors.isEmpty, loginID != user.loginID,
            try await scope.query(User.self).filter(\.$loginID == loginID).first() != nil
        {
            errors.append(request.text(.usersDuplicateLoginID))
        }
        guard errors.isEmpty else { return try await renderForm(request, form, id: user.id, errors: errors) }
        user.name = form.name ?? ""
        user.groupName = form.group ?? ""
        user.loginID = loginID
        user.email = form.email ?? ""
        user.phoneExtension = form.phoneExtension ?? ""
        // An admin cannot take away their own admin role (the tenant would be left without one).
        if user.id != request.signedIn?.userID { user.role = form.role == "admin" ? .admin : .agent }
        user.canCreateLists = form.canCreateLists != nil || user.role == .admin
        if let password = form.password, !password.isEmpty {
            user.passwordHash = try await request.password.async.hash(password)
            user.sessionVersion += 1
        }
        if let phonePassword = form.phonePassword, !phonePassword.isEmpty { user.phonePassword = phonePassword }
        try await scope.update(user)
        request.floorChanged()
        return request.redirect(to: "/admin/users?saved=1")
    }

    @Sendable func disable(request: Request) async throws -> Response {
        let user = try await findUser(request)
        guard user.id != request.signedIn?.userID else {
            return try await request.renderPage(
                "message",
                MessagePage(title: request.text(.errorTitle), message: request.text(.usersCannotDisableSelf)),
                status: .badRequest)
        }
        user.disabled = true
        try await request.tenantScope().update(user)
        request.floorChanged()
        request.logger.info("user '\(user.loginID)' disabled by '\(request.signedIn?.loginID ?? "?")'")
        return request.redirect(to: "/admin/users?saved=1")
    }

    @Sendable func enable(request: Request) async throws -> Response {
        let user = try await findUser(request)
        user.disabled = false
        try await request.tenantScope().update(user)
        request.floorChanged()
        return request.redirect(to: "/admin/users?saved=1")
    }

    private func findUser(_ request: Request) async throws -> User {
        let id = request.parameters.get("userID").flatMap(UUID.init(uuidString:))
        guard let user = try await request.tenantScope().find(User.self, id: id) else {
            throw Abort(.notFound, reason: request.text(.notFound))
        }
        return user
    }

    private func validate(_ form: UserForm, request: Request, requirePassword: Bool) -> [String] {
        let language = request.language
        var problems: [AccountValidation.Problem?] = [
            AccountValidation.name(form.name ?? ""),
            AccountValidation.loginID(form.loginID ?? ""),
            AccountValidation.group(form.group ?? ""),
            AccountValidation.email(form.email ?? ""),
            AccountValidation.phoneExtension(form.phoneExtension ?? ""),
        ]
        if requirePassword || !(form.password ?? "").isEmpty {
            problems.append(AccountValidation.password(form.password ?? "", loginID: form.loginID ?? ""))
        }
        if let phonePassword = form.phonePassword, !phonePassword.isEmpty {
            problems.append(AccountValidation.password(phonePassword, loginID: form.loginID ?? ""))
        }
        return problems.compactMap { $0?.explanation.text(in: language) }
    }

    private func renderForm(_ request: Request, _ form: UserForm, id: UUID?, errors: [String]) async throws -> Response
    {
        let content = FormContent(
            id: id?.uuidString, name: String((form.name ?? "").prefix(200)),
            group: String((form.group ?? "").prefix(200)),
            loginID: String((form.loginID ?? "").prefix(200)), email: String((form.email ?? "").prefix(300)),
            phoneExtension: String((form.phoneExtension ?? "").prefix(20)), isAdmin: form.role == "admin",
            canCreateLists: form.canCreateLists != nil, disabled: false, errors: errors)
        return try await request.renderPage("user-form", content, status: .badRequest)
    }
}
