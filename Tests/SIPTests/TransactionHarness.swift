@testable import SIP

/// Drives a transaction on virtual time: it arms the timers the transaction asks for and, when time is moved on,
/// fires them in deadline order, recording what the transaction sent and told its user, with the time.
struct TransactionHarness<Machine> {
    var machine: Machine
    private let fire: (inout Machine, SIPTimer) -> [SIPTransactionAction]
    private(set) var now: Duration = .zero
    private var deadlines: [SIPTimer: Duration] = [:]
    private(set) var sent: [(at: Duration, message: SIPMessage)] = []
    private(set) var delivered: [SIPResponse] = []
    private(set) var events: [SIPTransactionAction] = []
    private(set) var terminatedAt: Duration?

    init(_ machine: Machine, fire: @escaping (inout Machine, SIPTimer) -> [SIPTransactionAction]) {
        self.machine = machine
        self.fire = fire
    }

    mutating func apply(_ actions: [SIPTransactionAction]) {
        for action in actions {
            switch action {
            case .send(let message): sent.append((now, message))
            case .startTimer(let timer, let after): deadlines[timer] = now + after
            case .cancelTimer(let timer): deadlines[timer] = nil
            case .deliverResponse(let response): delivered.append(response)
            case .terminated:
                terminatedAt = now
                events.append(action)
            case .deliverRequest, .timedOut, .transportFailed: events.append(action)
            }
        }
    }

    mutating func advance(by duration: Duration) {
        let end = now + duration
        while let (timer, deadline) = deadlines.min(by: { $0.value < $1.value }), deadline <= end {
            now = deadline
            deadlines[timer] = nil
            apply(fire(&machine, timer))
        }
        now = end
    }

    var sendTimes: [Duration] { sent.map(\.at) }
    func isArmed(_ timer: SIPTimer) -> Bool { deadlines[timer] != nil }
}
