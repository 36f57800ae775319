/// One ng request over UDP, without I/O: sent, re-sent with the same cookie when no reply comes (rtpengine answers
/// a repeated cookie from its cache, so a command never runs twice), and given up after the last attempt. The
/// owner performs the actions and reports replies and timer expiries.
public struct NGRequestMachine: Sendable {
    public struct Policy: Sendable, Equatable {
        /// Wait before the first re-send; each later wait doubles.
        public var firstInterval: Duration
        /// Sends in all, the first included.
        public var attempts: Int

        public init(firstInterval: Duration = .milliseconds(250), attempts: Int = 4) {
            self.firstInterval = firstInterval
            self.attempts = max(1, attempts)
        }

        /// How long a request may take before it fails.
        public var totalWait: Duration {
            var total = Duration.zero
            var interval = firstInterval
            for _ in 0..<attempts {
                total += interval
                interval *= 2
            }
            return total
        }
    }

    public enum Action: Sendable, Equatable {
        case send([UInt8])
        case startTimer(Duration)
        case cancelTimer
        case succeed(NGReply)
        case fail(NGClientError)
    }

    private enum State: Sendable {
        case idle
        case waiting(attempt: Int, interval: Duration)
        case finished
    }

    public let message: NGMessage
    public let policy: Policy
    private let datagram: [UInt8]
    private var state = State.idle

    public init(message: NGMessage, policy: Policy = Policy()) {
        self.message = message
        self.policy = policy
        self.datagram = message.serialized()
    }

    public var isFinished: Bool {
        if case .finished = state { return true }
        return false
    }

    public mutating func start() -> [Action] {
        guard case .idle = state else { return [] }
        state = .waiting(attempt: 1, interval: policy.firstInterval)
        return [.send(datagram), .startTimer(policy.firstInterval)]
    }

    public mutating func timerFired() -> [Action] {
        guard case .waiting(let attempt, let interval) = state else { return [] }
        guard attempt < policy.attempts else {
            state = .finished
            return [.fail(NGClientError(.timeout, command: command, detail: "no reply after \(attempt) attempts"))]
        }
        state = .waiting(attempt: attempt + 1, interval: interval * 2)
        return [.send(datagram), .startTimer(interval * 2)]
    }

    /// A reply carrying this request's cookie.
    public mutating func receive(_ reply: NGMessage) -> [Action] {
        guard case .waiting = state, reply.cookie == message.cookie else { return [] }
        state = .finished
        let answer = NGReply(body: reply.body)
        switch answer.result {
        case "error":
            return [
                .cancelTimer,
                .fail(NGClientError(.rejected, command: command, detail: answer.errorReason ?? "no reason given")),
            ]
        case .some:
            return [.cancelTimer, .succeed(answer)]
        case .none:
            return [
                .cancelTimer, .fail(NGClientError(.malformedReply, command: command, detail: "reply without a result")),
            ]
        }
    }

    public mutating func transportFailed(_ detail: String) -> [Action] {
        guard case .waiting = state else { return [] }
        state = .finished
        return [.cancelTimer, .fail(NGClientError(.unreachable, command: command, detail: detail))]
    }

    private var command: String { message.body["command"]?.text ?? "?" }
}
