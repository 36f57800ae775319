import Foundation

/// Something a live view shows has changed and is on disk: these agents' states or calls, these lists' rows (the
/// manager's board), the tenant's settings or callbacks (the phone screens). Events carry ids only; a view reads the
/// facts again, so an event may be late, repeated or merged with others and the view is still exact. Codable, so a
/// bus between instances (PostgreSQL's LISTEN/NOTIFY) can carry it as its payload.
struct FloorEvent: Sendable, Hashable, Codable {
    var tenantID: UUID
    var agents: [UUID] = []
    var lists: [UUID] = []
    /// Users or lists were added, renamed or removed, or the settings changed: read the whole board again.
    var everything = false
    /// The tenant's settings changed: the phone screens of other instances read them again.
    var settings = false
    /// A callback of the tenant changed in a way other screens show: other instances' screens read them again.
    var callbacks = false
    /// These agents' screens reconnected to another instance, which asks for their leases: an instance serving one of
    /// them with no screen open and no call gives the lease up now instead of after the reconnection grace.
    var handOver: [UUID] = []

    /// Every tenant's boards read everything again: what a bus says after it may have missed events (its
    /// connection to the other instances was lost and is back).
    static let everyTenant = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// This event and `other` (of the same tenant) as one.
    func merged(with other: FloorEvent) -> FloorEvent {
        var merged = self
        merged.agents = Array(Set(agents).union(other.agents)).sorted { $0.uuidString < $1.uuidString }
        merged.lists = Array(Set(lists).union(other.lists)).sorted { $0.uuidString < $1.uuidString }
        merged.everything = everything || other.everything
        merged.settings = settings || other.settings
        merged.callbacks = callbacks || other.callbacks
        merged.handOver = Array(Set(handOver).union(other.handOver)).sorted { $0.uuidString < $1.uuidString }
        return merged
    }
}

/// Carries `FloorEvent`s from the code that commits facts to the boards that show them. The in-process bus serves one
/// instance; with several instances a bus over PostgreSQL's LISTEN/NOTIFY stands behind the same protocol.
protocol FloorEventBus: Sendable {
    /// Called after the facts are committed. Never waits for subscribers: the agents' commit path must not slow down.
    func publish(_ event: FloorEvent)
    /// Every event of every tenant from now on, until the stream is dropped.
    func subscribe() -> AsyncStream<FloorEvent>
    /// Only the events other instances published (this instance acts on its own changes as it makes them).
    func subscribeToOtherInstances() -> AsyncStream<FloorEvent>
}
