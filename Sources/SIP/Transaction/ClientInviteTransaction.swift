/// RFC 3261 §17.1.1 with RFC 6026's Accepted state: the client side of an INVITE.
///
/// A 2xx goes to the transaction user, which sends the ACK itself (it belongs to the dialog); a final failure is
/// acknowledged here, on the INVITE's branch, and its retransmissions are acknowledged again while Timer D runs.
///
/// The INVITE is kept only while it may be sent again: Accepted and Completed last 32 s on UDP, and a busy trunk has
/// hundreds of thousands of transactions in them, each of which would otherwise hold its whole request.
public struct ClientInviteTransaction: Sendable {
    private enum State: Sendable {
        case idle(SIPRequest)
        case calling(SIPRequest, retransmitInterval: Duration)
        case proceeding(SIPRequest)
        case accepted
        case completed(ack: SIPRequest)
        case terminated
    }

    public let reliableTransport: Bool
    private let timers: SIPTimerConfiguration
    private var state: State

    public init(request: SIPRequest, reliableTransport: Bool, timers: SIPTimerConfiguration = SIPTimerConfiguration()) {
        precondition(request.method == .invite)
        self.reliableTransport = reliableTransport
        self.timers = timers
        state = .idle(request)
    }

    public var isTerminated: Bool {
        if case .terminated = state { return true }
        return false
    }

    /// Whether a provisional response has arrived, after which a CANCEL may be sent (RFC 3261 §9.1).
    public var hasProvisionalResponse: Bool {
        if case .proceeding = state { return true }
        return false
    }

    /// The INVITE, while the transaction may still send it (before a final response or a timeout).
    public var request: SIPRequest? {
        switch state {
        case .idle(let request), .calling(let request, _), .proceeding(let request): request
        case .accepted, .completed, .terminated: nil
        }
    }

    public mutating func start() -> [SIPTransactionAction] {
        guard case .idle(let request) = state else { return [] }
        state = .calling(request, retransmitInterval: timers.t1)
        // Each case one array literal: appending to a shorter one would allocate twice.
        if reliableTransport { return [.send(.request(request)), .startTimer(.b, after: timers.transactionTimeout)] }
        return [
            .send(.request(request)), .startTimer(.a, after: timers.t1),
            .startTimer(.b, after: timers.transactionTimeout),
        ]
    }

    public mutating func receive(_ response: SIPResponse) -> [SIPTransactionAction] {
        switch state {
        case .calling(let request, _), .proceeding(let request):
            if response.isProvisional {
                guard case .calling = state else { return [.deliverResponse(response)] }
                state = .proceeding(request)
                return [.cancelTimer(.a), .cancelTimer(.b), .deliverResponse(response)]
            }
            if response.isSuccess {
                state = .accepted
                return [
                    .cancelTimer(.a), .cancelTimer(.b), .deliverResponse(response),
                    .startTimer(.m, after: timers.transactionTimeout),
                ]
            }
            let ack = request.acknowledging(failure: response)
            state = .completed(ack: ack)
            return [
                .cancelTimer(.a), .cancelTimer(.b), .send(.request(ack)), .deliverResponse(response),
                .startTimer(.d, after: reliableTransport ? .zero : timers.timerD),
            ]
        case .accepted:
            // Retransmitted 2xx (or a 2xx from another fork) go to the TU, which ACKs them again.
            return response.isSuccess ? [.deliverResponse(response)] : []
        case .completed(let ack):
            return response.statusCode >= 300 ? [.send(.request(ack))] : []
        case .idle, .terminated:
            return []
        }
    }

    public mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
        switch (state, timer) {
        case (.calling(let request, let interval), .a):
            let next = interval * 2
            state = .calling(request, retransmitInterval: next)
            return [.send(.request(request)), .startTimer(.a, after: next)]
        case (.calling, .b):
            state = .terminated
            return [.cancelTimer(.a), .timedOut, .terminated]
        case (.completed, .d), (.accepted, .m):
            state = .terminated
            return [.terminated]
        default:
            return []
        }
    }

    public mutating func transportFailed() -> [SIPTransactionAction] {
        switch state {
        case .calling, .proceeding:
            state = .terminated
            return [.cancelTimer(.a), .cancelTimer(.b), .transportFailed, .terminated]
        case .completed, .accepted:
            // The ACK's or a retransmission's send failed: nothing more to tell the TU.
            state = .terminated
            return [.cancelTimer(.d), .cancelTimer(.m), .terminated]
        case .idle, .terminated:
            return []
        }
    }
}
