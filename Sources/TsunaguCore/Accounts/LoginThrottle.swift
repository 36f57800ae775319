import Foundation

/// Slows down guessing: after a few failed sign-ins for the same key (a user, or an address), each further try must
/// wait, twice as long each time, up to a ceiling. Pure: the caller passes the time in.
public struct LoginThrottle: Sendable {
    /// Failures allowed before waiting starts.
    public var freeFailures = 3
    /// The first wait, doubled with each further failure.
    public var baseDelay: TimeInterval = 2
    public var maximumDelay: TimeInterval = 300
    /// Failures older than this are forgotten.
    public var window: TimeInterval = 15 * 60

    private var failures: [String: (count: Int, last: Date)] = [:]

    public init() {}

    /// How long the caller must still wait before `keys` may try again, or nil when they may try now.
    public func wait(for keys: [String], now: Date) -> TimeInterval? {
        let waits = keys.compactMap { key -> TimeInterval? in
            guard let entry = failures[key], now.timeIntervalSince(entry.last) < window else { return nil }
            let remaining = delay(afterFailures: entry.count) - now.timeIntervalSince(entry.last)
            return remaining > 0 ? remaining : nil
        }
        return waits.max()
    }

    /// Records a failed try; returns true when this failure starts the slow-down for some key (worth logging).
    @discardableResult
    public mutating func recordFailure(for keys: [String], now: Date) -> Bool {
        var startsSlowDown = false
        for key in keys {
            var count = 1
            if let entry = failures[key], now.timeIntervalSince(entry.last) < window { count = entry.count + 1 }
            failures[key] = (count, now)
            if count == freeFailures + 1 { startsSlowDown = true }
        }
        if failures.count > 100_000 { forgetOld(now: now) }
        return startsSlowDown
    }

    public mutating func recordSuccess(for key: String) {
        failures[key] = nil
    }

    func delay(afterFailures count: Int) -> TimeInterval {
        guard count > freeFailures else { return 0 }
        return min(maximumDelay, baseDelay * pow(2, Double(count - freeFailures - 1)))
    }

    /// Drops expired entries, so a flood of made-up user names cannot grow memory without bound.
    private mutating func forgetOld(now: Date) {
        failures = failures.filter { now.timeIntervalSince($0.value.last) < window }
    }
}
