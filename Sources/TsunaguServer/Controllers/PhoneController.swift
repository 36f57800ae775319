import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import TsunaguCore
import Vapor

/// The agent's phone screen (manual §1-2, §3): the page, its WebSocket, and the re-sign-in it uses when the
/// session ended while the screen was open.
struct PhoneController: RouteCollection {
    /// How often an open screen's sign-in is checked.
    static let checkInterval: TimeAmount = .seconds(15)

    struct PhonePage: Encodable {
        var labels: String
        var userName: String
        var tenantCode: String
        var loginID: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("phone", use: page)
        routes.webSocket(
            "api", "phone", "socket", maxFrameSize: .init(integerLiteral: 128 * 1024), shouldUpgrade: shouldUpgrade,
            onUpgrade: connect)
    }

    @Sendable func page(request: Request) async throws -> Response {
        guard let signedIn = request.signedIn else { throw Abort(.unauthorized) }
        let tenant = try await Tenant.find(signedIn.tenantID, on: request.db)
        let labels = Label.phoneScreenJSON(in: request.language)
        return try await request.renderPage(
            "phone",
            PhonePage(
                labels: labels, userName: signedIn.name, tenantCode: tenant?.code ?? "", loginID: signedIn.loginID))
    }

    /// Only the server's own pages may open the socket (no cross-site WebSocket hijacking).
    @Sendable func shouldUpgrade(request: Request) async throws -> HTTPHeaders? {
        guard request.signedIn != nil else { throw Abort(.unauthorized) }
        try request.requireSameOrigin()
        return [:]
    }

    @Sendable func connect(request: Request, socket: WebSocket) async {
        let connectionGuard: DeskConnectionGuard
        do {
            guard let signedIn = request.signedIn else { throw Abort(.unauthorized) }
            connectionGuard = try DeskConnectionGuard(request: request, signedIn: signedIn)
        } catch {
            request.logger.notice("refused a phone-screen socket without a signed-in session: \(error)")
            try? await socket.close(code: .policyViolation)  // Closing a socket being refused: nothing to tell.
            return
        }
        guard let signedIn = request.signedIn else { return }
        let application = request.application
        let language = request.language
        let logger = request.logger
        let session: AgentDeskSession
        do {
            session = try await application.deskRegistry.session(tenantID: signedIn.tenantID, userID: signedIn.userID)
        } catch is DeskHeldElsewhere {
            // Another instance serves this agent: say so; the screen reconnects by itself and is served here once
            // that instance gives the agent up (or dies and its lease runs out).
            let message = DeskProtocol.NoticeMessage(message: Label.deskHeldElsewhere.text.text(in: language))
            try? await socket.send(DeskProtocol.encode(message))
            try? await socket.close(code: .goingAway)
            return
        } catch {
            logger.error("opening the phone screen of user \(signedIn.userID) failed: \(error)")
            try? await socket.close(code: .unexpectedServerError)
            return
        }
        let clientID = UUID()
        // The session this screen joined (another one if the first had just retired).
        let joinedSession = NIOLockedValueBox(session)
        // The callbacks are set on the socket's event loop, and stay synchronous so actions keep their order. The
        // screen sends nothing before the state that `join` makes the session send, so nothing arrives unhandled.
        do {
            try await socket.eventLoop.submit {
                socket.onText { _, text in
                    guard !connectionGuard.isClosed else { return }
                    let (requestID, parsed) = DeskProtocol.parse(text)
                    switch parsed {
                    case .success(let command):
                        if command != .ping { connectionGuard.noteActivity(at: application.clock.now()) }
                        joinedSession.withLockedValue { $0 }.submit(
                            .command(command, requestID: requestID, client: clientID))
                    case .failure(let error):
                        joinedSession.withLockedValue { $0 }.submit(
                            .rejected(error, requestID: requestID, client: clientID))
                    }
                }
                socket.onBinary { _, _ in
                    joinedSession.withLockedValue { $0 }.submit(.rejected(.malformed, requestID: nil, client: clientID))
                }
            }.get()
        } catch {
            // The socket's event loop is gone (the server is stopping): this screen reconnects to the next one.
            logger.notice(
                "phone screen of user \(signedIn.userID): its socket closed before it could be joined: \(error)")
            return
        }
        let client = AgentDeskSession.Client(
            id: clientID, language: language, send: { text in socket.send(text) },
            close: { socket.close(code: .goingAway, promise: nil) })
        // A session that retired a moment ago takes no input: the registry opens the agent's next one.
        var joined = session.submit(.join(client))
        while !joined {
            do {
                let next = try await application.deskRegistry.session(
                    tenantID: signedIn.tenantID, userID: signedIn.userID)
                joinedSession.withLockedValue { $0 = next }
                joined = next.submit(.join(client))
            } catch {
                logger.notice("phone screen of user \(signedIn.userID): could not join a new session: \(error)")
                try? await socket.close(code: .goingAway)
                return
            }
        }
        // Taken now: a check that fires while the server shuts down must not reach into an application whose
        // storage and databases are already gone.
        let (database, writer) = (application.db, application.deskRegistry.writer)
        // Spread over the interval: screens opened together (a team at 9:00) must not all check at the same moment.
        let firstCheck = TimeAmount.milliseconds(.random(in: 1_000...Self.checkInterval.nanoseconds / 1_000_000))
        let checks = socket.eventLoop.scheduleRepeatedAsyncTask(initialDelay: firstCheck, delay: Self.checkInterval) {
            task in
            let promise = socket.eventLoop.makePromise(of: Void.self)
            promise.completeWithTask {
                let valid = await connectionGuard.check(
                    database: database, writer: writer, now: application.clock.now(), logger: logger)
                if !valid {
                    task.cancel()
                    joinedSession.withLockedValue { $0 }.submit(.leave(clientID))
                    let message = DeskProtocol.SignedOutMessage(
                        message: Label.phoneSignedOut.text(in: language))
                    // The screen may already be gone: then there is no one left to tell.
                    try? await socket.send(DeskProtocol.encode(message))
                    try? await socket.close(code: .normalClosure)
                }
            }
            return promise.futureResult
        }
        socket.onClose.whenComplete { _ in
            checks.cancel()
            joinedSession.withLockedValue { $0 }.submit(.leave(clientID))
        }
    }
}
