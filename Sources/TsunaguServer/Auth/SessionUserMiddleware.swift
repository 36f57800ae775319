import Fluent
import TsunaguCore
import Vapor

/// Loads the signed-in user from the session. A disabled user, a session from before a password change, or one
/// idle longer than the tenant allows is signed out.
struct SessionUserMiddleware: AsyncMiddleware {
    /// How stale the stored time of the last request may get: a minute, or a tenth of a shorter idle limit, so a
    /// sign-out comes at most that much before the limit after the last request.
    static func lastSeenResolution(idleLimit: Double) -> Double { min(60, idleLimit / 10) }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let userText = request.session.data[SessionKeys.userID],
            let tenantText = request.session.data[SessionKeys.tenantID],
            let userID = UUID(uuidString: userText), let tenantID = UUID(uuidString: tenantText)
        {
            let scope = TenantScope(tenantID: tenantID, database: request.db)
            let now = request.now
            let lastSeen = request.session.data[SessionKeys.lastSeen].flatMap(Double.init)
            if let user = try await scope.find(User.self, id: userID), !user.disabled,
                let tenant = try await Tenant.find(tenantID, on: request.db),
                request.session.data[SessionKeys.version] == String(user.sessionVersion)
            {
                let idleLimit = Double(tenant.settings.clamped.idleLogoutMinutes * 60)
                if let lastSeen, now.timeIntervalSince1970 - lastSeen > idleLimit {
                    request.logger.info(
                        "signed out after \(tenant.settings.idleLogoutMinutes) idle minutes: user '\(user.loginID)'")
                    signOut(request)
                    request.storage[IdleSignOutKey.self] = true
                } else {
                    request.signedIn = SignedIn(
                        userID: userID, tenantID: tenantID, loginID: user.loginID, name: user.name, role: user.role,
                        tenantName: tenant.name, settings: tenant.settings,
                        permissions: Permissions(
                            userID: userID, isAdministrator: user.role == .admin, mayCreateLists: user.canCreateLists,
                            settings: tenant.settings))
                    // Not stored on every request: each change of the session is a write, and a wall display polling
                    // the board each second would otherwise wait for the phone screens' writer every time.
                    let resolution = Self.lastSeenResolution(idleLimit: idleLimit)
                    if lastSeen.map({ now.timeIntervalSince1970 - $0 >= resolution }) ?? true {
                        request.session.data[SessionKeys.lastSeen] = String(Int(now.timeIntervalSince1970))
                    }
                }
            } else {
                signOut(request)
            }
        }
        return try await next.respond(to: request)
    }

    /// Ends the session but keeps the request able to render a page with a fresh CSRF token.
    private func signOut(_ request: Request) {
        request.session.data = SessionData()
        request.session.id = nil
    }
}

struct IdleSignOutKey: StorageKey {
    typealias Value = Bool
}

/// Pages behind sign-in: a browser is sent to the login page (saying why after an idle sign-out), an API client
/// gets 401.
struct RequireSignInMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.signedIn != nil else {
            if request.url.path.hasPrefix("/api/") {
                throw Abort(.unauthorized, reason: request.text(.loginRequired))
            }
            let idle = request.storage[IdleSignOutKey.self] == true
            return request.redirect(to: SiteURL.login.path + (idle ? "?timeout=1" : ""))
        }
        return try await next.respond(to: request)
    }
}

/// Pages and APIs behind one permission (ユーザ管理, 設定: 管理者 only): anyone else gets 403 and nothing changes.
struct RequirePermissionMiddleware: AsyncMiddleware {
    let allows: @Sendable (Permissions) -> Bool

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let permissions = request.signedIn?.permissions, allows(permissions) else {
            request.logger.notice("refused \(request.method) \(request.url.path) to a user without the permission")
            if request.url.path.hasPrefix("/api/") { throw Abort(.forbidden, reason: request.text(.adminOnly)) }
            return try await request.renderPage(
                "message", MessagePage(title: request.text(.errorTitle), message: request.text(.adminOnly)),
                status: .forbidden)
        }
        return try await next.respond(to: request)
    }
}
