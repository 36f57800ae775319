import FluentKit
import Foundation
import Logging
import Telephony
import TsunaguCore
import Vapor

/// The phone-screen sessions of this instance, one per agent it holds the lease of (`DeskLease`): opened on first use
/// after taking the lease, and retired when the agent has gone (their state is on disk, so dropping one loses
/// nothing). An agent whose lease another instance holds is not served here until that lease is released or runs
/// out.
actor DeskRegistry {
    private var sessions: [UUID: AgentDeskSession] = [:]
    /// Agents whose session is being opened, with the callers waiting for it.
    private var opening: [UUID: [CheckedContinuation<AgentDeskSession, any Error>]] = [:]
    /// The sessions' input loops.
    private let sessionTasks = ChildTasks()
    private let telephony: any Telephony
    /// The group-commit writer every phone screen's change goes through.
    nonisolated let writer: DurableWriter
    private let database: @Sendable () -> any Database
    private let now: @Sendable () -> Date
    private let logger: Logger
    /// Where the sessions say what they committed, for the managers' boards.
    private let floorEvents: any FloorEventBus
    /// Runs between recording a call and placing it (tests and the loopback script pause an instance there).
    private var beforeInvite: (@Sendable (UUID) async -> Void)?
    /// This instance, and the leases it holds.
    let instance: ServerInstance
    nonisolated let leases: InstanceLeases

    init(
        telephony: any Telephony, database: @escaping @Sendable () -> any Database,
        writerDatabase: DedicatedDatabase, now: @escaping @Sendable () -> Date, logger: Logger,
        floorEvents: any FloorEventBus, instance: ServerInstance, leases: InstanceLeases
    ) {
        self.instance = instance
        self.leases = leases
        self.floorEvents = floorEvents
        self.telephony = telephony
        let writerConnection = writerDatabase.database
        self.writer = DurableWriter { writerConnection }
        self.database = database
        self.now = now
        self.logger = logger
    }

    /// The registry's long-running work, until the calling task is cancelled: the writer's commits and every
    /// session's input loop.
    nonisolated func run() async {
        async let writing: Void = writer.run()
        await sessionTasks.run()
        await writing
    }

    /// The agent's session, opened on first use after taking the agent's lease; callers that ask while it opens
    /// wait for the same one. Throws `DeskHeldElsewhere` while another instance serves the agent.
    func session(tenantID: UUID, userID: UUID) async throws -> AgentDeskSession {
        if let session = sessions[userID], session.isRetired {
            sessions[userID] = nil
        }
        if let session = sessions[userID] {
            guard session.tenantID == tenantID else { throw TenantScopeError.notFound }
            return session
        }
        if opening[userID] != nil {
            let session = try await withCheckedThrowingContinuation { opening[userID, default: []].append($0) }
            guard session.tenantID == tenantID else { throw TenantScopeError.notFound }
            return session
        }
        opening[userID] = []
        do {
            let lease: DeskLease
            do {
                lease = try await takeLease(tenantID: tenantID, userID: userID)
            } catch let error as DeskHeldElsewhere {
                // The agent's screen came here: the instance holding the agent gives it up if it is between calls.
                floorEvents.publish(FloorEvent(tenantID: tenantID, handOver: [userID]))
                throw error
            }
            let session: AgentDeskSession
            do {
                session = try await AgentDeskSession.open(
                    tenantID: tenantID, userID: userID, lease: lease, leases: leases, database: database,
                    writer: writer, telephony: telephony, tasks: sessionTasks, now: now, logger: logger,
                    floorEvents: floorEvents, beforeInvite: beforeInvite,
                    tenantCallbacksChanged: { [weak self] in
                        guard let self else { return }
                        Task { await self.callbacksChanged(tenantID: tenantID) }
                    },
                    retired: { [weak self] session in
                        guard let self else { return }
                        Task { await self.retired(session) }
                    })
            } catch {
                await releaseLease(tenantID: tenantID, userID: userID, lease: lease)
                throw error
            }
            sessions[userID] = session
            for waiter in opening.removeValue(forKey: userID) ?? [] { waiter.resume(returning: session) }
            return session
        } catch {
            for waiter in opening.removeValue(forKey: userID) ?? [] { waiter.resume(throwing: error) }
            throw error
        }
    }

    /// Takes the agent's lease through the writer (its transaction locks the agent's row against another instance's
    /// take), and keeps it among this instance's.
    private func takeLease(tenantID: UUID, userID: UUID) async throws -> DeskLease {
        let sent = leases.monotonicNow()
        let (instanceID, at) = (instance.id, now())
        let taken = try await writer.write { database in
            try await DeskLeaseStore(database: database, instance: instanceID).take(
                tenantID: tenantID, userID: userID, at: at)
        }
        if let previous = taken.previousOwner {
            logger.warning(
                "user \(userID): took over the session from instance \(previous), whose lease had run out")
        }
        leases.took(userID, epoch: taken.lease.epoch, sentAt: sent)
        return taken.lease
    }

    private func releaseLease(tenantID: UUID, userID: UUID, lease: DeskLease) async {
        leases.released(userID, epoch: lease.epoch)
        do {
            try await writer.write { database in
                try await DeskLeaseStore(database: database, instance: lease.instance).release(
                    tenantID: tenantID, userID: userID, lease: lease)
            }
        } catch {
            // Not released: it runs out in 10 s, and another instance takes it then.
            logger.error("releasing the lease of user \(userID) failed: \(error)")
        }
    }

    /// A session took no more input (its agent left, or its lease was lost): forget it and give its lease up.
    private func retired(_ session: AgentDeskSession) async {
        if sessions[session.userID] === session { sessions[session.userID] = nil }
        await releaseLease(tenantID: session.tenantID, userID: session.userID, lease: session.lease)
    }

    /// Sets what runs between recording each call and placing it, for the sessions opened from now on.
    func pauseBeforeInvite(_ hook: (@Sendable (UUID) async -> Void)?) {
        beforeInvite = hook
    }

    /// A renewal found these agents' leases taken by another instance: their sessions here stop at once.
    func leasesLost(_ agents: [UUID]) {
        for agent in agents { sessions[agent]?.submit(.leaseLost) }
    }

    /// A tenant's settings changed: every open screen of the tenant follows at once, and the other instances are
    /// told.
    func settingsChanged(tenantID: UUID, settings: TenantSettings) {
        for session in sessions.values where session.tenantID == tenantID {
            session.submit(.settings(settings))
        }
        floorEvents.publish(FloorEvent(tenantID: tenantID, settings: true))
    }

    /// A callback of the tenant changed in a way other screens show (taken while open to everyone, handed to
    /// another agent): every open screen of the tenant reads its callbacks again, here and on the other instances.
    func callbacksChanged(tenantID: UUID) {
        callbacksChangedElsewhere(tenantID: tenantID)
        floorEvents.publish(FloorEvent(tenantID: tenantID, callbacks: true))
    }

    private func callbacksChangedElsewhere(tenantID: UUID) {
        for session in sessions.values where session.tenantID == tenantID {
            session.submit(.callbacksChanged)
        }
    }

    /// Follows what other instances changed (`FloorEventBus.subscribeToOtherInstances`) until the calling task is
    /// cancelled: another instance's settings change makes this instance's screens of the tenant read the settings
    /// again, and its callback changes their callbacks.
    nonisolated func followOtherInstances() async {
        for await event in floorEvents.subscribeToOtherInstances() {
            await followed(event)
        }
    }

    private func followed(_ event: FloorEvent) async {
        let tenants =
            event.tenantID == FloorEvent.everyTenant
            ? Set(sessions.values.map(\.tenantID)) : [event.tenantID]
        let everything = event.tenantID == FloorEvent.everyTenant
        for agent in event.handOver { sessions[agent]?.submit(.handOverRequested) }
        for tenantID in tenants {
            if everything || event.callbacks { callbacksChangedElsewhere(tenantID: tenantID) }
            guard everything || event.settings else { continue }
            do {
                guard let tenant = try await Tenant.find(tenantID, on: database()) else { continue }
                for session in sessions.values where session.tenantID == tenantID {
                    session.submit(.settings(tenant.settings))
                }
            } catch {
                logger.error("reading the settings another instance changed (tenant \(tenantID)) failed: \(error)")
            }
        }
    }

    var openSessionCount: Int { sessions.count }

    /// The server is stopping: sessions take no more input, and their leases are given up so another instance can
    /// serve the agents at once.
    func close() async {
        let open = sessions.values
        sessions = [:]
        for session in open {
            session.stop()
            await releaseLease(tenantID: session.tenantID, userID: session.userID, lease: session.lease)
        }
    }
}

/// Closes the phone-screen sessions when the application shuts down.
struct DeskRegistryLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.deskRegistry.close()
    }
}

extension Application {
    private struct TelephonyKey: StorageKey {
        typealias Value = any Telephony
    }

    private struct DeskRegistryKey: StorageKey {
        typealias Value = DeskRegistry
    }

    /// The telephony provider the dialer uses.
    var telephony: any Telephony {
        storage[TelephonyKey.self] ?? SimulatedCarrier(clock: ContinuousClock())
    }

    var deskRegistry: DeskRegistry {
        guard let registry = storage[DeskRegistryKey.self] else { fatalError("configureTsunagu sets up the dialer") }
        return registry
    }

    /// Sets the telephony provider and a fresh registry of phone screens using it.
    func useTelephony(_ telephony: any Telephony) {
        storage[TelephonyKey.self] = telephony
        let registry = DeskRegistry(
            telephony: telephony, database: databaseProvider, writerDatabase: dedicatedDatabases.writer,
            now: { [weak self] in self?.clock.now() ?? Date() }, logger: logger, floorEvents: floorHubs.bus,
            instance: serverInstance, leases: instanceLeases)
        storage[DeskRegistryKey.self] = registry
        applicationTasks.start { await telephony.run() }
        applicationTasks.start { await registry.run() }
        applicationTasks.start { await registry.followOtherInstances() }
    }

    /// A database on any event loop, usable from long-lived actors (after shutdown its queries fail, nothing crashes).
    var databaseProvider: @Sendable () -> any Database {
        let (databases, group, logger) = (databases, eventLoopGroup, logger)
        // After shutdown the databases are gone: the fallback's queries then fail with an error, not a crash.
        let fallback = db
        return { databases.database(nil, logger: logger, on: group.any()) ?? fallback }
    }

    /// The simulated carrier, with each tenant's own rule table and the configured time scale.
    func useSimulatedCarrier() {
        let (database, logger) = (databaseProvider, logger)
        useTelephony(
            SimulatedCarrier(clock: ContinuousClock(), timeScale: tsunaguConfiguration.simulatedTimeScale) { tenantID in
                do {
                    return try await Tenant.carrierRules(of: tenantID, on: database())
                } catch {
                    logger.error("reading the simulated carrier rules of tenant \(tenantID) failed: \(error)")
                    return .standard
                }
            })
    }
}
