import Logging
import NIOCore
import NIOPosix

/// The one UDP socket every call shares: bound at start, opened again on the same port when NIO closes it, and
/// flushed once per event loop tick.
final class SIPUDPSocket {
    let eventLoop: any EventLoop
    private let host: String
    private let logger: Logger
    private var channel: (any Channel)?
    /// Where the socket's datagrams go, kept for opening it again.
    private var inbound: NIOLoopBound<SIPTransportLayer>?
    private var flushPending = false
    /// Set by `close`: the socket is not opened again after that.
    private var isClosed = false
    private var loopBound: NIOLoopBound<SIPUDPSocket> { NIOLoopBound(self, eventLoop: eventLoop) }

    init(eventLoop: any EventLoop, host: String, logger: Logger) {
        self.eventLoop = eventLoop
        self.host = host
        self.logger = logger
    }

    var localAddress: SocketAddress? { channel?.localAddress }

    /// Binds the socket; datagrams read from it go to `inbound`.
    func bind(port: Int, inbound: NIOLoopBound<SIPTransportLayer>) -> EventLoopFuture<SocketAddress> {
        self.inbound = inbound
        let socket = loopBound
        return DatagramBootstrap(group: eventLoop)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            // Room for bursts (a trunk answering many calls at once): the kernel's default drops datagrams.
            .channelOption(.socketOption(.so_rcvbuf), value: 4 << 20)
            // A datagram is read whole up to the largest UDP payload; NIO's default of 2,048 bytes would cut a large
            // INVITE short, and the parser would refuse it for a Content-Length beyond the datagram.
            .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 65_536))
            .channelOption(.maxMessagesPerRead, value: 16)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SIPDatagramHandler(transport: inbound))
                }
            }
            .bind(host: host, port: port)
            .flatMapThrowing { channel in
                guard let local = channel.localAddress, let port = local.port else {
                    throw SIPUserAgentError(code: .transportFailed, detail: "the UDP socket has no local address")
                }
                socket.value.opened(channel, port: port)
                return local
            }
    }

    private func opened(_ channel: any Channel, port: Int) {
        self.channel = channel
        let socket = loopBound
        channel.closeFuture.whenComplete { _ in socket.value.closed(channel, port: port) }
    }

    /// NIO closes a datagram socket on a send error it does not count as recoverable: EACCES (a broadcast address),
    /// EPERM (a firewall), ENETUNREACH. Every call of every tenant shares this socket, so it is opened again at once
    /// on the same port, where Via, Contact and registrations point; the send that failed fails its transaction.
    private func closed(_ channel: any Channel, port: Int) {
        guard !isClosed, self.channel === channel else { return }
        self.channel = nil
        logger.error("the SIP UDP socket on port \(port) was closed by a send error; opening it again")
        reopen(port: port)
    }

    private func reopen(port: Int) {
        guard let inbound else { return }
        let socket = loopBound
        bind(port: port, inbound: inbound).whenFailure { error in
            guard !socket.value.isClosed else { return }
            socket.value.logger.error("could not open the SIP UDP socket on port \(port) again (\(error)); retrying")
            socket.value.eventLoop.scheduleTask(in: .seconds(1)) { socket.value.reopen(port: port) }
        }
    }

    /// Queues a datagram for the flush at the end of this tick; `promise` hears whether it went out. Without a
    /// socket (closed and not yet open again) the promise fails at once.
    func write(_ message: SIPMessage, to address: SocketAddress, promise: EventLoopPromise<Void>?) {
        guard let channel else {
            promise?.fail(SIPUserAgentError(code: .transportFailed, detail: "the UDP socket is closed"))
            return
        }
        var buffer = channel.allocator.buffer(capacity: message.serializedCapacity)
        buffer.writeSIPMessage(message)
        flushAfterThisTick()
        channel.write(AddressedEnvelope(remoteAddress: address, data: buffer), promise: promise)
    }

    /// UDP writes go out together once the event loop has handled everything that was ready: one `sendmmsg`, and
    /// one wake-up of a peer that sleeps between bursts, instead of one for every datagram. A send error that makes
    /// NIO close the socket fails the others of that burst too; `SIPRouteCheck` keeps such peers out beforehand.
    private func flushAfterThisTick() {
        guard !flushPending else { return }
        flushPending = true
        let socket = loopBound
        eventLoop.execute {
            socket.value.flushPending = false
            socket.value.channel?.flush()
        }
    }

    /// Closes the socket for good.
    func close() -> EventLoopFuture<Void>? {
        isClosed = true
        defer { channel = nil }
        return channel?.close().recover { _ in }
    }
}
