/// What the transports read, routed: a response to its client transaction (or, late, to its call), a request to
/// its server transaction, to its call, or answered here.
extension SIPUserAgentCore: SIPTransportReceiver {
    func received(_ result: Result<SIPMessage, SIPRejectedMessage>, from source: SIPDestination) {
        switch result {
        case .success(.response(let response)): receive(response)
        case .success(.request(let request)): receive(request, from: source)
        case .failure(let rejection):
            if let request = rejection.request {
                var response = request.makeResponse(
                    rejection.error.code == .unsupportedVersion ? 505 : rejection.error.code == .tooLarge ? 513 : 400)
                // RFC 3261 §20.43: 399 is the miscellaneous warning, with the reason in text.
                response.headers.add(.warning, "399 tsunagu \(SIPSyntax.quoted(rejection.error.detail))")
                send(.response(response), to: source)
            }
            logDrop("\(rejection.error)", from: source.address.description)
        }
    }

    private func receive(_ response: SIPResponse) {
        guard let branch = response.headers.topViaBranchKey, let method = response.headers.cseq?.method else {
            logDrop("response without a Via branch or CSeq", from: nil)
            return
        }
        let key = SIPTransactionKey(branch: branch, method: method)
        guard let actions = transactions.clients[key]?.receive(response) else {
            // A 2xx retransmitted after the INVITE transaction ended is for the call (RFC 6026 §7.1).
            if method == .invite, response.isSuccess, let callID = response.headers.callID, calls[callID] != nil {
                callActions(callID) { $0.receive(response) }
            }
            return
        }
        apply(actions, client: key)
    }

    /// Every request comes in here: to its server transaction when it is a retransmission or an ACK, else a new
    /// server transaction, and then to its call (by Call-ID) when it is inside a dialog, or answered here.
    private func receive(_ request: SIPRequest, from source: SIPDestination) {
        guard let branch = request.headers.topViaBranchKey else { return }
        let key = SIPTransactionKey(branch: branch, method: request.method == .ack ? .invite : request.method)
        if let actions = transactions.servers[key]?.machine.receive(request) {
            apply(actions, server: key)
            return
        }
        switch request.method {
        case .ack:
            // An ACK for a 2xx we never sent, or for a transaction long gone: nothing to do (RFC 3261 §17.2.3).
            return
        case .invite:
            // Tsunagu only calls out (the manual's 架電専用): an incoming INVITE is declined.
            var machine = ServerInviteTransaction(
                request: request, reliableTransport: source.transport.isReliable, timers: configuration.timers)
            let trying = machine.start()
            transactions.servers[key] = SIPServerTransactionEntry(machine: machine, destination: source)
            apply(trying, server: key)
            var decline = request.makeResponse(603, toTag: SIPIdentifiers.randomHex(16))
            decline.headers.add(.warning, "399 tsunagu \"outbound calls only\"")
            respond(decline, server: key)
        default:
            let machine = ServerNonInviteTransaction(
                reliableTransport: source.transport.isReliable, timers: configuration.timers)
            transactions.servers[key] = SIPServerTransactionEntry(machine: machine, destination: source)
            if let callID = request.headers.callID, calls[callID] != nil {
                callActions(callID, serverKey: key) { $0.receive(request) }
            } else if request.method == .options {
                var ok = request.makeResponse(200, toTag: SIPIdentifiers.randomHex(16))
                ok.headers.add(.allow, "INVITE, ACK, CANCEL, BYE, OPTIONS")
                respond(ok, server: key)
            } else if request.method == .cancel || request.method == .bye {
                respond(request.makeResponse(481), server: key)
            } else {
                respond(request.makeResponse(501), server: key)
            }
        }
    }

    /// Sends a response through its server transaction.
    func respond(_ response: SIPResponse, server key: SIPTransactionKey) {
        guard let actions = transactions.servers[key]?.machine.send(response) else { return }
        apply(actions, server: key)
    }
}
