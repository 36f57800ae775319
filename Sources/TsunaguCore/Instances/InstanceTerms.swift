import Foundation

/// The timings that let several tsunagu instances share one database (DESIGN "Several instances"): each instance
/// heartbeats, and each agent's phone screen is served by the one instance that holds the agent's lease.
public enum InstanceTerms {
    /// How often an instance marks itself alive.
    public static let heartbeatInterval: Duration = .seconds(2)
    /// An instance silent this long is dead: its calls are closed and its agents may move.
    public static let deadAfter: Duration = .seconds(10)
    /// How long a lease on an agent's session lasts unless renewed.
    public static let leaseLength: Duration = .seconds(10)
    /// How often the holder renews its leases.
    public static let leaseRenewal: Duration = .seconds(3)
    /// Leases are dated by the wall clock of the instance that writes them, and two machines' clocks may differ by
    /// this much (NTP keeps them far closer): a holder stops acting this long before its lease ends.
    public static let clockAllowance: Duration = .seconds(2)

    /// Whether an instance whose last heartbeat is `lastHeartbeat` is dead at `now`.
    public static func isDead(lastHeartbeat: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastHeartbeat) > deadAfter.timeInterval
    }

    /// The oldest heartbeat of an instance still alive at `now`.
    public static func aliveSince(_ now: Date) -> Date {
        now.addingTimeInterval(-deadAfter.timeInterval)
    }
}

extension Duration {
    /// The duration in seconds, as `TimeInterval`.
    public var timeInterval: TimeInterval {
        let (whole, fraction) = components
        return TimeInterval(whole) + TimeInterval(fraction) / 1e18
    }
}
