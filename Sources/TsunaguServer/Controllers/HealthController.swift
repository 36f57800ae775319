import SQLKit
import Vapor

/// `GET /health`: the server answers and its database answers.
struct HealthController: RouteCollection {
    struct Health: Content {
        var status: String
        var database: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("health", use: health)
    }

    @Sendable func health(request: Request) async throws -> Response {
        var health = Health(status: "ok", database: "ok")
        do {
            _ = try await request.db.sql.raw("SELECT 1").all()
        } catch {
            request.logger.error("health check: database did not answer: \(String(reflecting: error))")
            health = Health(status: "degraded", database: "unavailable")
        }
        let response = try await health.encodeResponse(for: request)
        response.status = health.status == "ok" ? .ok : .serviceUnavailable
        return response
    }
}
