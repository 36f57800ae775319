import Logging
import NIOCore
import NIOPosix

/// The user agent's state and routing, confined to one event loop: transports in, transactions and calls in the
/// middle, timers from the event loop (which tests replace with `NIOAsyncTestingEventLoop` to move time).
final class SIPUserAgentCore {
    private enum TransactionUser {
        case call(String)
        case completion(EventLoopPromise<SIPResponse>)
    }

    // The entries are classes: a transaction's or call's state is changed where it is stored, so a look-up costs one
    // reference, not a copy of every field.

    private final class ClientEntry {
        /// The machine, held inline by kind: as an existential it was boxed, one more allocation per transaction.
        private enum Machine {
            case invite(ClientInviteTransaction)
            case nonInvite(ClientNonInviteTransaction)
        }

        private var machine: Machine
        let user: TransactionUser
        let destination: SIPDestination
        var timers = SIPArmedTimers<TimerID>()
        /// Set when the entry leaves `clients`, so that actions still being applied to it stop.
        var isRemoved = false

        init(request: SIPRequest, user: TransactionUser, destination: SIPDestination, timers: SIPTimerConfiguration) {
            let reliable = destination.transport.isReliable
            machine =
                request.method == .invite
                ? .invite(ClientInviteTransaction(request: request, reliableTransport: reliable, timers: timers))
                : .nonInvite(ClientNonInviteTransaction(request: request, reliableTransport: reliable, timers: timers))
            self.user = user
            self.destination = destination
        }

        func start() -> [SIPTransactionAction] {
            run {
                $0.start()
            } _: {
                $0.start()
            }
        }

        func receive(_ response: SIPResponse) -> [SIPTransactionAction] {
            run {
                $0.receive(response)
            } _: {
                $0.receive(response)
            }
        }

        func transportFailed() -> [SIPTransactionAction] {
            run {
                $0.transportFailed()
            } _: {
                $0.transportFailed()
            }
        }

        func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
            _ = timers.remove(timer)
            return run {
                $0.timerFired(timer)
            } _: {
                $0.timerFired(timer)
            }
        }

        private func run(
            _ invite: (inout ClientInviteTransaction) -> [SIPTransactionAction],
            _ nonInvite: (inout ClientNonInviteTransaction) -> [SIPTransactionAction]
        ) -> [SIPTransactionAction] {
            switch machine {
            case .invite(var transaction):
                defer { machine = .invite(transaction) }
                return invite(&transaction)
            case .nonInvite(var transaction):
                defer { machine = .nonInvite(transaction) }
                return nonInvite(&transaction)
            }
        }
    }

    private final class ServerEntry {
        var machine: any ServerTransactionMachine
        let destination: SIPDestination
        var timers = SIPArmedTimers<TimerID>()
        /// Set when the entry leaves `servers`, so that actions still being applied to it stop.
        var isRemoved = false

        init(machine: any ServerTransactionMachine, destination: SIPDestination) {
            self.machine = machine
            self.destination = destination
        }

        func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
            _ = timers.remove(timer)
            return machine.timerFired(timer)
        }
    }

    private final class CallEntry {
        var call: OutboundCall
        let destination: SIPDestination
        let report: @Sendable (OutboundCallProgress) -> Void
        var ringTimer: TimerID?

        init(
            call: OutboundCall, destination: SIPDestination, report: @escaping @Sendable (OutboundCallProgress) -> Void
        ) {
            self.call = call
            self.destination = destination
            self.report = report
        }
    }

    /// What a timer in `timers` is for.
    private enum TimerOwner {
        case client(TransactionKey, SIPTimer)
        case server(TransactionKey, SIPTimer)
        case ring(callID: String)
    }

    private typealias TimerID = SIPTimerQueue<TimerOwner>.ID

    /// Client transactions by branch and method (a CANCEL shares its INVITE's branch, RFC 3261 §17.1.3).
    private struct TransactionKey: Hashable {
        var branch: SIPBranchKey
        var method: SIPMethod

        /// The branch alone tells transactions apart but for a CANCEL and its INVITE: hashing the method's text too
        /// would cost more than those two sharing a bucket.
        func hash(into hasher: inout Hasher) { hasher.combine(branch) }
    }

    let eventLoop: any EventLoop
    let configuration: SIPUserAgentConfiguration
    private let logger: Logger
    private var udpChannel: (any Channel)?
    private var tcpConnections: [SocketAddressKey: EventLoopFuture<any Channel>] = [:]
    private var clients: [TransactionKey: ClientEntry] = [:]
    private var servers: [TransactionKey: ServerEntry] = [:]
    private var calls: [String: CallEntry] = [:]
    private var warnedPeers: Set<String> = []
    /// Every transaction and ring timer; the event loop holds one task, for the earliest of them.
    private var timers = SIPTimerQueue<TimerOwner>()
    private var wakeUp: (deadline: NIODeadline, task: Scheduled<Void>)?
    private(set) var droppedMessages = 0
    private var udpFlushPending = false
    /// Set by `close`: the UDP socket is not opened again after that.
    private var isClosed = false
    /// How many call events are being carried out (nested), and the loop's own operations asked for meanwhile.
    private var callEventDepth = 0
    private var pendingOperations: [PendingOperation] = []
    private var drainingOperations = false
    var loopBound: NIOLoopBound<SIPUserAgentCore> { NIOLoopBound(self, eventLoop: eventLoop) }

    init(eventLoop: any EventLoop, configuration: SIPUserAgentConfiguration, logger: Logger) {
        self.eventLoop = eventLoop
        self.configuration = configuration
        self.logger = logger
    }

    var activeCallCount: Int { calls.count }
    var transactionCount: Int { clients.count + servers.count }

    // MARK: Transports

    func bindUDP() -> EventLoopFuture<SocketAddress> {
        bindUDP(port: configuration.bindPort)
    }

    private func bindUDP(port: Int) -> EventLoopFuture<SocketAddress> {
        let core = loopBound
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
                    try channel.pipeline.syncOperations.addHandler(SIPDatagramHandler(core: core))
                }
            }
            .bind(host: configuration.bindHost, port: port)
            .flatMapThrowing { channel in
                guard let local = channel.localAddress, let port = local.port else {
                    throw SIPUserAgentError(code: .transportFailed, detail: "the UDP socket has no local address")
                }
                core.value.udpOpened(channel, port: port)
                return local
            }
    }

    private func udpOpened(_ channel: any Channel, port: Int) {
        udpChannel = channel
        let core = loopBound
        channel.closeFuture.whenComplete { _ in core.value.udpClosed(channel, port: port) }
    }

    /// NIO closes a datagram socket on a send error it does not count as recoverable: EACCES (a broadcast address),
    /// EPERM (a firewall), ENETUNREACH. Every call of every tenant shares this socket, so it is opened again at once
    /// on the same port, where Via, Contact and registrations point; the send that failed fails its transaction.
    private func udpClosed(_ channel: any Channel, port: Int) {
        guard !isClosed, udpChannel === channel else { return }
        udpChannel = nil
        logger.error("the SIP UDP socket on port \(port) was closed by a send error; opening it again")
        reopenUDP(port: port)
    }

    private func reopenUDP(port: Int) {
        let core = loopBound
        bindUDP(port: port).whenFailure { error in
            guard !core.value.isClosed else { return }
            core.value.logger.error("could not open the SIP UDP socket on port \(port) again (\(error)); retrying")
            core.value.eventLoop.scheduleTask(in: .seconds(1)) { core.value.reopenUDP(port: port) }
        }
    }

    var udpLocalAddress: SocketAddress? { udpChannel?.localAddress }

    private func tcpConnection(to address: SocketAddressKey) -> EventLoopFuture<any Channel> {
        if let existing = tcpConnections[address] { return existing }
        let core = loopBound
        let future = ClientBootstrap(group: eventLoop)
            .connectTimeout(.seconds(5))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SIPStreamDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SIPStreamHandler(core: core))
                }
            }
            .connect(to: address.address)
        tcpConnections[address] = future
        future.whenFailure { _ in core.value.tcpConnections[address] = nil }
        return future
    }

    /// The local address of the TCP connection to the peer, once connected (for Via and Contact).
    func tcpLocalAddress(to address: SocketAddressKey) -> EventLoopFuture<SocketAddress> {
        tcpConnection(to: address).flatMapThrowing { channel in
            guard let local = channel.localAddress else { throw ChannelError.ioOnClosedChannel }
            return local
        }
    }

    func connectionClosed(_ destination: SIPDestination) {
        tcpConnections[destination.address] = nil
    }

    /// Sends a message; a failure to send a client transaction's own request is that transaction's transport error
    /// (RFC 3261 §17.1.4).
    private func send(_ message: SIPMessage, to destination: SIPDestination, for client: TransactionKey? = nil) {
        let core = loopBound
        switch destination.transport {
        case .udp:
            guard let channel = udpChannel else {
                if let client { clientTransportFailed(client) }
                return
            }
            var buffer = channel.allocator.buffer(capacity: message.serializedCapacity)
            buffer.writeSIPMessage(message)
            let envelope = AddressedEnvelope(remoteAddress: destination.address.address, data: buffer)
            flushUDPAfterThisTick()
            // Only a transaction's own sends need to hear of a failure; an ACK or a response goes without a promise.
            guard let client else {
                channel.write(envelope, promise: nil)
                return
            }
            let promise = eventLoop.makePromise(of: Void.self)
            promise.futureResult.whenFailure { error in
                core.value.logger.debug("UDP send to \(destination.address) failed: \(error)")
                core.value.clientTransportFailed(client)
            }
            channel.write(envelope, promise: promise)
        case .tcp:
            tcpConnection(to: destination.address).whenComplete { result in
                switch result {
                case .success(let channel):
                    var buffer = channel.allocator.buffer(capacity: message.serializedCapacity)
                    buffer.writeSIPMessage(message)
                    channel.writeAndFlush(buffer).whenFailure { _ in
                        if let client { core.value.clientTransportFailed(client) }
                    }
                case .failure(let error):
                    core.value.logger.debug("TCP connect to \(destination.address) failed: \(error)")
                    if let client { core.value.clientTransportFailed(client) }
                }
            }
        }
    }

    /// UDP writes go out together once the event loop has handled everything that was ready: one `sendmmsg`, and
    /// one wake-up of a peer that sleeps between bursts, instead of one for every datagram. A send error that makes
    /// NIO close the socket fails the others of that burst too; `SIPRouteCheck` keeps such peers out beforehand.
    private func flushUDPAfterThisTick() {
        guard !udpFlushPending else { return }
        udpFlushPending = true
        let core = loopBound
        eventLoop.execute {
            core.value.udpFlushPending = false
            core.value.udpChannel?.flush()
        }
    }

    func close() -> EventLoopFuture<Void> {
        isClosed = true
        timers.removeAll()
        for entry in clients.values { entry.isRemoved = true }
        for entry in servers.values { entry.isRemoved = true }
        wakeUp?.task.cancel()
        wakeUp = nil
        clients = [:]
        servers = [:]
        calls = [:]
        var closing: [EventLoopFuture<Void>] = []
        if let udpChannel { closing.append(udpChannel.close().recover { _ in }) }
        for (_, connection) in tcpConnections {
            closing.append(connection.flatMap { $0.close() }.recover { _ in })
        }
        tcpConnections = [:]
        udpChannel = nil
        return EventLoopFuture.andAllComplete(closing, on: eventLoop)
    }

    // MARK: Receiving

    func received(_ result: Result<SIPMessage, SIPRejectedMessage>, from source: SIPDestination) {
        switch result {
        case .success(.response(let response)): receive(response)
        case .success(.request(let request)): receive(request, from: source)
        case .failure(let rejection):
            if let request = rejection.request {
                var response = request.makeResponse(
                    rejection.error.code == .unsupportedVersion ? 505 : rejection.error.code == .tooLarge ? 513 : 400)
                // RFC 3261 §20.43: 399 is the miscellaneous warning, with the reason in text.
                response.headers.add(.warning, "399 tsunagu \(SIPSyntax.quoted(rejection.error.detail))")
                send(.response(response), to: source)
            }
            logDrop("\(rejection.error)", from: source.address.description)
        }
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

    private func receive(_ response: SIPResponse) {
        guard let branch = response.headers.topViaBranchKey, let method = response.headers.cseq?.method else {
            logDrop("response without a Via branch or CSeq", from: nil)
            return
        }
        let key = TransactionKey(branch: branch, method: method)
        guard let actions = clients[key]?.receive(response) else {
            // A 2xx retransmitted after the INVITE transaction ended is for the call (RFC 6026 §7.1).
            if method == .invite, response.isSuccess, let callID = response.headers.callID, calls[callID] != nil {
                callActions(callID) { $0.receive(response) }
            }
            return
        }
        apply(actions, client: key)
    }

    private func receive(_ request: SIPRequest, from source: SIPDestination) {
        guard let branch = request.headers.topViaBranchKey else { return }
        let key = TransactionKey(branch: branch, method: request.method == .ack ? .invite : request.method)
        if let actions = servers[key]?.machine.receive(request) {
            apply(actions, server: key)
            return
        }
        switch request.method {
        case .ack:
            // An ACK for a 2xx we never sent, or for a transaction long gone: nothing to do (RFC 3261 §17.2.3).
            return
        case .invite:
            // Tsunagu only calls out (the manual's 架電専用): an incoming INVITE is declined.
            var machine = ServerInviteTransaction(
                request: request, reliableTransport: source.transport.isReliable, timers: configuration.timers)
            let trying = machine.start()
            servers[key] = ServerEntry(machine: machine, destination: source)
            apply(trying, server: key)
            var decline = request.makeResponse(603, toTag: SIPIdentifiers.randomHex(16))
            decline.headers.add(.warning, "399 tsunagu \"outbound calls only\"")
            respond(decline, server: key)
        default:
            let machine = ServerNonInviteTransaction(
                reliableTransport: source.transport.isReliable, timers: configuration.timers)
            servers[key] = ServerEntry(machine: machine, destination: source)
            if let callID = request.headers.callID, calls[callID] != nil {
                callActions(callID, serverKey: key) { $0.receive(request) }
            } else if request.method == .options {
                var ok = request.makeResponse(200, toTag: SIPIdentifiers.randomHex(16))
                ok.headers.add(.allow, "INVITE, ACK, CANCEL, BYE, OPTIONS")
                respond(ok, server: key)
            } else if request.method == .cancel || request.method == .bye {
                respond(request.makeResponse(481), server: key)
            } else {
                respond(request.makeResponse(501), server: key)
            }
        }
    }

    private func respond(_ response: SIPResponse, server key: TransactionKey) {
        guard let actions = servers[key]?.machine.send(response) else { return }
        apply(actions, server: key)
    }

    // MARK: Transactions

    /// Starts a client transaction for a request, owned by a call or by a promise for its final response.
    private func startClient(
        _ request: SIPRequest, to destination: SIPDestination, user: TransactionUser
    ) {
        guard let branch = request.headers.topViaBranchKey else { return }
        let key = TransactionKey(branch: branch, method: request.method)
        let entry = ClientEntry(request: request, user: user, destination: destination, timers: configuration.timers)
        clients[key] = entry
        apply(entry.start(), client: key)
    }

    /// - Parameter timeout: give up waiting sooner than Timer F; the transaction itself runs on to its end.
    func request(_ request: SIPRequest, to destination: SIPDestination, timeout: Duration? = nil)
        -> EventLoopFuture<SIPResponse>
    {
        let promise = eventLoop.makePromise(of: SIPResponse.self)
        startClient(request, to: destination, user: .completion(promise))
        if let timeout {
            let method = request.method
            let scheduled = eventLoop.scheduleTask(in: TimeAmount(timeout)) {
                promise.fail(SIPUserAgentError(code: .timedOut, detail: "\(method) to \(destination.address)"))
            }
            promise.futureResult.whenComplete { _ in scheduled.cancel() }
        }
        return promise.futureResult
    }

    private func apply(_ actions: [SIPTransactionAction], client key: TransactionKey) {
        guard let entry = clients[key] else { return }
        for action in actions {
            // An action before this one may have ended the transaction (a send failing at once re-enters).
            guard !entry.isRemoved else { return }
            switch action {
            case .send(let message):
                send(message, to: entry.destination, for: key)
            case .startTimer(let timer, let delay):
                let id = arm(.client(key, timer), in: delay)
                disarm(entry.timers.set(timer, id))
            case .cancelTimer(let timer):
                disarm(entry.timers.remove(timer))
            case .deliverResponse(let response):
                switch entry.user {
                case .call(let callID): callActions(callID) { $0.receive(response) }
                case .completion(let promise): if !response.isProvisional { promise.succeed(response) }
                }
            case .timedOut, .transportFailed:
                let timedOut = action == .timedOut
                switch entry.user {
                case .call(let callID):
                    callActions(callID) { $0.transactionFailed(method: key.method, timedOut: timedOut) }
                case .completion(let promise):
                    promise.fail(
                        SIPUserAgentError(
                            code: timedOut ? .timedOut : .transportFailed,
                            detail: "\(key.method) to \(entry.destination.address)"))
                }
            case .terminated:
                clients.removeValue(forKey: key)
                entry.isRemoved = true
                entry.timers.ids.forEach(disarm)
                if case .completion(let promise) = entry.user {
                    // Already completed by a final response or a failure; this only guards against a leak.
                    promise.fail(SIPUserAgentError(code: .timedOut, detail: "transaction ended"))
                }
            case .deliverRequest:
                break
            }
        }
    }

    private func clientTimerFired(_ timer: SIPTimer, _ key: TransactionKey) {
        guard let actions = clients[key]?.timerFired(timer) else { return }
        apply(actions, client: key)
    }

    private func clientTransportFailed(_ key: TransactionKey) {
        guard let actions = clients[key]?.transportFailed() else { return }
        apply(actions, client: key)
    }

    private func apply(_ actions: [SIPTransactionAction], server key: TransactionKey) {
        guard let entry = servers[key] else { return }
        for action in actions {
            guard !entry.isRemoved else { return }
            switch action {
            case .send(let message): send(message, to: entry.destination)
            case .startTimer(let timer, let delay):
                let id = arm(.server(key, timer), in: delay)
                disarm(entry.timers.set(timer, id))
            case .cancelTimer(let timer):
                disarm(entry.timers.remove(timer))
            case .terminated:
                servers.removeValue(forKey: key)
                entry.isRemoved = true
                entry.timers.ids.forEach(disarm)
            case .deliverRequest, .deliverResponse, .timedOut, .transportFailed:
                break
            }
        }
    }

    private func serverTimerFired(_ timer: SIPTimer, _ key: TransactionKey) {
        guard let actions = servers[key]?.timerFired(timer) else { return }
        apply(actions, server: key)
    }

    // MARK: Timers

    private func arm(_ owner: TimerOwner, in delay: Duration) -> TimerID {
        let id = timers.schedule(owner, at: (eventLoop.now + TimeAmount(delay)).uptimeNanoseconds)
        scheduleWakeUp()
        return id
    }

    /// Forgets a timer; the event loop's wake-up stays as it is and finds nothing due if this was the earliest.
    private func disarm(_ id: TimerID?) {
        if let id { timers.cancel(id) }
    }

    private func scheduleWakeUp() {
        guard let next = timers.nextDeadline() else { return }
        if let wakeUp, wakeUp.deadline.uptimeNanoseconds <= next { return }
        wakeUp?.task.cancel()
        let deadline = NIODeadline.uptimeNanoseconds(next)
        let core = loopBound
        wakeUp = (deadline, eventLoop.scheduleTask(deadline: deadline) { core.value.timersDue() })
    }

    private func timersDue() {
        wakeUp = nil
        let now = eventLoop.now.uptimeNanoseconds
        while let owner = timers.popDue(at: now) {
            switch owner {
            case .client(let key, let timer): clientTimerFired(timer, key)
            case .server(let key, let timer): serverTimerFired(timer, key)
            case .ring(let callID): callActions(callID) { $0.ringTimerFired() }
            }
        }
        scheduleWakeUp()
    }

    // MARK: Calls

    func placeCall(
        _ call: OutboundCall, to destination: SIPDestination, report: @escaping @Sendable (OutboundCallProgress) -> Void
    ) {
        place(CallEntry(call: call, destination: destination, report: report))
    }

    private func place(_ entry: CallEntry) {
        calls[entry.call.callID] = entry
        callActions(entry) { $0.start() }
    }

    /// A call operation asked for on the loop itself (`SIPUserAgent.SyncOperations`).
    enum Operation {
        case place(OutboundCall, SIPDestination, @Sendable (OutboundCallProgress) -> Void)
        case hangUp(String)
    }

    /// An operation waiting for a call event to be carried out; a call to place is already in its entry, so that
    /// queueing it moves one reference, not the whole call.
    private enum PendingOperation {
        case place(CallEntry)
        case hangUp(String)
    }

    /// Runs the operation now, or, when asked from inside a call's report, once that call's event is carried out:
    /// the event's remaining actions (an ACK after `.answered`) must not be overtaken.
    func run(_ operation: Operation) {
        let pending: PendingOperation =
            switch operation {
            case .place(let call, let destination, let report):
                .place(CallEntry(call: call, destination: destination, report: report))
            case .hangUp(let callID): .hangUp(callID)
            }
        if callEventDepth > 0 {
            pendingOperations.append(pending)
        } else {
            run(pending)
        }
    }

    private func run(_ operation: PendingOperation) {
        switch operation {
        case .place(let entry): place(entry)
        case .hangUp(let callID): hangUp(callID)
        }
    }

    func hangUp(_ callID: String) {
        callActions(callID) { $0.hangUp() }
    }

    func sendTone(_ tone: DTMFRelayTone, callID: String) {
        callActions(callID) { $0.sendTone(tone) }
    }

    private func callActions(
        _ callID: String, serverKey: TransactionKey? = nil, _ event: (inout OutboundCall) -> [OutboundCallAction]
    ) {
        guard let entry = calls[callID] else { return }
        callActions(entry, serverKey: serverKey, event)
    }

    /// Runs one event of a call and carries out what it asks.
    private func callActions(
        _ entry: CallEntry, serverKey: TransactionKey? = nil, _ event: (inout OutboundCall) -> [OutboundCallAction]
    ) {
        let callID = entry.call.callID
        let actions = event(&entry.call)
        callEventDepth += 1
        defer {
            callEventDepth -= 1
            if callEventDepth == 0, !drainingOperations, !pendingOperations.isEmpty { runPendingOperations() }
        }
        for action in actions {
            switch action {
            case .startInvite(let request), .startRequest(let request):
                startClient(request, to: entry.destination, user: .call(callID))
            case .sendAck(let ack):
                send(.request(ack), to: entry.destination)
            case .respond(let response):
                if let serverKey { respond(response, server: serverKey) }
            case .startRingTimer(let delay):
                let id = arm(.ring(callID: callID), in: delay)
                disarm(entry.ringTimer)
                entry.ringTimer = id
            case .cancelRingTimer:
                disarm(entry.ringTimer)
                entry.ringTimer = nil
            case .report(let progress):
                entry.report(progress)
            case .finished:
                calls.removeValue(forKey: callID)
                disarm(entry.ringTimer)
                entry.ringTimer = nil
            }
        }
    }

    private func runPendingOperations() {
        drainingOperations = true
        defer { drainingOperations = false }
        var index = 0
        // An operation run here may report again and queue more; they run in the order asked.
        while index < pendingOperations.count {
            let operation = pendingOperations[index]
            index += 1
            run(operation)
        }
        pendingOperations.removeAll(keepingCapacity: true)
    }
}
