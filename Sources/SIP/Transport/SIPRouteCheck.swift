import NIOCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whether the kernel will send to a UDP peer, asked without sending anything: `connect` on a spare UDP socket looks
/// the route up and fails as a send would (ENETUNREACH without a route, EACCES for a broadcast address such as a
/// subnet's). NIO closes a datagram socket on those errors, and every call of every tenant shares that socket, so a
/// peer is checked before the first request to it, and one found routable is not checked again for a minute.
final class SIPRouteCheck: Sendable {
    private let routable = Mutex<[SocketAddressKey: ContinuousClock.Instant]>([:])
    private static let validity = Duration.seconds(60)
    /// Peers come from trunk settings, a handful per tenant; this only bounds a misuse.
    private static let remembered = 10_000

    func check(_ address: SocketAddress, host: String) throws(SIPUserAgentError) {
        let key = SocketAddressKey(address: address)
        let now = ContinuousClock.now
        if let since = routable.withLock({ $0[key] }), now - since < Self.validity { return }
        if let failure = Self.connectFailure(address) {
            throw SIPUserAgentError(code: .unusableAddress, detail: "\(host): \(failure)")
        }
        routable.withLock { routable in
            if routable.count >= Self.remembered { routable.removeAll() }
            routable[key] = now
        }
    }

    /// Why a UDP socket cannot be connected to the address, or nil when it can (or the check itself is impossible:
    /// then the send decides).
    private static func connectFailure(_ address: SocketAddress) -> String? {
        let family: Int32
        switch address {
        case .v4: family = AF_INET
        case .v6: family = AF_INET6
        case .unixDomainSocket: return "not an IP address"
        }
        #if canImport(Glibc)
            let descriptor = socket(family, Int32(SOCK_DGRAM.rawValue), 0)
        #else
            let descriptor = socket(family, SOCK_DGRAM, 0)
        #endif
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let result = address.withSockAddr { pointer, length in connect(descriptor, pointer, socklen_t(length)) }
        return result == 0 ? nil : String(cString: strerror(errno))
    }
}
