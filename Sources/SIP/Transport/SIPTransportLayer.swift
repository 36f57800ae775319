import Logging
import NIOCore
import NIOPosix

/// The transports of RFC 3261 §18: the shared UDP socket and the stream connections. It sends a message to a
/// destination and hands each message read, with its source, to the receiver; it knows nothing of transactions or
/// calls.
final class SIPTransportLayer {
    let eventLoop: any EventLoop
    private let configuration: SIPUserAgentConfiguration
    private let logger: Logger
    private let udp: SIPUDPSocket
    private var connections = SIPConnectionTable()
    /// The user agent's core, which owns this layer.
    weak var receiver: (any SIPTransportReceiver)?
    private var loopBound: NIOLoopBound<SIPTransportLayer> { NIOLoopBound(self, eventLoop: eventLoop) }

    init(eventLoop: any EventLoop, configuration: SIPUserAgentConfiguration, logger: Logger) {
        self.eventLoop = eventLoop
        self.configuration = configuration
        self.logger = logger
        udp = SIPUDPSocket(eventLoop: eventLoop, host: configuration.bindHost, logger: logger)
    }

    // MARK: Sending

    /// Sends a message; `promise`, when given, hears whether it went out (a failure to send a client transaction's
    /// own request is that transaction's transport error, RFC 3261 §17.1.4). Only a transaction's own sends need to
    /// hear of a failure; an ACK or a response goes without a promise.
    func send(_ message: SIPMessage, to destination: SIPDestination, promise: EventLoopPromise<Void>?) {
        switch destination.transport {
        case .udp:
            udp.write(message, to: destination.address.address, promise: promise)
        case .tcp:
            let logger = self.logger
            connection(to: destination).whenComplete { result in
                switch result {
                case .success(let channel):
                    var buffer = channel.allocator.buffer(capacity: message.serializedCapacity)
                    buffer.writeSIPMessage(message)
                    channel.writeAndFlush(buffer, promise: promise)
                case .failure(let error):
                    logger.debug("TCP connect to \(destination.address) failed: \(error)")
                    promise?.fail(error)
                }
            }
        }
    }

    // MARK: UDP

    func bindUDP() -> EventLoopFuture<SocketAddress> {
        udp.bind(port: configuration.bindPort, inbound: loopBound)
    }

    var udpLocalAddress: SocketAddress? { udp.localAddress }

    // MARK: Stream connections

    /// The connection to a stream destination, opened on first use.
    private func connection(to destination: SIPDestination) -> EventLoopFuture<any Channel> {
        if let existing = connections[destination] { return existing }
        let transport = loopBound
        let future = ClientBootstrap(group: eventLoop)
            .connectTimeout(.seconds(5))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SIPStreamDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SIPStreamHandler(transport: transport))
                }
            }
            .connect(to: destination.address.address)
        connections.insert(future, for: destination)
        future.whenFailure { _ in transport.value.connections.remove(destination) }
        return future
    }

    /// The local address of the connection to the destination, once connected (for Via and Contact).
    func localAddress(toStream destination: SIPDestination) -> EventLoopFuture<SocketAddress> {
        connection(to: destination).flatMapThrowing { channel in
            guard let local = channel.localAddress else { throw ChannelError.ioOnClosedChannel }
            return local
        }
    }

    // MARK: Receiving (from the channel handlers)

    func received(_ result: Result<SIPMessage, SIPRejectedMessage>, from source: SIPDestination) {
        receiver?.received(result, from: source)
    }

    /// A transport error lost what was being read.
    func failed(_ reason: String) {
        receiver?.logDrop(reason, from: nil)
    }

    func connectionClosed(_ destination: SIPDestination) {
        connections.remove(destination)
    }

    // MARK: Closing

    /// Closes the UDP socket and every connection.
    func close() -> EventLoopFuture<Void> {
        var closing: [EventLoopFuture<Void>] = []
        if let udpClosing = udp.close() { closing.append(udpClosing) }
        for connection in connections.removeAll() {
            closing.append(connection.flatMap { $0.close() }.recover { _ in })
        }
        return EventLoopFuture.andAllComplete(closing, on: eventLoop)
    }
}
