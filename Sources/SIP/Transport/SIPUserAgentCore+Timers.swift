import NIOCore

/// Transaction and ring timers: all in one `SIPTimerQueue`, and one event loop task for the earliest deadline.
extension SIPUserAgentCore {
    func arm(_ owner: SIPTimerOwner, in delay: Duration) -> SIPTimerID {
        let id = timers.schedule(owner, at: (eventLoop.now + TimeAmount(delay)).uptimeNanoseconds)
        scheduleWakeUp()
        return id
    }

    /// Forgets a timer; the event loop's wake-up stays as it is and finds nothing due if this was the earliest.
    func disarm(_ id: SIPTimerID?) {
        if let id { timers.cancel(id) }
    }

    private func scheduleWakeUp() {
        guard let next = timers.nextDeadline() else { return }
        if let wakeUp, wakeUp.deadline.uptimeNanoseconds <= next { return }
        wakeUp?.task.cancel()
        let deadline = NIODeadline.uptimeNanoseconds(next)
        let core = loopBound
        wakeUp = (deadline, eventLoop.scheduleTask(deadline: deadline) { core.value.timersDue() })
    }

    private func timersDue() {
        wakeUp = nil
        let now = eventLoop.now.uptimeNanoseconds
        while let owner = timers.popDue(at: now) {
            switch owner {
            case .client(let key, let timer): clientTimerFired(timer, key)
            case .server(let key, let timer): serverTimerFired(timer, key)
            case .ring(let callID): callActions(callID) { $0.ringTimerFired() }
            }
        }
        scheduleWakeUp()
    }

    /// Forgets every timer and the event loop's wake-up (when the agent closes).
    func cancelAllTimers() {
        timers.removeAll()
        wakeUp?.task.cancel()
        wakeUp = nil
    }
}
