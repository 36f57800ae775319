import Foundation
import Vapor

/// The server's notion of "now", replaceable in tests (idle sign-out, key-code expiry).
struct ServerClock: Sendable {
    var now: @Sendable () -> Date = { Date() }
}

private struct ServerClockKey: StorageKey {
    typealias Value = ServerClock
}

extension Application {
    var clock: ServerClock {
        get { storage[ServerClockKey.self] ?? ServerClock() }
        set { storage[ServerClockKey.self] = newValue }
    }
}

extension Request {
    var now: Date { application.clock.now() }
}
