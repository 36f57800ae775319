import Fluent
import Foundation
import NIOCore
import TsunaguCore
import Vapor

/// 稼働状況, the manager's live board (docs/ARCHITECTURE.md#the-managers-floor): the 管理者's home page, its
/// WebSocket of pushed changes, and the same snapshot as JSON at `GET /api/v1/floor` for wall displays. Agents keep
/// 顧客一覧 as their home and get 403 from the board and its API.
struct FloorController: RouteCollection {
    struct FloorPage: Encodable {
        /// The snapshot the page starts from (JSON), before its socket opens.
        var snapshot: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        let managers = routes.grouped(RequirePermissionMiddleware { $0.canViewFloor })
        managers.get("floor", use: page)
        managers.get("api", "v1", "floor", use: snapshot)
        managers.webSocket(
            "api", "v1", "floor", "socket", maxFrameSize: .init(integerLiteral: 4 * 1024),
            shouldUpgrade: shouldUpgrade, onUpgrade: connect)
    }

    /// `/`: the board for a manager, 顧客一覧 for an agent.
    @Sendable func home(request: Request) async throws -> Response {
        guard let signedIn = request.signedIn else { throw Abort(.unauthorized) }
        if signedIn.permissions.canViewFloor { return try await page(request: request) }
        return try await CustomerListController().list(request: request)
    }

    @Sendable func page(request: Request) async throws -> Response {
        try await request.renderPage("floor", FloorPage(snapshot: try await hub(request).currentJSON()))
    }

    /// `GET /api/v1/floor`: `{"agents":[…],"lists":[…],"totals":{…},"wrapUpLimitSeconds":…,"generatedAt":…}`, times
    /// in ISO 8601 with the tenant's offset.
    @Sendable func snapshot(request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: try await hub(request).currentJSON()))
        response.headers.contentType = .json
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    @Sendable func shouldUpgrade(request: Request) async throws -> HTTPHeaders? {
        guard request.signedIn != nil else { throw Abort(.unauthorized) }
        try request.requireSameOrigin()
        return [:]
    }

    @Sendable func connect(request: Request, socket: WebSocket) async {
        let hub: FloorHub
        do {
            hub = try await self.hub(request)
        } catch {
            try? await socket.close(code: .policyViolation)  // Refused: there is no one to tell more.
            return
        }
        guard let signedIn = request.signedIn, let sessionID = request.session.id else { return }
        let sessionVersion = request.session.data[SessionKeys.version]
        let id = UUID()
        // The board only listens: no handler is set for what it sends, so that is dropped.
        let database = request.application.db
        let logger = request.logger
        // The board stays inside its sign-in: signed out, disabled, no longer 管理者 or a changed password ends it.
        let checks = socket.eventLoop.scheduleRepeatedAsyncTask(
            initialDelay: Self.checkInterval, delay: Self.checkInterval
        ) { task in
            let promise = socket.eventLoop.makePromise(of: Void.self)
            promise.completeWithTask {
                let valid = await Self.stillSignedIn(
                    sessionID: sessionID, version: sessionVersion, userID: signedIn.userID,
                    tenantID: signedIn.tenantID, database: database)
                if !valid {
                    task.cancel()
                    logger.info("closed a floor board whose sign-in ended: user \(signedIn.userID)")
                    await hub.detach(id)
                    try? await socket.close(code: .policyViolation)
                }
            }
            return promise.futureResult
        }
        socket.onClose.whenComplete { _ in
            checks.cancel()
            Task { await hub.detach(id) }
        }
        do {
            try await hub.attach(FloorHub.Board(id: id, send: { text in socket.send(text) }))
            if socket.isClosed { await hub.detach(id) }
        } catch {
            request.logger.error("opening the floor board failed: \(error)")
            try? await socket.close(code: .unexpectedServerError)
        }
    }

    static let checkInterval: TimeAmount = .seconds(30)

    /// The board's sign-in still holds: the session exists, and its user is enabled, on the same password and still
    /// allowed the board.
    static func stillSignedIn(
        sessionID: SessionID, version: String?, userID: UUID, tenantID: UUID, database: any Database
    ) async -> Bool {
        do {
            guard try await SessionRecord.query(on: database).filter(\.$key == sessionID).first() != nil,
                let user = try await TenantScope(tenantID: tenantID, database: database).find(User.self, id: userID),
                !user.disabled, version == String(user.sessionVersion), user.role == .admin
            else { return false }
            return true
        } catch {
            // A database that cannot answer now says nothing about the sign-in: check again next time.
            return true
        }
    }

    private func hub(_ request: Request) async throws -> FloorHub {
        guard let signedIn = request.signedIn else { throw Abort(.unauthorized) }
        return await request.application.floorHubs.hub(for: signedIn.tenantID)
    }
}
