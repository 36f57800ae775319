import Vapor

/// Sign-in for scripts and the phone screen: when the session ended while the screen was open, the screen signs in
/// again in place and carries on, without a page load that would lose what is on it.
struct SessionAPIController: RouteCollection {
    struct Credentials: Content {
        var tenantCode: String?
        var loginID: String?
        var password: String?
    }

    struct Token: Content {
        var csrf: String
        var signedIn: Bool
    }

    struct Answer: Content {
        var ok: Bool
        var csrf: String?
        var message: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "session", "csrf", use: csrf)
        routes.post("api", "session", use: signIn)
    }

    /// A CSRF token for the (possibly new, signed-out) browser session.
    @Sendable func csrf(request: Request) async throws -> Token {
        Token(csrf: request.csrfToken, signedIn: request.signedIn != nil)
    }

    @Sendable func signIn(request: Request) async throws -> Response {
        let credentials = try request.decodeForm(Credentials.self)
        let code = credentials.tenantCode?.trimmingCharacters(in: .whitespaces) ?? ""
        let loginID = credentials.loginID?.trimmingCharacters(in: .whitespaces) ?? ""
        let password = credentials.password ?? ""
        guard !code.isEmpty, !loginID.isEmpty, !password.isEmpty else {
            return try await Answer(ok: false, message: request.text(.loginMissing)).encodeResponse(
                status: .badRequest, for: request)
        }
        switch await SignIn.attempt(request, tenantCode: code, loginID: loginID, password: password) {
        case .signedIn:
            return try await Answer(ok: true, csrf: request.csrfToken).encodeResponse(for: request)
        case .refused(let message, let status):
            return try await Answer(ok: false, message: message).encodeResponse(status: status, for: request)
        }
    }
}
