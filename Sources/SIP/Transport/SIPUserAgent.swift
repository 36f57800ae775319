import Logging
import NIOCore
import NIOPosix

/// Tsunagu's SIP user agent: UDP (bound at start) and TCP (connected on demand) transports, RFC 3261 transactions
/// and outgoing calls, all on one event loop. Everything mutable lives in `SIPUserAgentCore` on that loop; this type
/// is the thread-safe face of it.
public final class SIPUserAgent: Sendable {
    public let eventLoop: any EventLoop
    public let configuration: SIPUserAgentConfiguration
    let core: NIOLoopBoundBox<SIPUserAgentCore>
    let identifiers: SIPIdentifiers
    private let routes = SIPRouteCheck()

    public init(
        eventLoop: any EventLoop, configuration: SIPUserAgentConfiguration = SIPUserAgentConfiguration(),
        identifiers: SIPIdentifiers = .random, logger: Logger = Logger(label: "tsunagu.sip")
    ) {
        self.eventLoop = eventLoop
        self.configuration = configuration
        self.identifiers = identifiers
        self.core = NIOLoopBoundBox.makeBoxSendingValue(
            SIPUserAgentCore(eventLoop: eventLoop, configuration: configuration, logger: logger), eventLoop: eventLoop)
    }

    /// Binds the UDP socket; returns the bound address (useful with port 0).
    @discardableResult
    public func start() async throws -> SocketAddress {
        let core = self.core
        return try await eventLoop.flatSubmit { core.value.bindUDP() }.get()
    }

    public func shutdown() async {
        let core = self.core
        try? await eventLoop.flatSubmit { core.value.close() }.get()
    }

    public var localUDPAddress: SocketAddress? {
        get async {
            let core = self.core
            return try? await eventLoop.submit { core.value.udpLocalAddress }.get()
        }
    }

    /// Calls in progress and open transactions (for tests and the lamp).
    public var load: (calls: Int, transactions: Int, dropped: Int) {
        get async {
            let core = self.core
            return
                (try? await eventLoop.submit {
                    (core.value.activeCallCount, core.value.transactionCount, core.value.droppedMessages)
                }.get()) ?? (0, 0, 0)
        }
    }

    /// Where requests to the trunk go, resolved once.
    public struct Peer: Sendable, Hashable {
        public var host: String
        public var port: Int
        public var transport: SIPTransportKind

        public init(host: String, port: Int = 5060, transport: SIPTransportKind = .udp) {
            self.host = host
            self.port = port
            self.transport = transport
        }
    }

    /// What goes into Via and Contact for a request to this peer: for TCP the connection's own local address.
    public func localContactAddress(for peer: Peer) async throws -> (host: String, port: Int) {
        let destination = try destination(for: peer)
        let core = self.core
        let advertised = configuration.advertisedHost
        switch peer.transport {
        case .udp:
            guard let address = try await eventLoop.submit({ core.value.udpLocalAddress }).get() else {
                throw SIPUserAgentError(code: .notStarted, detail: "call start() first")
            }
            return (advertised ?? address.ipAddress ?? configuration.bindHost, address.port ?? 0)
        case .tcp:
            do {
                let address = try await eventLoop.flatSubmit {
                    core.value.tcpLocalAddress(to: destination.address)
                }.get()
                return (advertised ?? address.ipAddress ?? configuration.bindHost, address.port ?? 0)
            } catch {
                throw SIPUserAgentError(code: .transportFailed, detail: "TCP to \(peer.host):\(peer.port): \(error)")
            }
        }
    }

    /// Places a call; progress is reported in order on the agent's event loop, `.ended` exactly once.
    /// Returns the Call-ID, the handle for `hangUp`, as soon as the call is queued on the event loop: waiting for the
    /// loop to run it would wake the caller's thread once more for nothing, and whatever the caller asks next is
    /// queued behind it.
    @discardableResult
    public func placeCall(
        _ parameters: OutboundCallParameters, via peer: Peer, callID: String? = nil,
        report: @escaping @Sendable (OutboundCallProgress) -> Void
    ) async throws -> String {
        let destination = try destination(for: peer)
        let call = OutboundCall(parameters: parameters, callID: callID, identifiers: identifiers)
        let core = self.core
        eventLoop.execute { core.value.placeCall(call, to: destination, report: report) }
        return call.callID
    }

    /// Hangs up (CANCEL while ringing, BYE after the answer); queued on the event loop like `placeCall`.
    public func hangUp(callID: String) async {
        let core = self.core
        eventLoop.execute { core.value.hangUp(callID) }
    }

    /// A dial-pad key during the answered call, as SIP INFO (for trunks that want tones in the signalling).
    public func sendTone(_ tone: DTMFRelayTone, callID: String) async {
        let core = self.core
        eventLoop.execute { core.value.sendTone(tone, callID: callID) }
    }

    /// Sends a request outside any call (OPTIONS keep-alive, REGISTER) and returns its final response.
    /// Throws `.timedOut` when Timer F fires and `.transportFailed` when it cannot be sent.
    public func send(_ request: SIPRequest, to peer: Peer, timeout: Duration? = nil) async throws -> SIPResponse {
        let destination = try destination(for: peer)
        let core = self.core
        return try await eventLoop.flatSubmit { core.value.request(request, to: destination, timeout: timeout) }.get()
    }

    /// A fresh Via for a request the caller builds (OPTIONS, REGISTER).
    public func makeVia(for peer: Peer) async throws -> SIPVia {
        let local = try await localContactAddress(for: peer)
        return SIPVia(
            transport: peer.transport.rawValue, host: local.host, port: local.port, branch: identifiers.branch())
    }

    public var newTag: String { identifiers.tag() }
    public var newCallID: String { identifiers.callID() }

    func destination(for peer: Peer) throws -> SIPDestination {
        do {
            // A literal address needs no resolver call (getaddrinfo for every call placed).
            let address =
                try (try? SocketAddress(ipAddress: peer.host, port: peer.port))
                ?? SocketAddress.makeAddressResolvingHost(peer.host, port: peer.port)
            guard address.isUnicastIP else {
                throw SIPUserAgentError(
                    code: .unusableAddress, detail: "\(peer.host) is not one host's address (broadcast, multicast or 0)"
                )
            }
            if peer.transport == .udp { try routes.check(address, host: peer.host) }
            return SIPDestination(transport: peer.transport, address: SocketAddressKey(address: address))
        } catch let error as SIPUserAgentError {
            throw error
        } catch {
            throw SIPUserAgentError(code: .unresolvableHost, detail: "\(peer.host): \(error)")
        }
    }
}

extension SIPUserAgent {
    /// Registers (or, with `expires: 0`, unregisters) the binding, answering a digest challenge; returns the
    /// seconds granted. The caller keeps the `SIPRegistration` to refresh it with the same Call-ID.
    public func register(_ registration: inout SIPRegistration, at peer: Peer, expires: Int? = nil) async throws
        -> SIPRegistration.Outcome
    {
        var request = registration.request(via: try await makeVia(for: peer), expires: expires)
        for _ in 0..<3 {
            let response = try await send(request, to: peer)
            let retryVia = try await makeVia(for: peer)
            switch registration.handle(response, retryVia: retryVia) {
            case .retry(let next): request = next
            case let outcome: return outcome
            }
        }
        return .failed(statusCode: 401)
    }

    /// An OPTIONS ping (RFC 3261 §11): any final response means the trunk is up; a timeout means it is not.
    public func ping(_ peer: Peer, from: SIPURI, timeout: Duration? = nil) async throws -> SIPResponse {
        var headers = SIPHeaders()
        headers.add(.via, try await makeVia(for: peer).description)
        headers.add(.maxForwards, "70")
        headers.add(.from, "<\(from)>;tag=\(newTag)")
        headers.add(.to, "<sip:\(peer.host):\(peer.port)>")
        headers.add(.callID, newCallID)
        headers.add(.cseq, SIPCSeq(1, .options).description)
        headers.add(.userAgent, configuration.userAgent)
        let uri = SIPURI(host: peer.host, port: peer.port)
        return try await send(SIPRequest(method: .options, uri: uri, headers: headers), to: peer, timeout: timeout)
    }
}
