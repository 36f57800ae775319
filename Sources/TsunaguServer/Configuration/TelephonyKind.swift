/// Which telephony the server uses (`TELEPHONY`).
enum TelephonyKind: String, Sendable, CaseIterable {
    /// The simulated carrier: calls ring, answer and end by chance, with no audio (demos and tests).
    case simulated
    /// Real calls: one SIP user agent for the server, each tenant's trunk set on 設定.
    case sip
}
