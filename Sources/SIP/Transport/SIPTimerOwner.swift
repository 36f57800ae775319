/// What a timer in the user agent's `SIPTimerQueue` is for.
enum SIPTimerOwner {
    case client(SIPTransactionKey, SIPTimer)
    case server(SIPTransactionKey, SIPTimer)
    case ring(callID: String)
}

/// A timer armed in the user agent's queue.
typealias SIPTimerID = SIPTimerQueue<SIPTimerOwner>.ID
