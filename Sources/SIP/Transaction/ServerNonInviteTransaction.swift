/// RFC 3261 §17.2.2: the server side of a request other than INVITE and ACK (a BYE, OPTIONS or CANCEL to us).
///
/// It keeps only the last response, to send again when the request is retransmitted; not the request itself, as
/// Completed lasts 32 s on UDP (Timer J).
public struct ServerNonInviteTransaction: Sendable {
    private enum State: Sendable, Hashable {
        case trying
        case proceeding(last: SIPResponse)
        case completed(final: SIPResponse)
        case terminated
    }

    public let reliableTransport: Bool
    private let timers: SIPTimerConfiguration
    private var state = State.trying

    public init(reliableTransport: Bool, timers: SIPTimerConfiguration = SIPTimerConfiguration()) {
        self.reliableTransport = reliableTransport
        self.timers = timers
    }

    public var isTerminated: Bool { state == .terminated }

    public mutating func send(_ response: SIPResponse) -> [SIPTransactionAction] {
        switch state {
        case .trying, .proceeding:
            if response.isProvisional {
                state = .proceeding(last: response)
                return [.send(.response(response))]
            }
            state = .completed(final: response)
            return [
                .send(.response(response)),
                .startTimer(.j, after: reliableTransport ? .zero : timers.transactionTimeout),
            ]
        case .completed, .terminated:
            return []
        }
    }

    /// A retransmission of the request.
    public mutating func receive(_ request: SIPRequest) -> [SIPTransactionAction] {
        switch state {
        case .trying, .terminated: []
        case .proceeding(let last): [.send(.response(last))]
        case .completed(let final): [.send(.response(final))]
        }
    }

    public mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
        guard case .completed = state, timer == .j else { return [] }
        state = .terminated
        return [.terminated]
    }
}
