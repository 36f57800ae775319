import NIOCore

/// A client transaction in the user agent's table: its machine, where its requests go, who hears of its outcome,
/// and its armed timers.
///
/// A class: the state is changed where it is stored, so a look-up costs one reference, not a copy of every field.
final class SIPClientTransactionEntry {
    /// Who started the transaction and hears its responses.
    enum User {
        /// A call, by Call-ID.
        case call(String)
        /// A request sent outside any call, waiting for its final response.
        case completion(EventLoopPromise<SIPResponse>)
    }

    /// The machine, held inline by kind: as an existential it was boxed, one more allocation per transaction.
    private enum Machine {
        case invite(ClientInviteTransaction)
        case nonInvite(ClientNonInviteTransaction)
    }

    private var machine: Machine
    let user: User
    let destination: SIPDestination
    var timers = SIPArmedTimers<SIPTimerID>()
    /// Set when the entry leaves the table, so that actions still being applied to it stop.
    var isRemoved = false

    init(request: SIPRequest, user: User, destination: SIPDestination, timers: SIPTimerConfiguration) {
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
