import Vapor

/// A refusal from a page's handler (403, 404, a 400 for a form that cannot be read) is shown as a page with the
/// message in the user's language, not as JSON; the JSON APIs under `/api/` keep Vapor's JSON error.
struct PageErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let error as any AbortError where !request.url.path.hasPrefix("/api/") && error.status != .unauthorized
        {
            return try await request.renderPage(
                "message", MessagePage(title: request.text(.errorTitle), message: error.reason), status: error.status)
        }
    }
}
