/// The calls' operations and events: each event of an `OutboundCall` is run and what it asks is carried out, new
/// transactions, ACKs, responses through the request's server transaction, the ring timer and reports.
extension SIPUserAgentCore {
    /// A call operation asked for on the loop itself (`SIPUserAgent.SyncOperations`).
    enum Operation {
        case place(OutboundCall, SIPDestination, @Sendable (OutboundCallProgress) -> Void)
        case hangUp(String)
    }

    func placeCall(
        _ call: OutboundCall, to destination: SIPDestination, report: @escaping @Sendable (OutboundCallProgress) -> Void
    ) {
        place(SIPCallEntry(call: call, destination: destination, report: report))
    }

    private func place(_ entry: SIPCallEntry) {
        calls.insert(entry)
        callActions(entry) { $0.start() }
    }

    /// Runs the operation now, or, when asked from inside a call's report, once that call's event is carried out:
    /// the event's remaining actions (an ACK after `.answered`) must not be overtaken.
    func run(_ operation: Operation) {
        let pending: SIPCallTable.PendingOperation =
            switch operation {
            case .place(let call, let destination, let report):
                .place(SIPCallEntry(call: call, destination: destination, report: report))
            case .hangUp(let callID): .hangUp(callID)
            }
        if calls.eventDepth > 0 {
            calls.pendingOperations.append(pending)
        } else {
            run(pending)
        }
    }

    private func run(_ operation: SIPCallTable.PendingOperation) {
        switch operation {
        case .place(let entry): place(entry)
        case .hangUp(let callID): hangUp(callID)
        }
    }

    func hangUp(_ callID: String) {
        callActions(callID) { $0.hangUp() }
    }

    func sendTone(_ tone: DTMFRelayTone, callID: String) {
        callActions(callID) { $0.sendTone(tone) }
    }

    func callActions(
        _ callID: String, serverKey: SIPTransactionKey? = nil, _ event: (inout OutboundCall) -> [OutboundCallAction]
    ) {
        guard let entry = calls[callID] else { return }
        callActions(entry, serverKey: serverKey, event)
    }

    /// Runs one event of a call and carries out what it asks.
    private func callActions(
        _ entry: SIPCallEntry, serverKey: SIPTransactionKey? = nil,
        _ event: (inout OutboundCall) -> [OutboundCallAction]
    ) {
        let callID = entry.call.callID
        let actions = event(&entry.call)
        calls.eventDepth += 1
        defer {
            calls.eventDepth -= 1
            if calls.eventDepth == 0, !calls.drainingOperations, !calls.pendingOperations.isEmpty {
                runPendingOperations()
            }
        }
        for action in actions {
            switch action {
            case .startInvite(let request), .startRequest(let request):
                startClient(request, to: entry.destination, user: .call(callID))
            case .sendAck(let ack):
                send(.request(ack), to: entry.destination)
            case .respond(let response):
                if let serverKey { respond(response, server: serverKey) }
            case .startRingTimer(let delay):
                let id = arm(.ring(callID: callID), in: delay)
                disarm(entry.ringTimer)
                entry.ringTimer = id
            case .cancelRingTimer:
                disarm(entry.ringTimer)
                entry.ringTimer = nil
            case .report(let progress):
                entry.report(progress)
            case .finished:
                calls.remove(callID)
                disarm(entry.ringTimer)
                entry.ringTimer = nil
            }
        }
    }

    private func runPendingOperations() {
        calls.drainingOperations = true
        defer { calls.drainingOperations = false }
        var index = 0
        // An operation run here may report again and queue more; they run in the order asked.
        while index < calls.pendingOperations.count {
            let operation = calls.pendingOperations[index]
            index += 1
            run(operation)
        }
        calls.pendingOperations.removeAll(keepingCapacity: true)
    }
}
