import Foundation
import TsunaguCore
import Vapor

/// The server's one login throttle (per user and per address), shared by sign-in and password reset.
actor LoginGuard {
    private var throttle = LoginThrottle()

    func wait(for keys: [String], now: Date) -> TimeInterval? {
        throttle.wait(for: keys, now: now)
    }

    func recordFailure(for keys: [String], now: Date) -> Bool {
        throttle.recordFailure(for: keys, now: now)
    }

    func recordSuccess(for key: String) {
        throttle.recordSuccess(for: key)
    }
}

private struct LoginGuardKey: StorageKey {
    typealias Value = LoginGuard
}

extension Application {
    var loginGuard: LoginGuard {
        if let existing = storage[LoginGuardKey.self] { return existing }
        let created = LoginGuard()
        storage[LoginGuardKey.self] = created
        return created
    }
}

extension Request {
    /// The client's IP address for throttling and logs: the socket's peer, or, only when the operator says a
    /// reverse proxy is in front (`TRUST_PROXY`), the forwarded address it reports (a client could forge it).
    var clientAddress: String {
        let forwarded = application.tsunaguConfiguration.trustProxy ? peerAddress?.ipAddress : nil
        return forwarded ?? remoteAddress?.ipAddress ?? "unknown"
    }
}
