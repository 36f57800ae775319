/// RFC 3261 §17.1.1 with RFC 6026's Accepted state: the client side of an INVITE.
///
/// A 2xx goes to the transaction user, which sends the ACK itself (it belongs to the dialog); a final failure is
/// acknowledged here, on the INVITE's branch, and its retransmissions are acknowledged again while Timer D runs.
public struct ClientInviteTransaction: Sendable {
    private enum State: Sendable, Hashable {
        case idle
        case calling(retransmitInterval: Duration)
        case proceeding
        case accepted
        case completed(ack: SIPRequest)
        case terminated
    }

    public let request: SIPRequest
    public let reliableTransport: Bool
    private let timers: SIPTimerConfiguration
    private var state = State.idle

    public init(request: SIPRequest, reliableTransport: Bool, timers: SIPTimerConfiguration = SIPTimerConfiguration()) {
        precondition(request.method == .invite)
        self.request = request
        self.reliableTransport = reliableTransport
        self.timers = timers
    }

    public var isTerminated: Bool { state == .terminated }

    /// Whether a provisional response has arrived, after which a CANCEL may be sent (RFC 3261 §9.1).
    public var hasProvisionalResponse: Bool { state == .proceeding }

    public mutating func start() -> [SIPTransactionAction] {
        guard state == .idle else { return [] }
        state = .calling(retransmitInterval: timers.t1)
        // Each case one array literal: appending to a shorter one would allocate twice.
        if reliableTransport { return [.send(.request(request)), .startTimer(.b, after: timers.transactionTimeout)] }
        return [
            .send(.request(request)), .startTimer(.a, after: timers.t1),
            .startTimer(.b, after: timers.transactionTimeout),
        ]
    }

    public mutating func receive(_ response: SIPResponse) -> [SIPTransactionAction] {
        switch state {
        case .calling, .proceeding:
            if response.isProvisional {
                let wasCalling = state != .proceeding
                state = .proceeding
                guard wasCalling else { return [.deliverResponse(response)] }
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
        case (.calling(let interval), .a):
            let next = interval * 2
            state = .calling(retransmitInterval: next)
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
