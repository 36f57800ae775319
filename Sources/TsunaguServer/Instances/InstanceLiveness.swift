import FluentKit
import Foundation
import Logging
import SQLKit
import TsunaguCore

/// This instance's life on the shared database (DESIGN "Several instances"): it records itself, heartbeats every
/// 2 s, renews its agents' leases every 3 s and says which it lost, and, while it holds the leader's advisory lock
/// (PostgreSQL), settles the instances that died. On SQLite the file is one server's: at start every other instance
/// recorded there is a stopped server's and is settled before anything is served.
actor InstanceLiveness {
    let instance: ServerInstance
    nonisolated let leases: InstanceLeases
    private let writer: DurableWriter
    private let database: @Sendable () -> any Database
    /// The connection that holds the leader's lock (PostgreSQL); nil on SQLite, where this instance is the only one.
    private let leaderConnection: (any SQLDatabase)?
    private let now: @Sendable () -> Date
    private let logger: Logger
    private var leasesLost: @Sendable ([UUID]) -> Void = { _ in }
    private var isLeader = false
    private var registered = false

    init(
        instance: ServerInstance, leases: InstanceLeases, writer: DurableWriter,
        database: @escaping @Sendable () -> any Database, leaderConnection: (any SQLDatabase)?,
        now: @escaping @Sendable () -> Date, logger: Logger
    ) {
        self.instance = instance
        self.leases = leases
        self.writer = writer
        self.database = database
        self.leaderConnection = leaderConnection
        self.now = now
        self.logger = logger
    }

    /// Who is told of the leases a renewal found lost (the phone screens' registry).
    func onLeasesLost(_ handler: @escaping @Sendable ([UUID]) -> Void) {
        leasesLost = handler
    }

    /// Records this instance (after the migrations). On SQLite, settles every other instance recorded there first.
    func register() async throws {
        let at = now()
        if leaderConnection == nil {
            let dead = try await DeadInstanceSweep.deadInstances(
                on: database(), me: instance.id, now: at, everyOtherIsDead: true)
            report(try await DeadInstanceSweep.settle(dead, includingUnowned: true, on: database(), at: at))
        }
        try await insertSelf(at: at)
        registered = true
        logger.info("instance \(instance.id) (\(instance.name)) is running")
    }

    private func insertSelf(at: Date) async throws {
        let instance = instance
        try await writer.write { database in
            let record = InstanceRecord()
            record.id = instance.id
            record.name = instance.name
            record.startedAt = at
            record.heartbeatAt = at
            try await record.create(on: database)
        }
    }

    /// Heartbeats, renewals and the leader's sweeps until the calling task is cancelled.
    nonisolated func run() async {
        let clock = ContinuousClock()
        var lastHeartbeat = clock.now
        var lastRenewal = clock.now
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: .milliseconds(500))
            } catch {
                return
            }
            guard await registered else { continue }
            if lastHeartbeat.duration(to: clock.now) >= InstanceTerms.heartbeatInterval {
                lastHeartbeat = clock.now
                await heartbeat()
                await lead()
            }
            if lastRenewal.duration(to: clock.now) >= InstanceTerms.leaseRenewal {
                lastRenewal = clock.now
                await renewLeases()
            }
        }
    }

    /// Marks this instance alive. When its row is gone, the others found it dead (it was paused or cut off for
    /// longer than 10 s) and settled it: its leases were cleared, so its sessions are dropped, and it records itself
    /// again.
    private func heartbeat() async {
        let (id, at) = (instance.id, now())
        do {
            let alive = try await writer.write { database in
                try await database.sql.raw(
                    """
                    UPDATE \(ident: InstanceRecord.schema) SET \(ident: "heartbeat_at") = \(bind: at) \
                    WHERE \(ident: "id") = \(uuid: id) RETURNING \(ident: "id")
                    """
                ).all().count == 1
            }
            guard !alive else { return }
            logger.warning("instance \(id) was found dead by the others: dropping its sessions and starting again")
            let lost = leases.forgetAll()
            if !lost.isEmpty { leasesLost(lost) }
            try await insertSelf(at: at)
        } catch {
            logger.error("instance \(id): the heartbeat failed: \(error)")
        }
    }

    /// Extends every lease this instance holds; tells the registry of those it lost.
    func renewLeases() async {
        let sent = leases.monotonicNow()
        let held = leases.epochs
        guard !held.isEmpty else { return }
        let (id, until) = (instance.id, now().addingTimeInterval(InstanceTerms.leaseLength.timeInterval))
        do {
            let renewed = try await writer.write { database in
                try await DeskLeaseStore(database: database, instance: id).renewAll(until: until)
            }
            let lost = leases.renewal(sentAt: sent, renewed: renewed, heldWhenSent: held)
            if !lost.isEmpty {
                logger.warning("instance \(id) lost the leases of \(lost.count) agent(s) to another instance")
                leasesLost(lost)
            }
        } catch {
            // Not renewed: the sessions stop dialling when their leases' deadlines pass (`InstanceLeases.mayAct`).
            logger.error("instance \(id): renewing the agents' leases failed: \(error)")
        }
    }

    /// On PostgreSQL: holds (or tries to take) the leader's lock, and as leader settles the dead instances.
    private func lead() async {
        guard let connection = leaderConnection else { return }
        do {
            if !(try await PostgresStatements.holds(.leader, on: connection)) {
                if isLeader { logger.warning("instance \(instance.id) is no longer the leader") }
                isLeader = try await PostgresStatements.tryLock(.leader, on: connection)
                if isLeader { logger.info("instance \(instance.id) is the leader") }
            }
            guard isLeader else { return }
            try await sweep()
        } catch {
            isLeader = false
            logger.error("instance \(instance.id): leading failed: \(error)")
        }
    }

    /// Settles the instances dead now (the leader's job; safe to run twice).
    func sweep() async throws {
        let at = now()
        let dead = try await DeadInstanceSweep.deadInstances(
            on: database(), me: instance.id, now: at, everyOtherIsDead: false)
        guard !dead.isEmpty else { return }
        report(try await DeadInstanceSweep.settle(dead, includingUnowned: false, on: database(), at: at))
    }

    private func report(_ outcome: DeadInstanceSweep.Outcome) {
        guard !outcome.instances.isEmpty || outcome.agents > 0 || outcome.calls > 0 else { return }
        logger.warning(
            """
            settled \(outcome.instances.count) stopped instance(s): \(outcome.agents) agent(s) now オフライン, \
            \(outcome.calls) call(s) recorded as ended at their last known time
            """)
    }

    /// Whether this instance is the leader now (tests read it).
    var leads: Bool { isLeader }
}
