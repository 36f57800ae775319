import Fluent
import Foundation
import NIOConcurrencyHelpers
import TsunaguCore
import Vapor

/// Keeps a phone screen's WebSocket inside its sign-in: the agent's actions count as activity (and keep the
/// browser session alive for the management pages), and the connection ends with a "signed out" message when the
/// tenant's idle minutes pass without one, or when the session was ended elsewhere (sign-out, password change).
final class DeskConnectionGuard: Sendable {
    private struct State {
        var lastActivity: Date
        var lastTouched: Date
        var closed = false
    }

    private let state: NIOLockedValueBox<State>
    let sessionID: SessionID
    let userID: UUID
    let tenantID: UUID
    let sessionVersion: String?

    convenience init(request: Request, signedIn: SignedIn) throws {
        guard let id = request.session.id else { throw Abort(.unauthorized) }
        self.init(
            sessionID: id, userID: signedIn.userID, tenantID: signedIn.tenantID,
            sessionVersion: request.session.data[SessionKeys.version], now: request.now)
    }

    init(sessionID: SessionID, userID: UUID, tenantID: UUID, sessionVersion: String?, now: Date) {
        self.sessionID = sessionID
        self.userID = userID
        self.tenantID = tenantID
        self.sessionVersion = sessionVersion
        state = NIOLockedValueBox(State(lastActivity: now, lastTouched: now))
    }

    func noteActivity(at date: Date) {
        state.withLockedValue { $0.lastActivity = max($0.lastActivity, date) }
    }

    var isClosed: Bool { state.withLockedValue { $0.closed } }

    /// Whether the sign-in still holds; ends it when the agent has been idle too long.
    func check(database: any Database, writer: DurableWriter, now: Date, logger: Logger) async -> Bool {
        let (lastActivity, lastTouched) = state.withLockedValue { ($0.lastActivity, $0.lastTouched) }
        do {
            guard let record = try await SessionRecord.query(on: database).filter(\.$key == sessionID).first(),
                let tenant = try await Tenant.find(tenantID, on: database),
                let user = try await TenantScope(tenantID: tenantID, database: database).find(User.self, id: userID),
                !user.disabled, sessionVersion == String(user.sessionVersion)
            else { return close() }
            let idleLimit = Double(tenant.settings.clamped.idleLogoutMinutes * 60)
            if now.timeIntervalSince(lastActivity) > idleLimit {
                logger.info(
                    "phone screen signed out after \(tenant.settings.clamped.idleLogoutMinutes) idle minutes: user \(userID)"
                )
                try await writer.write { database in try await record.delete(on: database) }
                return close()
            }
            if lastActivity.timeIntervalSince(lastTouched) > 60 {
                // Activity on the phone screen keeps the management pages of the same sign-in alive too. It is
                // written by the phone screens' writer, which holds SQLite's write lock most of the time under load.
                let key = sessionID
                let seen = String(Int(lastActivity.timeIntervalSince1970))
                try await writer.write { database in
                    guard let record = try await SessionRecord.query(on: database).filter(\.$key == key).first() else {
                        return
                    }
                    record.data[SessionKeys.lastSeen] = seen
                    try await record.save(on: database)
                }
                state.withLockedValue { $0.lastTouched = lastActivity }
            }
            return true
        } catch {
            logger.error("checking the phone screen's sign-in failed: \(error)")
            return true
        }
    }

    private func close() -> Bool {
        state.withLockedValue { $0.closed = true }
        return false
    }
}
