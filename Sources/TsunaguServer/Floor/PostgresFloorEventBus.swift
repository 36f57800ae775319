import Foundation
import Logging
import NIOPosix
import PostgresKit
import PostgresNIO
import Synchronization

/// The bus between instances on PostgreSQL: events go to this instance's subscribers at once, as on the in-process
/// bus, and to the other instances through LISTEN/NOTIFY. What is published in one burst (the sessions of one
/// group-commit batch publish together) leaves as one notification, merged per tenant. A listener whose connection
/// was lost may have missed events: when it is back, every board reads everything again.
final class PostgresFloorEventBus: FloorEventBus {
    static let channel = "tsunagu_events"
    /// PostgreSQL refuses a payload of 8,000 bytes or more.
    static let payloadLimit = 7_500

    /// One notification: who sent it, and what changed.
    struct Envelope: Codable, Equatable {
        var origin: UUID
        var events: [FloorEvent]
    }

    private let local = LocalFloorEventBus()
    private let remote = LocalFloorEventBus()
    private let outbox = Mutex<[FloorEvent]>([])
    private let wakeUps: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation
    private let instance: UUID
    private let configuration: PostgresConnection.Configuration
    private let logger: Logger

    init(url: DatabaseURL, instance: UUID, logger: Logger) throws {
        var postgres = try SQLPostgresConfiguration(url: url.text)
        postgres.coreConfiguration.options.additionalStartupParameters = [("application_name", "tsunagu events")]
        configuration = postgres.coreConfiguration
        self.instance = instance
        self.logger = logger
        (wakeUps, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func publish(_ event: FloorEvent) {
        local.publish(event)
        outbox.withLock { $0.append(event) }
        wake.yield()
    }

    func subscribe() -> AsyncStream<FloorEvent> { local.subscribe() }

    func subscribeToOtherInstances() -> AsyncStream<FloorEvent> { remote.subscribe() }

    /// Sends and listens until the calling task is cancelled.
    func run() async {
        async let sending: Void = send()
        await listen()
        await sending
    }

    /// The burst waiting in the outbox as notifications: merged per tenant, cut to fit a payload.
    static func payloads(of events: [FloorEvent], from origin: UUID) -> [String] {
        var merged: [UUID: FloorEvent] = [:]
        var order: [UUID] = []
        for event in events {
            if let existing = merged[event.tenantID] {
                merged[event.tenantID] = existing.merged(with: event)
            } else {
                merged[event.tenantID] = event
                order.append(event.tenantID)
            }
        }
        var payloads: [String] = []
        var batch: [FloorEvent] = []
        func encode(_ events: [FloorEvent]) -> String {
            let data = (try? JSONEncoder().encode(Envelope(origin: origin, events: events))) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
        for tenantID in order {
            var event = merged[tenantID]!
            if encode([event]).utf8.count > payloadLimit {
                // Too many ids to name: the tenant's boards read everything instead.
                event = FloorEvent(
                    tenantID: tenantID, everything: true, settings: event.settings, callbacks: event.callbacks,
                    handOver: event.handOver.count <= 100 ? event.handOver : [])
            }
            if !batch.isEmpty, encode(batch + [event]).utf8.count > payloadLimit {
                payloads.append(encode(batch))
                batch = []
            }
            batch.append(event)
        }
        if !batch.isEmpty { payloads.append(encode(batch)) }
        return payloads
    }

    private func send() async {
        var connection: PostgresConnection?
        for await _ in wakeUps {
            let events = outbox.withLock { outbox in
                defer { outbox = [] }
                return outbox
            }
            guard !events.isEmpty else { continue }
            for payload in Self.payloads(of: events, from: instance) {
                do {
                    if connection == nil || connection?.isClosed == true { connection = try await connect(id: 1) }
                    try await connection!.query("SELECT pg_notify(\(Self.channel), \(payload))", logger: logger)
                } catch {
                    // The other instances' boards catch up when their listeners reconnect, or at their next event.
                    logger.error("telling the other instances of a change failed: \(error)")
                    try? await connection?.close()
                    connection = nil
                }
            }
        }
        try? await connection?.close()
    }

    private func listen() async {
        var missedSome = false
        var delay = Duration.milliseconds(250)
        while !Task.isCancelled {
            do {
                let connection = try await connect(id: 2)
                defer { Task { try? await connection.close() } }
                try await connection.listen(on: Self.channel) { notifications in
                    if missedSome {
                        logger.info("listening to the other instances again: every board reads everything")
                        remote.publish(FloorEvent(tenantID: FloorEvent.everyTenant, everything: true))
                        local.publish(FloorEvent(tenantID: FloorEvent.everyTenant, everything: true))
                    }
                    delay = .milliseconds(250)
                    for try await notification in notifications {
                        guard
                            let envelope = try? JSONDecoder().decode(
                                Envelope.self, from: Data(notification.payload.utf8)),
                            envelope.origin != instance
                        else { continue }
                        for event in envelope.events {
                            local.publish(event)
                            remote.publish(event)
                        }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                logger.warning("listening to the other instances failed, retrying: \(error)")
            }
            missedSome = true
            try? await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(5))
        }
    }

    private func connect(id: Int) async throws -> PostgresConnection {
        try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: id, logger: logger)
    }
}
