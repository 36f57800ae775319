/// RFC 3261 §17.2.1 with RFC 6026's Accepted state: the server side of an INVITE that reached us.
public struct ServerInviteTransaction: Sendable {
    private enum State: Sendable, Hashable {
        case proceeding(lastProvisional: SIPResponse?)
        case accepted
        case completed(final: SIPResponse, retransmitInterval: Duration)
        case confirmed
        case terminated
    }

    public let request: SIPRequest
    public let reliableTransport: Bool
    private let timers: SIPTimerConfiguration
    private var state = State.proceeding(lastProvisional: nil)

    public init(request: SIPRequest, reliableTransport: Bool, timers: SIPTimerConfiguration = SIPTimerConfiguration()) {
        precondition(request.method == .invite)
        self.request = request
        self.reliableTransport = reliableTransport
        self.timers = timers
    }

    public var isTerminated: Bool { state == .terminated }

    /// Sends 100 Trying at once, so the client stops retransmitting (RFC 3261 §17.2.1 allows skipping it only when
    /// the TU answers within 200 ms).
    public mutating func start() -> [SIPTransactionAction] {
        let trying = request.makeResponse(100)
        state = .proceeding(lastProvisional: trying)
        return [.send(.response(trying))]
    }

    /// The transaction user's response.
    public mutating func send(_ response: SIPResponse) -> [SIPTransactionAction] {
        guard case .proceeding = state else { return [] }
        if response.isProvisional {
            state = .proceeding(lastProvisional: response)
            return [.send(.response(response))]
        }
        if response.isSuccess {
            state = .accepted
            return [.send(.response(response)), .startTimer(.l, after: timers.transactionTimeout)]
        }
        state = .completed(final: response, retransmitInterval: timers.t1)
        var actions: [SIPTransactionAction] = [.send(.response(response))]
        if !reliableTransport { actions.append(.startTimer(.g, after: timers.t1)) }
        actions.append(.startTimer(.h, after: timers.transactionTimeout))
        return actions
    }

    /// A request with this transaction's branch: a retransmitted INVITE or the ACK.
    public mutating func receive(_ request: SIPRequest) -> [SIPTransactionAction] {
        switch (state, request.method) {
        case (.proceeding(let provisional?), .invite):
            return [.send(.response(provisional))]
        case (.completed(let final, _), .invite):
            return [.send(.response(final))]
        case (.completed, .ack):
            state = .confirmed
            return [.cancelTimer(.g), .cancelTimer(.h), .startTimer(.i, after: reliableTransport ? .zero : timers.t4)]
        case (.accepted, .ack):
            return [.deliverRequest(request)]
        default:
            return []
        }
    }

    public mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
        switch (state, timer) {
        case (.completed(let final, let interval), .g):
            let next = min(interval * 2, timers.t2)
            state = .completed(final: final, retransmitInterval: next)
            return [.send(.response(final)), .startTimer(.g, after: next)]
        case (.completed, .h):
            state = .terminated
            return [.cancelTimer(.g), .timedOut, .terminated]
        case (.confirmed, .i), (.accepted, .l):
            state = .terminated
            return [.terminated]
        default:
            return []
        }
    }
}
