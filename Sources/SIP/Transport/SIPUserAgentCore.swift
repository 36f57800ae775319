import Logging
import NIOCore

/// The user agent's state and routing, confined to one event loop: the transports (`SIPTransportLayer`) in, the
/// transactions (`SIPTransactionTable`) and calls (`SIPCallTable`) in the middle, timers from the event loop (which
/// tests replace with `NIOAsyncTestingEventLoop` to move time).
///
/// The work is split by concern: receiving and routing (`+Receiving`), transactions (`+Transactions`), timers
/// (`+Timers`) and calls (`+Calls`). The state below is only for those extensions.
final class SIPUserAgentCore {
    let eventLoop: any EventLoop
    let configuration: SIPUserAgentConfiguration
    let logger: Logger
    let transport: SIPTransportLayer
    var transactions = SIPTransactionTable()
    var calls = SIPCallTable()
    /// Every transaction and ring timer; the event loop holds one task, for the earliest of them.
    var timers = SIPTimerQueue<SIPTimerOwner>()
    var wakeUp: (deadline: NIODeadline, task: Scheduled<Void>)?
    private var warnedPeers: Set<String> = []
    private(set) var droppedMessages = 0
    var loopBound: NIOLoopBound<SIPUserAgentCore> { NIOLoopBound(self, eventLoop: eventLoop) }

    init(eventLoop: any EventLoop, configuration: SIPUserAgentConfiguration, logger: Logger) {
        self.eventLoop = eventLoop
        self.configuration = configuration
        self.logger = logger
        transport = SIPTransportLayer(eventLoop: eventLoop, configuration: configuration, logger: logger)
        transport.receiver = self
    }

    var activeCallCount: Int { calls.count }
    var transactionCount: Int { transactions.count }

    // MARK: Transports

    func bindUDP() -> EventLoopFuture<SocketAddress> {
        transport.bindUDP()
    }

    var udpLocalAddress: SocketAddress? { transport.udpLocalAddress }

    /// The local address of the TCP connection to the peer, once connected (for Via and Contact).
    func tcpLocalAddress(to address: SocketAddressKey) -> EventLoopFuture<SocketAddress> {
        transport.localAddress(toStream: SIPDestination(transport: .tcp, address: address))
    }

    /// Sends a message; a failure to send a client transaction's own request is that transaction's transport error
    /// (RFC 3261 §17.1.4).
    func send(_ message: SIPMessage, to destination: SIPDestination, for client: SIPTransactionKey? = nil) {
        guard let client else {
            transport.send(message, to: destination, promise: nil)
            return
        }
        let promise = eventLoop.makePromise(of: Void.self)
        let core = loopBound
        promise.futureResult.whenFailure { error in
            core.value.logger.debug(
                "\(destination.transport.rawValue) send to \(destination.address) failed: \(error)")
            core.value.clientTransportFailed(client)
        }
        transport.send(message, to: destination, promise: promise)
    }

    func close() -> EventLoopFuture<Void> {
        cancelAllTimers()
        transactions.removeAll()
        calls.removeAll()
        return transport.close()
    }

    /// Logs the first bad message from each peer as a warning, then only counts (a flood must not flood the log).
    func logDrop(_ reason: String, from peer: String?) {
        droppedMessages += 1
        let key = peer ?? "?"
        if warnedPeers.count < 1_000, warnedPeers.insert(key).inserted {
            logger.warning("dropped a SIP message from \(key): \(reason)")
        } else {
            logger.debug("dropped a SIP message from \(key): \(reason)")
        }
    }
}
