import NIOCore

extension SocketAddress {
    /// Whether a trunk can be at this address: not unspecified (0.0.0.0, ::), not the broadcast address, not
    /// multicast. The kernel refuses some sends to these at once, and a SIP request must go to one peer.
    var isUnicastIP: Bool {
        switch self {
        case .v4(let address):
            let host = UInt32(bigEndian: address.address.sin_addr.s_addr)
            return host != 0 && host != 0xFFFF_FFFF && host >> 28 != 0xE
        case .v6(let address):
            return withUnsafeBytes(of: address.address.sin6_addr) { bytes in
                bytes[0] != 0xFF && bytes.contains { $0 != 0 }
            }
        case .unixDomainSocket:
            return false
        }
    }
}

extension SIPUserAgent {
    /// False for an IP address that is not one host's (broadcast, multicast, unspecified), with or without IPv6
    /// brackets; a host name is not judged here (it is resolved when a call is placed).
    public static func isSingleHostAddress(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard let address = try? SocketAddress(ipAddress: bare, port: 0) else { return true }
        return address.isUnicastIP
    }
}
