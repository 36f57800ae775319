import NIOCore

/// The stream (TCP) connections, one per peer and transport (RFC 3261 §18: a connection is reused for every message
/// to the same address over the same transport). An entry is the channel being connected or connected; it leaves
/// the table when the connection fails or closes. Plain data: the transport layer that owns it opens and closes the
/// channels.
struct SIPConnectionTable {
    private var connections: [SIPDestination: EventLoopFuture<any Channel>] = [:]

    /// The connection to `destination`, connected or still connecting.
    subscript(_ destination: SIPDestination) -> EventLoopFuture<any Channel>? {
        connections[destination]
    }

    mutating func insert(_ connection: EventLoopFuture<any Channel>, for destination: SIPDestination) {
        connections[destination] = connection
    }

    mutating func remove(_ destination: SIPDestination) {
        connections[destination] = nil
    }

    /// Empties the table and returns what it held, for closing.
    mutating func removeAll() -> [EventLoopFuture<any Channel>] {
        defer { connections = [:] }
        return Array(connections.values)
    }
}
