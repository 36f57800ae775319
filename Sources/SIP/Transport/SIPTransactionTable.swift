/// The user agent's open transactions, client and server, by `SIPTransactionKey` (RFC 3261 §17.1.3, §17.2.3).
/// Plain data: the core looks entries up here and carries out what their machines return.
struct SIPTransactionTable {
    var clients: [SIPTransactionKey: SIPClientTransactionEntry] = [:]
    var servers: [SIPTransactionKey: SIPServerTransactionEntry] = [:]

    var count: Int { clients.count + servers.count }

    /// Empties both tables; each entry is marked removed, so that actions still being applied to it stop.
    mutating func removeAll() {
        for entry in clients.values { entry.isRemoved = true }
        for entry in servers.values { entry.isRemoved = true }
        clients = [:]
        servers = [:]
    }
}
