import Logging
import NIOCore
import NIOPosix

/// A client of rtpengine's ng control protocol over UDP. Each command gets a fresh cookie and is re-sent on the
/// same cookie until a reply comes or the policy's attempts run out. All mutable state lives on one event loop.
public final class NGClient: Sendable {
    public let eventLoop: any EventLoop
    public let server: SocketAddress
    public let policy: NGRequestMachine.Policy
    private let core: NIOLoopBoundBox<NGClientCore>

    public init(
        server: SocketAddress, eventLoop: any EventLoop, policy: NGRequestMachine.Policy = NGRequestMachine.Policy(),
        logger: Logger = Logger(label: "tsunagu.media.ng")
    ) {
        self.server = server
        self.eventLoop = eventLoop
        self.policy = policy
        self.core = NIOLoopBoundBox.makeBoxSendingValue(
            NGClientCore(server: server, eventLoop: eventLoop, logger: logger), eventLoop: eventLoop)
    }

    /// Opens the UDP socket (an ephemeral port on the server's address family).
    public func start() async throws {
        let core = self.core
        try await eventLoop.flatSubmit { core.value.bind(box: core) }.get()
    }

    /// Closes the socket; commands still waiting fail with `.closed`.
    public func shutdown() async {
        let core = self.core
        try? await eventLoop.flatSubmit { core.value.close() }.get()
    }

    public func send(_ command: NGCommand, policy: NGRequestMachine.Policy? = nil) async throws -> NGReply {
        let core = self.core
        let policy = policy ?? self.policy
        let promise = eventLoop.makePromise(of: NGReply.self)
        eventLoop.execute { core.value.send(command, policy: policy, promise: promise, box: core) }
        return try await promise.futureResult.get()
    }

    /// True when rtpengine answers a ping.
    public func ping(policy: NGRequestMachine.Policy? = nil) async -> Bool {
        (try? await send(.ping, policy: policy))?.result == "pong"
    }

    /// Commands waiting for a reply (for tests: it must return to zero).
    public var pendingCount: Int {
        get async {
            let core = self.core
            return (try? await eventLoop.submit { core.value.pending.count }.get()) ?? 0
        }
    }
}

final class NGClientCore {
    struct Pending {
        var machine: NGRequestMachine
        var promise: EventLoopPromise<NGReply>
        var timer: Scheduled<Void>?
    }

    /// A bound on commands in flight, so a dead rtpengine cannot make the client hold memory without end.
    static let maximumPending = 4096

    let server: SocketAddress
    let eventLoop: any EventLoop
    let logger: Logger
    var channel: (any Channel)?
    var pending: [String: Pending] = [:]
    private var generator = SystemRandomNumberGenerator()
    private var reportedMalformed = false

    init(server: SocketAddress, eventLoop: any EventLoop, logger: Logger) {
        self.server = server
        self.eventLoop = eventLoop
        self.logger = logger
    }

    func bind(box: NIOLoopBoundBox<NGClientCore>) -> EventLoopFuture<Void> {
        guard channel == nil else { return eventLoop.makeSucceededVoidFuture() }
        let host = server.protocol == .inet6 ? "::" : "0.0.0.0"
        return DatagramBootstrap(group: eventLoop)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 65_536))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NGReplyHandler(box: box))
                }
            }
            .bind(host: host, port: 0)
            .map { channel in box.value.channel = channel }
    }

    func close() -> EventLoopFuture<Void> {
        for cookie in Array(pending.keys) {
            finish(cookie, with: .failure(NGClientError(.closed, command: "?", detail: "the client was shut down")))
        }
        guard let channel else { return eventLoop.makeSucceededVoidFuture() }
        self.channel = nil
        return channel.close()
    }

    func send(
        _ command: NGCommand, policy: NGRequestMachine.Policy, promise: EventLoopPromise<NGReply>,
        box: NIOLoopBoundBox<NGClientCore>
    ) {
        guard channel != nil else {
            promise.fail(NGClientError(.closed, command: command.name, detail: "start() was not called"))
            return
        }
        guard pending.count < Self.maximumPending else {
            promise.fail(
                NGClientError(.timeout, command: command.name, detail: "too many commands waiting for rtpengine"))
            return
        }
        var cookie = NGMessage.randomCookie(using: &generator)
        while pending[cookie] != nil { cookie = NGMessage.randomCookie(using: &generator) }
        var machine = NGRequestMachine(message: NGMessage(cookie: cookie, body: command.body), policy: policy)
        let actions = machine.start()
        pending[cookie] = Pending(machine: machine, promise: promise, timer: nil)
        perform(actions, cookie: cookie, box: box)
    }

    func received(_ envelope: AddressedEnvelope<ByteBuffer>, box: NIOLoopBoundBox<NGClientCore>) {
        guard envelope.remoteAddress == server else { return }
        let message: NGMessage
        do {
            message = try NGMessage.parse(envelope.data.readableBytesView)
        } catch {
            if !reportedMalformed {
                reportedMalformed = true
                logger.warning("ignoring a malformed reply from rtpengine: \(error)")
            }
            return
        }
        guard var entry = pending[message.cookie] else { return }
        let actions = entry.machine.receive(message)
        pending[message.cookie] = entry
        perform(actions, cookie: message.cookie, box: box)
    }

    private func timerFired(_ cookie: String, box: NIOLoopBoundBox<NGClientCore>) {
        guard var entry = pending[cookie] else { return }
        entry.timer = nil
        let actions = entry.machine.timerFired()
        pending[cookie] = entry
        perform(actions, cookie: cookie, box: box)
    }

    private func perform(_ actions: [NGRequestMachine.Action], cookie: String, box: NIOLoopBoundBox<NGClientCore>) {
        for action in actions {
            switch action {
            case .send(let bytes):
                guard let channel else { continue }
                let envelope = AddressedEnvelope(remoteAddress: server, data: channel.allocator.buffer(bytes: bytes))
                channel.writeAndFlush(envelope).whenFailure { error in
                    guard var entry = box.value.pending[cookie] else { return }
                    let actions = entry.machine.transportFailed("\(error)")
                    box.value.pending[cookie] = entry
                    box.value.perform(actions, cookie: cookie, box: box)
                }
            case .startTimer(let delay):
                pending[cookie]?.timer = eventLoop.scheduleTask(in: TimeAmount(delay)) {
                    box.value.timerFired(cookie, box: box)
                }
            case .cancelTimer:
                pending[cookie]?.timer?.cancel()
                pending[cookie]?.timer = nil
            case .succeed(let reply):
                finish(cookie, with: .success(reply))
            case .fail(let error):
                finish(cookie, with: .failure(error))
            }
        }
    }

    private func finish(_ cookie: String, with result: Result<NGReply, NGClientError>) {
        guard let entry = pending.removeValue(forKey: cookie) else { return }
        entry.timer?.cancel()
        switch result {
        case .success(let reply): entry.promise.succeed(reply)
        case .failure(let error): entry.promise.fail(error)
        }
    }
}

private final class NGReplyHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    private let box: NIOLoopBoundBox<NGClientCore>

    init(box: NIOLoopBoundBox<NGClientCore>) {
        self.box = box
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        box.value.received(unwrapInboundIn(data), box: box)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A UDP error (for example ICMP port unreachable) is not fatal to the socket; the timers decide.
    }
}
