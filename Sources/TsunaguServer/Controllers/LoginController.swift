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
        let notice = request.query[String.self, at: "timeout"] != nil ? request.text("login_idle") : nil
        return try await request.renderPage("login", LoginContent(notice: notice, tenantCode: "", loginID: ""))
    }

    @Sendable func signIn(request: Request) async throws -> Response {
        let form = (try? request.content.decode(LoginForm.self)) ?? LoginForm()
        let code = form.tenantCode?.trimmingCharacters(in: .whitespaces) ?? ""
        let loginID = form.loginID?.trimmingCharacters(in: .whitespaces) ?? ""
        let password = form.password ?? ""
        guard !code.isEmpty, !loginID.isEmpty, !password.isEmpty else {
            return try await failure(request, message: request.text("login_missing"), form: form, status: .badRequest)
        }
        let address = request.clientAddress
        let userKey = "user:\(code.lowercased())/\(loginID.lowercased())"
        let keys = [userKey, "ip:\(address)"]
        let now = request.now
        if let wait = await request.application.loginGuard.wait(for: keys, now: now) {
            request.logger.warning("sign-in refused while slowed down: tenant '\(code)' user '\(loginID)' from \(address)")
            let message = request.text("login_slowDown").replacingOccurrences(of: "{seconds}", with: "\(Int(wait.rounded(.up)))")
            return try await failure(request, message: message, form: form, status: .tooManyRequests)
        }

        let tenant = code.count <= 64 ? try await Tenant.query(on: request.db).filter(\.$code == code).first() : nil
        let user: User? =
            if let tenantID = tenant?.id, loginID.count <= 64 {
                try await TenantScope(tenantID: tenantID, database: request.db).query(User.self)
                    .filter(\.$loginID == loginID).filter(\.$disabled == false).first()
            } else { nil }
        // Always run bcrypt, so a wrong tenant or user takes as long as a wrong password.
        let hash = user?.passwordHash ?? Self.timingDummyHash
        let matches = (try? await request.password.async.verify(password, created: hash)) ?? false
        let valid = password.utf8.count <= 72 && matches
        guard let user, let tenant, valid, let userID = user.id, let tenantID = tenant.id else {
            let slowed = await request.application.loginGuard.recordFailure(for: keys, now: now)
            request.logger.notice("sign-in failed: tenant '\(code)' user '\(loginID)' from \(address)")
            if slowed { request.logger.warning("repeated sign-in failures: tenant '\(code)' user '\(loginID)' from \(address); slowing down") }
            return try await failure(request, message: request.text("login_failed"), form: form, status: .unauthorized)
        }
        await request.application.loginGuard.recordSuccess(for: userKey)
        // A fresh session id and CSRF token at sign-in (no session fixation).
        request.session.id = nil
        request.session.data = SessionData()
        request.session.data[SessionKeys.userID] = userID.uuidString
        request.session.data[SessionKeys.tenantID] = tenantID.uuidString
        request.session.data[SessionKeys.version] = String(user.sessionVersion)
        request.session.data[SessionKeys.lastSeen] = String(Int(now.timeIntervalSince1970))
        request.logger.info("signed in: tenant '\(tenant.code)' user '\(user.loginID)' from \(address)")
        return request.redirect(to: SiteURL.home.path)
    }

    @Sendable func signOut(request: Request) async throws -> Response {
        request.session.destroy()
        return request.redirect(to: SiteURL.login.path)
    }

    private func failure(_ request: Request, message: String, form: LoginForm, status: HTTPResponseStatus) async throws -> Response {
        let content = LoginContent(
            error: message, tenantCode: String((form.tenantCode ?? "").prefix(64)), loginID: String((form.loginID ?? "").prefix(64)))
        return try await request.renderPage("login", content, status: status)
    }

    /// A bcrypt hash of a random string, verified against when the user does not exist.
    private static let timingDummyHash: String = (try? Bcrypt.hash(UUID().uuidString)) ?? ""
}
