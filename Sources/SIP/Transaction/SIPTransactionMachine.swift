/// What the user agent asks of any client transaction, INVITE or not.
protocol ClientTransactionMachine: Sendable {
    mutating func start() -> [SIPTransactionAction]
    mutating func receive(_ response: SIPResponse) -> [SIPTransactionAction]
    mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction]
    mutating func transportFailed() -> [SIPTransactionAction]
}

/// What the user agent asks of any server transaction, INVITE or not.
protocol ServerTransactionMachine: Sendable {
    mutating func receive(_ request: SIPRequest) -> [SIPTransactionAction]
    mutating func send(_ response: SIPResponse) -> [SIPTransactionAction]
    mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction]
}

extension ClientInviteTransaction: ClientTransactionMachine {}
extension ClientNonInviteTransaction: ClientTransactionMachine {}
extension ServerInviteTransaction: ServerTransactionMachine {}
extension ServerNonInviteTransaction: ServerTransactionMachine {}
