/// The user agent's calls by Call-ID, the key every request and response of a dialog carries (RFC 3261 §12), and the
/// operations asked for while a call's event is being carried out. Plain data: the core runs the events.
///
/// Requests inside a dialog find their call here through the core's one entry for requests
/// (`SIPUserAgentCore.receive(_:from:)`), whoever started the dialog: a dialog the far end starts would be one more
/// kind of entry under the same key.
struct SIPCallTable {
    /// An operation waiting for a call event to be carried out; a call to place is already in its entry, so that
    /// queueing it moves one reference, not the whole call.
    enum PendingOperation {
        case place(SIPCallEntry)
        case hangUp(String)
    }

    private var entries: [String: SIPCallEntry] = [:]
    /// How many call events are being carried out (nested), and the operations asked for meanwhile.
    var eventDepth = 0
    var pendingOperations: [PendingOperation] = []
    var drainingOperations = false

    var count: Int { entries.count }

    subscript(_ callID: String) -> SIPCallEntry? {
        entries[callID]
    }

    mutating func insert(_ entry: SIPCallEntry) {
        entries[entry.call.callID] = entry
    }

    mutating func remove(_ callID: String) {
        entries.removeValue(forKey: callID)
    }

    mutating func removeAll() {
        entries = [:]
    }
}
