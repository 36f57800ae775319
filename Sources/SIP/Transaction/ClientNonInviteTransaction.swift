/// RFC 3261 §17.1.2: a client transaction for any request but INVITE and ACK (REGISTER, OPTIONS, BYE, CANCEL).
public struct ClientNonInviteTransaction: Sendable {
    private enum State: Sendable, Hashable {
        case idle
        case trying(retransmitInterval: Duration)
        case proceeding
        case completed
        case terminated
    }

    public let request: SIPRequest
    public let reliableTransport: Bool
    private let timers: SIPTimerConfiguration
    private var state = State.idle

    public init(request: SIPRequest, reliableTransport: Bool, timers: SIPTimerConfiguration = SIPTimerConfiguration()) {
        precondition(request.method != .invite && request.method != .ack, "INVITE and ACK have their own rules")
        self.request = request
        self.reliableTransport = reliableTransport
        self.timers = timers
    }

    public var isTerminated: Bool { state == .terminated }

    public mutating func start() -> [SIPTransactionAction] {
        guard state == .idle else { return [] }
        state = .trying(retransmitInterval: timers.t1)
        // Each case one array literal: appending to a shorter one would allocate twice.
        if reliableTransport { return [.send(.request(request)), .startTimer(.f, after: timers.transactionTimeout)] }
        return [
            .send(.request(request)), .startTimer(.e, after: timers.t1),
            .startTimer(.f, after: timers.transactionTimeout),
        ]
    }

    public mutating func receive(_ response: SIPResponse) -> [SIPTransactionAction] {
        switch state {
        case .trying, .proceeding:
            if response.isProvisional {
                state = .proceeding
                return [.deliverResponse(response)]
            }
            if reliableTransport {
                state = .terminated
                return [.cancelTimer(.e), .cancelTimer(.f), .deliverResponse(response), .terminated]
            }
            state = .completed
            return [.cancelTimer(.e), .cancelTimer(.f), .deliverResponse(response), .startTimer(.k, after: timers.t4)]
        case .idle, .completed, .terminated:
            // Retransmitted final responses are absorbed in Completed.
            return []
        }
    }

    public mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
        switch (state, timer) {
        case (.trying(let interval), .e):
            let next = min(interval * 2, timers.t2)
            state = .trying(retransmitInterval: next)
            return [.send(.request(request)), .startTimer(.e, after: next)]
        case (.proceeding, .e):
            return [.send(.request(request)), .startTimer(.e, after: timers.t2)]
        case (.trying, .f), (.proceeding, .f):
            state = .terminated
            return [.cancelTimer(.e), .timedOut, .terminated]
        case (.completed, .k):
            state = .terminated
            return [.terminated]
        default:
            return []
        }
    }

    public mutating func transportFailed() -> [SIPTransactionAction] {
        guard state != .terminated, state != .idle else { return [] }
        state = .terminated
        return [.cancelTimer(.e), .cancelTimer(.f), .cancelTimer(.k), .transportFailed, .terminated]
    }
}
