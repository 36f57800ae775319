import NIOCore

/// The transports of RFC 3261 §18 we speak.
public enum SIPTransportKind: String, Sendable, Hashable, CaseIterable {
    case udp = "UDP"
    case tcp = "TCP"

    /// RFC 3261 §17: reliable transports need no retransmissions.
    public var isReliable: Bool { self != .udp }
}

/// Where a message goes: a transport and the peer's address.
struct SIPDestination: Hashable, @unchecked Sendable {
    var transport: SIPTransportKind
    var address: SocketAddressKey
}

/// A socket address usable as a dictionary key (SocketAddress is Hashable; this keeps the key small and explicit).
struct SocketAddressKey: Hashable, Sendable, CustomStringConvertible {
    var address: SocketAddress

    var description: String { "\(address.ipAddress ?? "?"):\(address.port ?? 0)" }
}
