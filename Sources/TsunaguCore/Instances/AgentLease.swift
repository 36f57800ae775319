import Foundation

/// The lease on one agent's phone-screen session, as stored beside the agent's screen: which instance holds it, its
/// fencing epoch (one more at every take, so a write or a dial carrying an older epoch is refused), and until when
/// it lasts unless renewed.
public struct AgentLease: Sendable, Equatable {
    public var owner: UUID?
    public var epoch: Int64
    public var until: Date?

    public init(owner: UUID?, epoch: Int64, until: Date?) {
        self.owner = owner
        self.epoch = epoch
        self.until = until
    }

    /// What an instance asking for the lease at `now` may do.
    public enum Take: Sendable, Equatable {
        /// Nobody holds it (never taken, or released).
        case free
        /// The asking instance holds it already.
        case ownedByAsker
        /// Another instance held it, and its lease ran out: that instance is dead, paused or cut off. The taker
        /// closes what it left open (its calls of this agent, the agent's state).
        case expired(previousOwner: UUID)
        /// Another instance holds it until `until`: the agent's screen is served there.
        case heldElsewhere(owner: UUID, until: Date)

        public var isAllowed: Bool {
            if case .heldElsewhere = self { return false }
            return true
        }
    }

    /// Taken over only when expired or released (DESIGN "Several instances").
    public func take(by instance: UUID, at now: Date) -> Take {
        guard let owner else { return .free }
        if owner == instance { return .ownedByAsker }
        guard let until, until > now else { return .expired(previousOwner: owner) }
        return .heldElsewhere(owner: owner, until: until)
    }

    /// The lease as written by a take at `now`: the next epoch, ending after `InstanceTerms.leaseLength`.
    public func taken(by instance: UUID, at now: Date) -> AgentLease {
        AgentLease(
            owner: instance, epoch: epoch + 1, until: now.addingTimeInterval(InstanceTerms.leaseLength.timeInterval))
    }
}

/// A lease as its holder keeps it, on a monotonic clock (seconds since any origin, as `Duration`): wall-clock jumps
/// and a paused process cannot make it look longer than it is.
public struct HeldLease: Sendable, Equatable {
    public let epoch: Int64
    /// When the latest take or renewal that the database accepted was sent. The database dated the lease from no
    /// earlier, so the lease is good until this plus its length.
    public private(set) var confirmedFrom: Duration

    public init(epoch: Int64, sentAt: Duration) {
        self.epoch = epoch
        self.confirmedFrom = sentAt
    }

    /// The last moment the holder may act on the lease (place a call): its length from the last confirmation,
    /// less the allowance for another machine's clock.
    public var deadline: Duration {
        confirmedFrom + InstanceTerms.leaseLength - InstanceTerms.clockAllowance
    }

    public func mayAct(at now: Duration) -> Bool { now < deadline }

    /// The database renewed the lease with a request sent at `sentAt`.
    public mutating func renewed(sentAt: Duration) {
        confirmedFrom = max(confirmedFrom, sentAt)
    }
}

/// Every lease an instance holds, and what a renewal tells about them. A renewal extends every lease the instance
/// still holds in one statement and returns those it extended; a lease it did not return was lost (taken by another
/// instance after it ran out, or cleared because this instance was found dead).
public struct HeldLeases: Sendable {
    public private(set) var leases: [UUID: HeldLease] = [:]

    public init() {}

    public mutating func took(_ agent: UUID, epoch: Int64, sentAt: Duration) {
        leases[agent] = HeldLease(epoch: epoch, sentAt: sentAt)
    }

    /// The session released the lease (or dropped it); nothing more is renewed for it.
    public mutating func released(_ agent: UUID, epoch: Int64) {
        if leases[agent]?.epoch == epoch { leases[agent] = nil }
    }

    /// Applies a renewal sent at `sentAt` that extended `renewed` (agent → epoch). Returns the agents whose leases
    /// were lost, held since before the renewal was sent and not in it; they are forgotten. A lease taken while the
    /// renewal was on its way is kept: the renewal could not have seen it.
    public mutating func renewal(sentAt: Duration, renewed: [UUID: Int64], heldWhenSent: [UUID: Int64]) -> [UUID] {
        var lost: [UUID] = []
        for (agent, epoch) in heldWhenSent {
            guard let lease = leases[agent], lease.epoch == epoch else { continue }
            if renewed[agent] == epoch {
                leases[agent]?.renewed(sentAt: sentAt)
            } else {
                leases[agent] = nil
                lost.append(agent)
            }
        }
        return lost.sorted { $0.uuidString < $1.uuidString }
    }

    /// Whether the holder may act for `agent` at `now` with the lease of `epoch`.
    public func mayAct(_ agent: UUID, epoch: Int64, at now: Duration) -> Bool {
        guard let lease = leases[agent], lease.epoch == epoch else { return false }
        return lease.mayAct(at: now)
    }

    /// What a renewal sent now covers.
    public var epochs: [UUID: Int64] { leases.mapValues(\.epoch) }
}
