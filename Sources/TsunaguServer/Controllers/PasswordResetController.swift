import Crypto
import Fluent
import Mail
import TsunaguCore
import Vapor

/// パスワードを忘れた場合 (manual §4-4): tenant code + user ID → a key code by mail → mail address + key code + new
/// password → パスワード変更完了. The answer is the same whether or not the user exists or has an address.
struct PasswordResetController: RouteCollection {
    struct ForgotForm: Content {
        var tenantCode: String?
        var loginID: String?
    }

    struct ResetForm: Content {
        var email: String?
        var keyCode: String?
        var password: String?
    }

    struct ForgotContent: Encodable {
        var sent: Bool
        var error: String?
    }

    struct ResetContent: Encodable {
        var done: Bool
        var error: String?
        var email: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("password", "forgot", use: forgotPage)
        routes.post("password", "forgot", use: requestKeyCode)
        routes.get("password", "reset", use: resetPage)
        routes.post("password", "reset", use: reset)
    }

    @Sendable func forgotPage(request: Request) async throws -> Response {
        try await request.renderPage("forgot", ForgotContent(sent: false))
    }

    @Sendable func requestKeyCode(request: Request) async throws -> Response {
        let form = try request.decodeForm(ForgotForm.self)
        let code = form.tenantCode?.trimmingCharacters(in: .whitespaces) ?? ""
        let loginID = form.loginID?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !code.isEmpty, !loginID.isEmpty, code.count <= 64, loginID.count <= 64 else {
            return try await request.renderPage(
                "forgot", ForgotContent(sent: false, error: request.text(.loginMissing)), status: .badRequest)
        }
        let address = request.clientAddress
        let keys = ["reset:\(code.lowercased())/\(loginID.lowercased())", "reset-ip:\(address)"]
        let now = request.now
        if await request.application.loginGuard.wait(for: keys, now: now) == nil {
            _ = await request.application.loginGuard.recordFailure(for: keys, now: now)
            try await sendKeyCode(request, tenantCode: code, loginID: loginID, now: now)
        } else {
            request.logger.warning(
                "password reset requests slowed down: tenant '\(code)' user '\(loginID)' from \(address)")
        }
        return try await request.renderPage("forgot", ForgotContent(sent: true))
    }

    private func sendKeyCode(_ request: Request, tenantCode: String, loginID: String, now: Date) async throws {
        guard let tenant = try await Tenant.query(on: request.db).filter(\.$code == tenantCode).first(),
            let tenantID = tenant.id
        else { return }
        let scope = TenantScope(tenantID: tenantID, database: request.db)
        guard
            let user = try await scope.query(User.self).filter(\.$loginID == loginID).filter(\.$disabled == false)
                .first(),
            let userID = user.id, !user.email.isEmpty
        else {
            request.logger.info(
                "password reset requested for unknown user or user without mail: tenant '\(tenantCode)' user '\(loginID)'"
            )
            return
        }
        var generator = SystemRandomNumberGenerator()
        let keyCode = ResetKeyCode.generate(using: &generator)
        // Older unused codes of the user stop working: only the newest mail counts.
        try await scope.query(PasswordResetKey.self).filter(\.$userID == userID).filter(\.$usedAt == nil)
            .set(\.$usedAt, to: now).update()
        try await scope.create(
            PasswordResetKey(
                tenantID: tenantID, userID: userID, keyHash: Self.digest(keyCode),
                expiresAt: now + ResetKeyCode.lifetimeSeconds))
        let language = request.language
        let message = MailMessage(
            from: request.application.tsunaguConfiguration.mailFrom, to: [user.email],
            subject: Label.mailResetSubject.text(in: language),
            body: Message.mailResetBody(keyCode: keyCode).text(in: language))
        do {
            try await request.application.mailer.send(message)
            request.logger.info("password reset key code sent to user '\(user.loginID)'")
        } catch {
            // The person sees the same answer; the operator sees why the mail did not leave.
            request.logger.error("password reset mail to user '\(user.loginID)' failed: \(error)")
        }
    }

    @Sendable func resetPage(request: Request) async throws -> Response {
        try await request.renderPage("reset", ResetContent(done: false, email: ""))
    }

    @Sendable func reset(request: Request) async throws -> Response {
        let form = try request.decodeForm(ResetForm.self)
        let email = String((form.email ?? "").trimmingCharacters(in: .whitespaces).prefix(254))
        let password = form.password ?? ""
        let now = request.now
        let invalid = ResetContent(done: false, error: request.text(.resetInvalid), email: email)
        guard let keyCode = ResetKeyCode.normalized(form.keyCode ?? ""), !email.isEmpty else {
            return try await request.renderPage("reset", invalid, status: .badRequest)
        }
        // The key code finds its user; the mail address must be that user's.
        guard
            let key = try await PasswordResetKey.query(on: request.db).filter(\.$keyHash == Self.digest(keyCode))
                .first(),
            key.usedAt == nil, key.expiresAt > now
        else {
            return try await request.renderPage("reset", invalid, status: .badRequest)
        }
        let scope = TenantScope(tenantID: key.tenantID, database: request.db)
        guard let user = try await scope.find(User.self, id: key.userID), !user.disabled,
            user.email.lowercased() == email.lowercased()
        else {
            return try await request.renderPage("reset", invalid, status: .badRequest)
        }
        if let problem = AccountValidation.password(password, loginID: user.loginID) {
            let content = ResetContent(done: false, error: problem.explanation.text(in: request.language), email: email)
            return try await request.renderPage("reset", content, status: .badRequest)
        }
        let hash = try await request.password.async.hash(password)
        try await scope.transaction { scope in
            key.usedAt = now
            try await scope.update(key)
            user.passwordHash = hash
            user.sessionVersion += 1
            try await scope.update(user)
        }
        request.logger.info("password reset completed for user '\(user.loginID)'")
        return try await request.renderPage("reset", ResetContent(done: true, email: ""))
    }

    /// Only a digest of the key code is stored, so a copy of the database does not hold usable codes.
    static func digest(_ keyCode: String) -> String {
        SHA256.hash(data: Data(keyCode.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
