/// What the user agent asks of any server transaction, INVITE or not. (Client transactions, one per call placed or
/// request sent, are held inline by kind instead: an existential would box each one.)
protocol ServerTransactionMachine: Sendable {
    mutating func receive(_ request: SIPRequest) -> [SIPTransactionAction]
    mutating func send(_ response: SIPResponse) -> [SIPTransactionAction]
    mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction]
}

extension ServerInviteTransaction: ServerTransactionMachine {}
extension ServerNonInviteTransaction: ServerTransactionMachine {}
