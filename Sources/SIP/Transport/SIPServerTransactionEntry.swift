/// A server transaction in the user agent's table: its machine, where its responses go, and its armed timers.
///
/// A class, like `SIPClientTransactionEntry`: the state is changed where it is stored.
final class SIPServerTransactionEntry {
    var machine: any ServerTransactionMachine
    let destination: SIPDestination
    var timers = SIPArmedTimers<SIPTimerID>()
    /// Set when the entry leaves the table, so that actions still being applied to it stop.
    var isRemoved = false

    init(machine: any ServerTransactionMachine, destination: SIPDestination) {
        self.machine = machine
        self.destination = destination
    }

    func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction] {
        _ = timers.remove(timer)
        return machine.timerFired(timer)
    }
}
