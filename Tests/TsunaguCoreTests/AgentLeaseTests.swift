import Foundation
import Testing
import TsunaguCore

/// Agent-session leases across instances: who may take one, how long its holder may act on it by a monotonic
/// clock, and what a renewal tells about the leases an instance holds.
struct AgentLeaseTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let me = UUID()
    static let other = UUID()

    @Test func aLeaseIsTakenWhenFreeMineOrExpiredOnly() {
        #expect(AgentLease(owner: nil, epoch: 0, until: nil).take(by: Self.me, at: Self.now) == .free)
        #expect(
            AgentLease(owner: Self.me, epoch: 3, until: Self.now + 5).take(by: Self.me, at: Self.now) == .ownedByAsker)
        #expect(
            AgentLease(owner: Self.other, epoch: 3, until: Self.now + 0.5).take(by: Self.me, at: Self.now)
                == .heldElsewhere(owner: Self.other, until: Self.now + 0.5))
        #expect(
            AgentLease(owner: Self.other, epoch: 3, until: Self.now).take(by: Self.me, at: Self.now)
                == .expired(previousOwner: Self.other), "a lease ends at its until")
        #expect(
            AgentLease(owner: Self.other, epoch: 3, until: nil).take(by: Self.me, at: Self.now)
                == .expired(previousOwner: Self.other))
        #expect(!AgentLease.Take.heldElsewhere(owner: Self.other, until: Self.now).isAllowed)
    }

    @Test func everyTakeMovesTheEpochOnAndLastsTenSeconds() {
        let taken = AgentLease(owner: Self.other, epoch: 41, until: Self.now - 1).taken(by: Self.me, at: Self.now)
        #expect(taken == AgentLease(owner: Self.me, epoch: 42, until: Self.now + 10))
    }

    /// The holder acts until 10 s after the last confirmed send, less 2 s for another machine's clock.
    @Test func theHolderActsUntilEightSecondsAfterTheLastConfirmedSend() {
        var lease = HeldLease(epoch: 1, sentAt: .seconds(100))
        #expect(lease.mayAct(at: .seconds(107.999)))
        #expect(!lease.mayAct(at: .seconds(108)))
        lease.renewed(sentAt: .seconds(103))
        #expect(lease.mayAct(at: .seconds(110.9)) && !lease.mayAct(at: .seconds(111)))
        lease.renewed(sentAt: .seconds(101))
        #expect(lease.deadline == .seconds(111), "an older renewal's answer arriving late changes nothing")
    }

    /// A process stopped for 15 s wakes past its deadline: it may not dial until a renewal is confirmed.
    @Test func aPausedHolderIsFencedUntilItRenews() {
        var leases = HeldLeases()
        let agent = UUID()
        leases.took(agent, epoch: 7, sentAt: .seconds(0))
        #expect(leases.mayAct(agent, epoch: 7, at: .seconds(2)))
        #expect(!leases.mayAct(agent, epoch: 7, at: .seconds(17)))
        let lost = leases.renewal(sentAt: .seconds(17), renewed: [agent: 7], heldWhenSent: leases.epochs)
        #expect(lost.isEmpty)
        #expect(leases.mayAct(agent, epoch: 7, at: .seconds(18)))
        #expect(!leases.mayAct(agent, epoch: 6, at: .seconds(18)), "an older epoch never acts")
    }

    @Test func aRenewalThatLeavesALeaseOutLosesIt() {
        var leases = HeldLeases()
        let (kept, taken, late) = (UUID(), UUID(), UUID())
        leases.took(kept, epoch: 1, sentAt: .zero)
        leases.took(taken, epoch: 5, sentAt: .zero)
        let held = leases.epochs
        // Taken while the renewal was on its way: the renewal could not have seen it.
        leases.took(late, epoch: 2, sentAt: .seconds(1))
        let lost = leases.renewal(sentAt: .seconds(1), renewed: [kept: 1, taken: 6], heldWhenSent: held)
        #expect(lost == [taken])
        #expect(leases.mayAct(kept, epoch: 1, at: .seconds(2)))
        #expect(!leases.mayAct(taken, epoch: 5, at: .seconds(2)))
        #expect(leases.mayAct(late, epoch: 2, at: .seconds(2)))
        leases.released(kept, epoch: 0)
        #expect(leases.leases[kept] != nil, "releasing an older epoch keeps the newer lease")
        leases.released(kept, epoch: 1)
        #expect(leases.leases[kept] == nil)
    }

    @Test func anInstanceSilentForTenSecondsIsDead() {
        #expect(!InstanceTerms.isDead(lastHeartbeat: Self.now - 10, now: Self.now))
        #expect(InstanceTerms.isDead(lastHeartbeat: Self.now - 10.001, now: Self.now))
        #expect(InstanceTerms.aliveSince(Self.now) == Self.now - 10)
    }
}
