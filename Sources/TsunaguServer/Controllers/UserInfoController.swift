import Fluent
import TsunaguCore
import Vapor

/// ユーザ情報 (manual §4-3): the signed-in user's details; changing the password and the つなぐ/Phone password (the manual's MOTPhone パスワード).
struct UserInfoController: RouteCollection {
    struct UserInfo: Encodable {
        var name: String
        var group: String
        var loginID: String
        var email: String
        var phoneExtension: String
        var role: String
        var notice: String?
        var error: String?
    }

    struct PasswordForm: Content {
        var password: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("me", use: show)
        routes.post("me", "password", use: changePassword)
        routes.post("me", "phone-password", use: changePhonePassword)
    }

    @Sendable func show(request: Request) async throws -> Response {
        try await render(request, notice: nil, error: nil)
    }

    /// The new password applies from the next sign-in; every other session of the user ends now.
    @Sendable func changePassword(request: Request) async throws -> Response {
        let user = try await currentUser(request)
        let password = try request.decodeForm(PasswordForm.self).password ?? ""
        if let problem = AccountValidation.password(password, loginID: user.loginID) {
            return try await render(
                request, notice: nil, error: problem.explanation.text(in: request.language), status: .badRequest)
        }
        user.passwordHash = try await request.password.async.hash(password)
        user.sessionVersion += 1
        try await request.tenantScope().update(user)
        request.session.data[SessionKeys.version] = String(user.sessionVersion)
        request.logger.info("password changed by user '\(user.loginID)'")
        return try await render(request, notice: request.text(.mePasswordChanged), error: nil)
    }

    @Sendable func changePhonePassword(request: Request) async throws -> Response {
        let user = try await currentUser(request)
        let password = try request.decodeForm(PasswordForm.self).password ?? ""
        if let problem = AccountValidation.password(password, loginID: user.loginID) {
            return try await render(
                request, notice: nil, error: problem.explanation.text(in: request.language), status: .badRequest)
        }
        user.phonePassword = password
        try await request.tenantScope().update(user)
        return try await render(request, notice: request.text(.mePhonePasswordChanged), error: nil)
    }

    private func currentUser(_ request: Request) async throws -> User {
        try await request.tenantScope().require(User.self, id: request.signedIn?.userID)
    }

    private func render(_ request: Request, notice: String?, error: String?, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let user = try await currentUser(request)
        let info = UserInfo(
            name: user.name, group: user.groupName, loginID: user.loginID, email: user.email,
            phoneExtension: user.phoneExtension, role: request.text(user.role == .admin ? .roleAdmin : .roleAgent),
            notice: notice, error: error)
        return try await request.renderPage("me", info, status: status)
    }
}
