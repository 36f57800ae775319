import FluentKit
import Foundation
import Logging
import Vapor

/// The live boards of the server: one `FloorHub` per tenant, opened when a board or the API first asks and dropped
/// after `idleLifetime` without either. Takes every `FloorEvent` from the bus to its tenant's hub and ticks the hubs.
actor FloorHubs {
    /// Events are gathered this long and read in one go: a busy floor's board costs a few reads a second, and a
    /// change still reaches the boards well within a second.
    static let tickInterval: Duration = .milliseconds(250)
    static let idleLifetime: TimeInterval = 600

    nonisolated let bus: any FloorEventBus
    private var hubs: [UUID: FloorHub] = [:]
    /// When each hub was last handed out: one handed out within `idleLifetime` is never dropped, so a board that
    /// got it a moment ago cannot attach to a hub no longer fed.
    private var handedOut: [UUID: Date] = [:]
    private let database: @Sendable () -> any Database
    private let now: @Sendable () -> Date
    private let logger: Logger

    init(
        bus: any FloorEventBus, database: @escaping @Sendable () -> any Database,
        now: @escaping @Sendable () -> Date, logger: Logger
    ) {
        self.bus = bus
        self.database = database
        self.now = now
        self.logger = logger
    }

    func hub(for tenantID: UUID) -> FloorHub {
        handedOut[tenantID] = now()
        if let hub = hubs[tenantID] { return hub }
        let hub = FloorHub(tenantID: tenantID, database: database, now: now, logger: logger)
        hubs[tenantID] = hub
        return hub
    }

    /// Delivers the bus's events and ticks the hubs until the calling task is cancelled.
    nonisolated func run() async {
        let events = bus.subscribe()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await event in events { await self.deliver(event) }
            }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: Self.tickInterval)
                    await self.tick()
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    private func deliver(_ event: FloorEvent) async {
        guard event.tenantID == FloorEvent.everyTenant else {
            await hubs[event.tenantID]?.note(event)
            return
        }
        for (tenantID, hub) in hubs { await hub.note(FloorEvent(tenantID: tenantID, everything: true)) }
    }

    private func tick() async {
        let at = now()
        for (tenantID, hub) in hubs {
            if at.timeIntervalSince(handedOut[tenantID] ?? .distantPast) > Self.idleLifetime,
                await hub.boardCount == 0, at.timeIntervalSince(await hub.lastUsed) > Self.idleLifetime
            {
                hubs[tenantID] = nil
                handedOut[tenantID] = nil
                continue
            }
            await hub.tick()
        }
    }
}

extension Application {
    private struct FloorHubsKey: StorageKey {
        typealias Value = FloorHubs
    }

    /// The live boards and the bus that feeds them.
    var floorHubs: FloorHubs {
        guard let hubs = storage[FloorHubsKey.self] else { fatalError("configureTsunagu sets up the floor") }
        return hubs
    }

    /// Sets up the live boards on this bus (the in-process one for a single instance).
    func useFloor(bus: any FloorEventBus) {
        let floorDatabase = dedicatedDatabases.floor.database
        let hubs = FloorHubs(
            bus: bus, database: { floorDatabase }, now: { [weak self] in self?.clock.now() ?? Date() }, logger: logger)
        storage[FloorHubsKey.self] = hubs
        applicationTasks.start { await hubs.run() }
    }
}

extension Request {
    /// Users, lists or settings of the signed-in user's tenant changed: its boards read everything again.
    func floorChanged() {
        guard let tenantID = signedIn?.tenantID else { return }
        application.floorHubs.bus.publish(FloorEvent(tenantID: tenantID, everything: true))
    }
}
