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

    struct LoginPage: Encodable {
        var lang: String
        var otherLang: String
        var t: [String: String]
        var error: String?
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
        let response = try await render(request, error: nil, form: LoginForm()).encodeResponse(for: request)
        response.rememberLanguage(of: request)
        return response
    }

    @Sendable func signIn(request: Request) async throws -> Response {
        let form = (try? request.content.decode(LoginForm.self)) ?? LoginForm()
        let code = form.tenantCode?.trimmingCharacters(in: .whitespaces) ?? ""
        let loginID = form.loginID?.trimmingCharacters(in: .whitespaces) ?? ""
        let password = form.password ?? ""
        guard !code.isEmpty, !loginID.isEmpty, !password.isEmpty, code.count <= 64, loginID.count <= 64,
            password.utf8.count <= 72
        else {
            return try await failure(request, key: code.isEmpty || loginID.isEmpty || password.isEmpty ? "login_missing" : "login_failed", form: form)
        }
        let tenant = try await Tenant.query(on: request.db).filter(\.$code == code).first()
        let user: User? =
            if let tenantID = tenant?.id {
                try await TenantScope(tenantID: tenantID, database: request.db).query(User.self)
                    .filter(\.$loginID == loginID).filter(\.$disabled == false).first()
            } else { nil }
        // Always run bcrypt, so a wrong tenant or user takes as long as a wrong password.
        let hash = user?.passwordHash ?? Self.timingDummyHash
        let valid = (try? await request.password.async.verify(password, created: hash)) ?? false
        guard let user, let tenant, valid, let userID = user.id, let tenantID = tenant.id else {
            request.logger.notice("sign-in failed for tenant '\(code)' user '\(loginID)' from \(request.remoteAddress?.description ?? "?")")
            return try await failure(request, key: "login_failed", form: form)
        }
        // A fresh session id at sign-in (no session fixation).
        request.session.id = nil
        request.session.data = SessionData()
        request.session.data[SessionKeys.userID] = userID.uuidString
        request.session.data[SessionKeys.tenantID] = tenantID.uuidString
        request.logger.info("signed in: tenant '\(tenant.code)' user '\(user.loginID)'")
        return request.redirect(to: SiteURL.home.path)
    }

    @Sendable func signOut(request: Request) async throws -> Response {
        request.session.destroy()
        return request.redirect(to: SiteURL.login.path)
    }

    private func failure(_ request: Request, key: String, form: LoginForm) async throws -> Response {
        let response = try await render(request, error: key, form: form).encodeResponse(for: request)
        response.status = .unauthorized
        return response
    }

    private func render(_ request: Request, error key: String?, form: LoginForm) async throws -> View {
        let language = request.language
        let labels = UIText.labels(language)
        let page = LoginPage(
            lang: language.rawValue, otherLang: labels["language_other"]!, t: labels, error: key.flatMap { labels[$0] },
            tenantCode: form.tenantCode ?? "", loginID: form.loginID ?? "")
        return try await request.view.render("login", page)
    }

    /// A bcrypt hash of a random string, verified against when the user does not exist.
    private static let timingDummyHash: String = (try? Bcrypt.hash(UUID().uuidString)) ?? ""
}
