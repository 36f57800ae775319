/// The base timer values of RFC 3261 §17 (table 4). The defaults are the RFC's recommended values.
public struct SIPTimerConfiguration: Sendable, Hashable {
    /// RTT estimate; the first retransmission interval (Timers A, E, G).
    public var t1: Duration
    /// The longest retransmission interval for non-INVITE requests and INVITE responses.
    public var t2: Duration
    /// The longest a message stays in the network.
    public var t4: Duration
    /// How long a client INVITE transaction absorbs response retransmissions after a failure (Timer D ≥ 32 s on
    /// unreliable transports).
    public var timerD: Duration

    public init(
        t1: Duration = .milliseconds(500), t2: Duration = .seconds(4), t4: Duration = .seconds(5),
        timerD: Duration = .seconds(32)
    ) {
        precondition(t1 > .zero, "RFC 3261 §17.1.1.1: T1 is a positive round-trip estimate")
        precondition(t2 >= t1, "RFC 3261 §17.1.2.2: T2 caps retransmissions and is at least T1")
        self.t1 = t1
        self.t2 = t2
        self.t4 = t4
        self.timerD = timerD
    }

    /// 64·T1: Timers B, F, H, J, L, M.
    public var transactionTimeout: Duration { t1 * 64 }
}

/// The timers of RFC 3261 §17 and RFC 6026 (L, M), by letter.
public enum SIPTimer: String, Sendable, Hashable, CaseIterable {
    case a = "A", b = "B", d = "D", e = "E", f = "F", g = "G", h = "H", i = "I", j = "J", k = "K", l = "L", m = "M"
}

/// What a transaction asks its driver to do. The driver owns the transport and the clock; a transaction only says
/// what to send and which timer to arm for how long.
public enum SIPTransactionAction: Sendable, Hashable {
    case send(SIPMessage)
    case startTimer(SIPTimer, after: Duration)
    case cancelTimer(SIPTimer)
    /// A response for the transaction user (client transactions).
    case deliverResponse(SIPResponse)
    /// A request for the transaction user: an ACK to a 2xx absorbed by a server INVITE transaction (RFC 6026).
    case deliverRequest(SIPRequest)
    /// Timer B, F or H fired: the transaction user treats it as a 408 (RFC 3261 §8.1.3.1).
    case timedOut
    /// The transport could not send: treated as a 503 (RFC 3261 §8.1.3.1).
    case transportFailed
    /// The transaction is over and can be forgotten.
    case terminated
}
