import Foundation
import Synchronization
import TsunaguCore

/// The leases this instance holds on agents' sessions (`HeldLeases`), on a monotonic clock: whether a session may
/// still act (place a call) is answered without the database, from when the database last confirmed its lease.
final class InstanceLeases: Sendable {
    private let held = Mutex(HeldLeases())
    /// Time on a monotonic clock since an arbitrary origin; a test moves it by hand.
    let monotonicNow: @Sendable () -> Duration

    init(monotonicNow: (@Sendable () -> Duration)? = nil) {
        if let monotonicNow {
            self.monotonicNow = monotonicNow
        } else {
            let clock = ContinuousClock()
            let origin = clock.now
            self.monotonicNow = { origin.duration(to: clock.now) }
        }
    }

    func took(_ agent: UUID, epoch: Int64, sentAt: Duration) {
        held.withLock { $0.took(agent, epoch: epoch, sentAt: sentAt) }
    }

    func released(_ agent: UUID, epoch: Int64) {
        held.withLock { $0.released(agent, epoch: epoch) }
    }

    /// Whether the session holding `agent`'s lease of `epoch` may act now.
    func mayAct(_ agent: UUID, epoch: Int64) -> Bool {
        let now = monotonicNow()
        return held.withLock { $0.mayAct(agent, epoch: epoch, at: now) }
    }

    /// What a renewal sent now covers.
    var epochs: [UUID: Int64] { held.withLock { $0.epochs } }

    /// Applies a renewal's answer; returns the agents whose leases were lost.
    func renewal(sentAt: Duration, renewed: [UUID: Int64], heldWhenSent: [UUID: Int64]) -> [UUID] {
        held.withLock { $0.renewal(sentAt: sentAt, renewed: renewed, heldWhenSent: heldWhenSent) }
    }

    /// Forgets every lease (the instance was found dead by the others, who cleared them); returns whose they were.
    func forgetAll() -> [UUID] {
        held.withLock { leases in
            let agents = Array(leases.epochs.keys)
            for (agent, epoch) in leases.epochs { leases.released(agent, epoch: epoch) }
            return agents
        }
    }
}
