import Fluent
import TsunaguCore
import Vapor

/// Sign-in with 契約顧客コード + ユーザID + パスワード (manual §2-2), and sign-out.
struct LoginController: RouteCollection {
    struct LoginForm: Content {
        var tenantCode: String?
        var loginID: String?
        var password: String?
    }

    struct LoginContent: Encodable {
        var error: String?
        var notice: String?
        var tenantCode: String
        var loginID: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: page)
        routes.post("login", use: signIn)
        routes.post("logout", use: signOut)
    }

    @Sendable func page(request: Request) async throws -> Response {
        if request.signedIn != nil { return request.redirect(to: SiteURL.home.path) }
        let notice = request.query[String.self, at: "timeout"] != nil ? request.text(.loginIdle) : nil
        return try await request.renderPage("login", LoginContent(notice: notice, tenantCode: "", loginID: ""))
    }

    @Sendable func signIn(request: Request) async throws -> Response {
        let form = try request.decodeForm(LoginForm.self)
        let code = form.tenantCode?.trimmingCharacters(in: .whitespaces) ?? ""
        let loginID = form.loginID?.trimmingCharacters(in: .whitespaces) ?? ""
        let password = form.password ?? ""
        guard !code.isEmpty, !loginID.isEmpty, !password.isEmpty else {
            return try await failure(request, message: request.text(.loginMissing), form: form, status: .badRequest)
        }
        switch await SignIn.attempt(request, tenantCode: code, loginID: loginID, password: password) {
        case .signedIn:
            return request.redirect(to: SiteURL.home.path)
        case .refused(let message, let status):
            return try await failure(request, message: message, form: form, status: status)
        }
    }

    @Sendable func signOut(request: Request) async throws -> Response {
        request.session.destroy()
        return request.redirect(to: SiteURL.login.path)
    }

    private func failure(_ request: Request, message: String, form: LoginForm, status: HTTPResponseStatus) async throws
        -> Response
    {
        let content = LoginContent(
            error: message, tenantCode: String((form.tenantCode ?? "").prefix(64)),
            loginID: String((form.loginID ?? "").prefix(64)))
        return try await request.renderPage("login", content, status: status)
    }
}
