/// RFC 3261 §17.1.2: a client transaction for any request but INVITE and ACK (REGISTER, OPTIONS, BYE, CANCEL).
///
/// The request is kept only while it may be sent again; Completed (Timer K) needs nothing of it.
public struct ClientNonInviteTransaction: Sendable {
    private enum State: Sendable {
        case idle(SIPRequest)
        case trying(SIPRequest, retransmitInterval: Duration)
        case proceeding(SIPRequest)
        case completed
        case terminated
    }

    public let reliableTransport: Bool
    private let timers: SIPTimerConfiguration
    private var state: State

    public init(request: SIPRequest, reliableTransport: Bool, timers: SIPTimerConfiguration = SIPTimerConfiguration()) {
        precondition(request.method != .invite && request.method != .ack, "INVITE and ACK have their own rules")
        self.reliableTransport = reliableTransport
        self.timers = timers
        state = .idle(request)
    }

    public var isTerminated: Bool {
        if case .terminated = state { return true }
        return false
    }

    /// The request, while the transaction may still send it (before a final response or a timeout).
    public var request: SIPRequest? {
        switch state {
        case .idle(let request), .trying(let request, _), .proceeding(let request): request
        case .completed, .terminated: nil
        }
    }

    public mutating func start() -> [SIPTransactionAction] {
        guard case .idle(let request) = state else { return [] }
        state = .trying(request, retransmitInterval: timers.t1)
        // Each case one array literal: appending to a shorter one would allocate twice.
        if reliableTransport { return [.send(.request(request)), .startTimer(.f, after: timers.transactionTimeout)] }
        return [
            .send(.request(request)), .startTimer(.e, after: timers.t1),
            .startTimer(.f, after: timers.transactionTimeout),
        ]
    }

    public mutating func receive(_ response: SIPResponse) -> [SIPTransactionAction] {
        switch state {
        case .trying(let request, _), .proceeding(let request):
            if response.isProvisional {
                state = .proceeding(request)
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
        case (.trying(let request, let interval), .e):
            let next = min(interval * 2, timers.t2)
            state = .trying(request, retransmitInterval: next)
            return [.send(.request(request)), .startTimer(.e, after: next)]
        case (.proceeding(let request), .e):
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
        switch state {
        case .idle, .terminated: return []
        case .trying, .proceeding, .completed:
            state = .terminated
            return [.cancelTimer(.e), .cancelTimer(.f), .cancelTimer(.k), .transportFailed, .terminated]
        }
    }
}
