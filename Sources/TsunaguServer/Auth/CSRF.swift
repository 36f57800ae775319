import Crypto
import Foundation
import Vapor

extension Request {
    /// The session's CSRF token, created on first use (synchronizer token pattern).
    var csrfToken: String {
        if let token = session.data[SessionKeys.csrf] { return token }
        let token = Self.randomHex(bytes: 32)
        session.data[SessionKeys.csrf] = token
        return token
    }

    static func randomHex(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

/// Refuses every state-changing request (POST, PUT, PATCH, DELETE) whose `_csrf` form field or `X-CSRF-Token`
/// header does not match the session's token: nothing is changed and the user is told to try again.
struct CSRFMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard ![.GET, .HEAD, .OPTIONS].contains(request.method) else { return try await next.respond(to: request) }
        // Header (scripts), then the query (file uploads, whose bodies are streamed to the route), then the form.
        var sent = request.headers.first(name: "X-CSRF-Token") ?? request.query[String.self, at: "_csrf"]
        if sent == nil, request.headers.contentType == .urlEncodedForm {
            if request.body.data == nil {
                _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
            }
            sent = try? request.content.get(String.self, at: "_csrf")
        }
        guard let expected = request.session.data[SessionKeys.csrf], let sent,
            Self.constantTimeEqual(Array(sent.utf8), Array(expected.utf8))
        else {
            request.logger.notice("refused \(request.method) \(request.url.path): CSRF token missing or wrong")
            if request.url.path.hasPrefix("/api/") { throw Abort(.forbidden, reason: request.text(.csrfFailed)) }
            return try await request.renderPage(
                "message", MessagePage(title: request.text(.errorTitle), message: request.text(.csrfFailed)),
                status: .forbidden)
        }
        return try await next.respond(to: request)
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A page with a title and one message (errors, refusals).
struct MessagePage: Encodable {
    var title: String
    var message: String
}
