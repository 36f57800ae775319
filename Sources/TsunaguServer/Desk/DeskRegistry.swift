import FluentKit
import Foundation
import Logging
import Telephony
import TsunaguCore
import Vapor

/// The phone-screen sessions of the server, one per agent, opened on first use and kept while the server runs
/// (their state is on disk, so dropping one loses nothing).
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

    init(
        telephony: any Telephony, database: @escaping @Sendable () -> any Database,
        writerDatabase: DedicatedDatabase, now: @escaping @Sendable () -> Date, logger: Logger,
        floorEvents: any FloorEventBus
    ) {
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

    /// The agent's session, opened on first use; callers that ask while it opens wait for the same one.
    func session(tenantID: UUID, userID: UUID) async throws -> AgentDeskSession {
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
            let session = try await AgentDeskSession.open(
                tenantID: tenantID, userID: userID, database: database, writer: writer, telephony: telephony,
                tasks: sessionTasks, now: now, logger: logger, floorEvents: floorEvents,
                tenantCallbacksChanged: { [weak self] in
                    guard let self else { return }
                    Task { await self.callbacksChanged(tenantID: tenantID) }
                })
            sessions[userID] = session
            for waiter in opening.removeValue(forKey: userID) ?? [] { waiter.resume(returning: session) }
            return session
        } catch {
            for waiter in opening.removeValue(forKey: userID) ?? [] { waiter.resume(throwing: error) }
            throw error
        }
    }

    /// A tenant's settings changed: every open screen of the tenant follows at once.
    func settingsChanged(tenantID: UUID, settings: TenantSettings) {
        for session in sessions.values where session.tenantID == tenantID {
            session.submit(.settings(settings))
        }
    }

    /// A callback of the tenant changed in a way other screens show (taken while open to everyone, handed to
    /// another agent): every open screen of the tenant reads its callbacks again.
    func callbacksChanged(tenantID: UUID) {
        for session in sessions.values where session.tenantID == tenantID {
            session.submit(.callbacksChanged)
        }
    }

    var openSessionCount: Int { sessions.count }

    /// The server is stopping: sessions take no more input.
    func close() {
        for session in sessions.values { session.inputs.finish() }
        sessions = [:]
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
            now: { [weak self] in self?.clock.now() ?? Date() }, logger: logger, floorEvents: floorHubs.bus)
        storage[DeskRegistryKey.self] = registry
        applicationTasks.start { await telephony.run() }
        applicationTasks.start { await registry.run() }
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
