import Foundation
import Testing

@testable import TsunaguServer

/// What the PostgreSQL bus sends for a burst of events: one notification, merged per tenant, cut to fit
/// PostgreSQL's payload limit; a tenant with too many ids to name reads everything instead.
@Suite struct FloorEventPayloadTests {
    static let origin = UUID()

    static func decode(_ payload: String) throws -> PostgresFloorEventBus.Envelope {
        try JSONDecoder().decode(PostgresFloorEventBus.Envelope.self, from: Data(payload.utf8))
    }

    @Test func aBurstIsOneNotificationMergedPerTenant() throws {
        let (tenantA, tenantB) = (UUID(), UUID())
        let (agent1, agent2, list) = (UUID(), UUID(), UUID())
        let payloads = PostgresFloorEventBus.payloads(
            of: [
                FloorEvent(tenantID: tenantA, agents: [agent1], lists: [list]),
                FloorEvent(tenantID: tenantB, everything: true),
                FloorEvent(tenantID: tenantA, agents: [agent2, agent1], settings: true),
            ], from: Self.origin)
        #expect(payloads.count == 1)
        let envelope = try Self.decode(payloads[0])
        #expect(envelope.origin == Self.origin)
        #expect(envelope.events.map(\.tenantID) == [tenantA, tenantB])
        #expect(Set(envelope.events[0].agents) == [agent1, agent2] && envelope.events[0].agents.count == 2)
        #expect(envelope.events[0].lists == [list] && envelope.events[0].settings && !envelope.events[0].everything)
        #expect(envelope.events[1].everything)
    }

    @Test func manyTenantsSpreadOverNotificationsThatFit() throws {
        let events = (0..<300).map { _ in FloorEvent(tenantID: UUID(), agents: [UUID()]) }
        let payloads = PostgresFloorEventBus.payloads(of: events, from: Self.origin)
        #expect(payloads.count > 1)
        #expect(payloads.allSatisfy { $0.utf8.count <= PostgresFloorEventBus.payloadLimit })
        let sent = try payloads.flatMap { try Self.decode($0).events }
        #expect(sent == events)
    }

    @Test func aTenantWithTooManyIdsReadsEverything() throws {
        let tenant = UUID()
        let event = FloorEvent(tenantID: tenant, agents: (0..<500).map { _ in UUID() }, callbacks: true)
        let payloads = PostgresFloorEventBus.payloads(of: [event], from: Self.origin)
        #expect(payloads.count == 1 && payloads[0].utf8.count <= PostgresFloorEventBus.payloadLimit)
        let sent = try Self.decode(payloads[0]).events
        #expect(sent == [FloorEvent(tenantID: tenant, everything: true, callbacks: true)])
    }
}
