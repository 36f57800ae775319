import Fluent
import Vapor

/// Loads the signed-in user from the session. A disabled or deleted user is signed out.
struct SessionUserMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let userText = request.session.data[SessionKeys.userID], let tenantText = request.session.data[SessionKeys.tenantID],
            let userID = UUID(uuidString: userText), let tenantID = UUID(uuidString: tenantText)
        {
            let scope = TenantScope(tenantID: tenantID, database: request.db)
            if let user = try await scope.find(User.self, id: userID), !user.disabled,
                let tenant = try await Tenant.find(tenantID, on: request.db)
            {
                request.signedIn = SignedIn(
                    userID: userID, tenantID: tenantID, loginID: user.loginID, name: user.name, role: user.role,
                    tenantName: tenant.name)
            } else {
                request.session.destroy()
            }
        }
        return try await next.respond(to: request)
    }
}

/// Pages behind sign-in: a browser is sent to the login page, an API client gets 401.
struct RequireSignInMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.signedIn != nil else {
            if request.url.path.hasPrefix("/api/") { throw Abort(.unauthorized) }
            return request.redirect(to: SiteURL.login.path)
        }
        return try await next.respond(to: request)
    }
}
