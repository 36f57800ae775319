import Foundation

/// Something the manager's board shows has changed and is on disk: these agents' states or calls, these lists'
/// rows. Events carry ids only; a board reads the facts again, so an event may be late, repeated or merged with
/// others and the board is still exact. Codable, so a bus between instances (PostgreSQL's LISTEN/NOTIFY) can carry
/// it as its payload.
struct FloorEvent: Sendable, Hashable, Codable {
    var tenantID: UUID
    var agents: [UUID] = []
    var lists: [UUID] = []
    /// Users or lists were added, renamed or removed, or the settings changed: read the whole board again.
    var everything = false
}

/// Carries `FloorEvent`s from the code that commits facts to the boards that show them. The in-process bus serves one
/// instance; with several instances a bus over PostgreSQL's LISTEN/NOTIFY stands behind the same protocol.
protocol FloorEventBus: Sendable {
    /// Called after the facts are committed. Never waits for subscribers: the agents' commit path must not slow down.
    func publish(_ event: FloorEvent)
    /// Every event of every tenant from now on, until the stream is dropped.
    func subscribe() -> AsyncStream<FloorEvent>
}
