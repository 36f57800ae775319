import Fluent
import Vapor

/// Checks 契約顧客コード + ユーザID + パスワード and starts a session: the login page and the phone screen's
/// re-sign-in share it, with the same slow-down and the same message whatever was wrong.
enum SignIn {
    enum Outcome {
        case signedIn(userID: UUID)
        case refused(message: String, status: HTTPResponseStatus)
    }

    static func attempt(_ request: Request, tenantCode code: String, loginID: String, password: String) async -> Outcome
    {
        do {
            return try await check(request, tenantCode: code, loginID: loginID, password: password)
        } catch {
            request.logger.error("sign-in failed with an error: \(error)")
            return .refused(message: request.text(.errorTitle), status: .internalServerError)
        }
    }

    private static func check(_ request: Request, tenantCode code: String, loginID: String, password: String)
        async throws -> Outcome
    {
        let address = request.clientAddress
        let userKey = "user:\(code.lowercased())/\(loginID.lowercased())"
        let keys = [userKey, "ip:\(address)"]
        let now = request.now
        if let wait = await request.application.loginGuard.wait(for: keys, now: now) {
            request.logger.warning(
                "sign-in refused while slowed down: tenant '\(code)' user '\(loginID)' from \(address)")
            let message = request.text(.loginSlowDown(seconds: Int(wait.rounded(.up))))
            return .refused(message: message, status: .tooManyRequests)
        }

        let tenant = code.count <= 64 ? try await Tenant.query(on: request.db).filter(\.$code == code).first() : nil
        let user: User? =
            if let tenantID = tenant?.id, loginID.count <= 64 {
                try await TenantScope(tenantID: tenantID, database: request.db).query(User.self)
                    .filter(\.$loginID == loginID).filter(\.$disabled == false).first()
            } else { nil }
        // Always run bcrypt, so a wrong tenant or user takes as long as a wrong password.
        let hash = user?.passwordHash ?? timingDummyHash
        let matches: Bool
        do {
            matches = try await request.password.async.verify(password, created: hash)
        } catch {
            // A stored hash bcrypt cannot read: the sign-in fails like a wrong password, and the operator is told.
            request.logger.error(
                "sign-in: the password hash of tenant '\(code)' user '\(loginID)' is unreadable: \(error)")
            matches = false
        }
        let valid = password.utf8.count <= 72 && matches
        guard let user, let tenant, valid, let userID = user.id, let tenantID = tenant.id else {
            let slowed = await request.application.loginGuard.recordFailure(for: keys, now: now)
            request.logger.notice("sign-in failed: tenant '\(code)' user '\(loginID)' from \(address)")
            if slowed {
                request.logger.warning(
                    "repeated sign-in failures: tenant '\(code)' user '\(loginID)' from \(address); slowing down")
            }
            return .refused(message: request.text(.loginFailed), status: .unauthorized)
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
        return .signedIn(userID: userID)
    }

    /// A bcrypt hash of a random string, verified against when the user does not exist.
    private static let timingDummyHash: String = (try? Bcrypt.hash(UUID().uuidString)) ?? ""
}
