import FluentKit
import Foundation
import SQLKit
import Vapor

extension Application {
    private struct ServerInstanceKey: StorageKey {
        typealias Value = ServerInstance
    }

    private struct InstanceLeasesKey: StorageKey {
        typealias Value = InstanceLeases
    }

    private struct InstanceLivenessKey: StorageKey {
        typealias Value = InstanceLiveness
    }

    /// This process as one of the instances on the database (a new id at every start).
    var serverInstance: ServerInstance {
        if let instance = storage[ServerInstanceKey.self] { return instance }
        let instance = ServerInstance.starting()
        storage[ServerInstanceKey.self] = instance
        return instance
    }

    /// The leases this instance holds on agents' sessions.
    var instanceLeases: InstanceLeases {
        if let leases = storage[InstanceLeasesKey.self] { return leases }
        let leases = InstanceLeases()
        storage[InstanceLeasesKey.self] = leases
        return leases
    }

    /// Replaces the leases' monotonic clock before the phone screens are set up (tests move it by hand).
    func useInstanceLeases(_ leases: InstanceLeases) {
        storage[InstanceLeasesKey.self] = leases
    }

    var instanceLiveness: InstanceLiveness {
        if let liveness = storage[InstanceLivenessKey.self] { return liveness }
        let liveness = InstanceLiveness(
            instance: serverInstance, leases: instanceLeases, writer: deskRegistry.writer,
            database: databaseProvider,
            leaderConnection: tsunaguConfiguration.databaseURL == nil ? nil : dedicatedDatabases.upkeep.database.sql,
            now: { [weak self] in self?.clock.now() ?? Date() }, logger: logger)
        storage[InstanceLivenessKey.self] = liveness
        return liveness
    }

    /// Joins the instances on the database, once the migrations have run: records this instance (on SQLite,
    /// settling first what a stopped server left), then heartbeats, renews its leases and, as leader, settles
    /// the instances that die, until the application shuts down.
    func startInstance() async throws {
        let liveness = instanceLiveness
        // The registry in use when the loss is found (a test may set up the phone screens again).
        await liveness.onLeasesLost { [weak self] agents in
            guard let registry = self?.deskRegistry else { return }
            Task { await registry.leasesLost(agents) }
        }
        try await liveness.register()
        applicationTasks.start { await liveness.run() }
    }
}
