import NIOCore

/// The transactions' actions carried out: sends through the transports, timers into the queue, responses and
/// failures to the transaction's user (a call or a waiting promise).
extension SIPUserAgentCore {
    /// Starts a client transaction for a request, owned by a call or by a promise for its final response.
    func startClient(
        _ request: SIPRequest, to destination: SIPDestination, user: SIPClientTransactionEntry.User
    ) {
        guard let branch = request.headers.topViaBranchKey else { return }
        let key = SIPTransactionKey(branch: branch, method: request.method)
        let entry = SIPClientTransactionEntry(
            request: request, user: user, destination: destination, timers: configuration.timers)
        transactions.clients[key] = entry
        apply(entry.start(), client: key)
    }

    /// - Parameter timeout: give up waiting sooner than Timer F; the transaction itself runs on to its end.
    func request(_ request: SIPRequest, to destination: SIPDestination, timeout: Duration? = nil)
        -> EventLoopFuture<SIPResponse>
    {
        let promise = eventLoop.makePromise(of: SIPResponse.self)
        startClient(request, to: destination, user: .completion(promise))
        if let timeout {
            let method = request.method
            let scheduled = eventLoop.scheduleTask(in: TimeAmount(timeout)) {
                promise.fail(SIPUserAgentError(code: .timedOut, detail: "\(method) to \(destination.address)"))
            }
            promise.futureResult.whenComplete { _ in scheduled.cancel() }
        }
        return promise.futureResult
    }

    func apply(_ actions: [SIPTransactionAction], client key: SIPTransactionKey) {
        guard let entry = transactions.clients[key] else { return }
        for action in actions {
            // An action before this one may have ended the transaction (a send failing at once re-enters).
            guard !entry.isRemoved else { return }
            switch action {
            case .send(let message):
                send(message, to: entry.destination, for: key)
            case .startTimer(let timer, let delay):
                let id = arm(.client(key, timer), in: delay)
                disarm(entry.timers.set(timer, id))
            case .cancelTimer(let timer):
                disarm(entry.timers.remove(timer))
            case .deliverResponse(let response):
                switch entry.user {
                case .call(let callID): callActions(callID) { $0.receive(response) }
                case .completion(let promise): if !response.isProvisional { promise.succeed(response) }
                }
            case .timedOut, .transportFailed:
                let timedOut = action == .timedOut
                switch entry.user {
                case .call(let callID):
                    callActions(callID) { $0.transactionFailed(method: key.method, timedOut: timedOut) }
                case .completion(let promise):
                    promise.fail(
                        SIPUserAgentError(
                            code: timedOut ? .timedOut : .transportFailed,
                            detail: "\(key.method) to \(entry.destination.address)"))
                }
            case .terminated:
                transactions.clients.removeValue(forKey: key)
                entry.isRemoved = true
                entry.timers.ids.forEach(disarm)
                if case .completion(let promise) = entry.user {
                    // Already completed by a final response or a failure; this only guards against a leak.
                    promise.fail(SIPUserAgentError(code: .timedOut, detail: "transaction ended"))
                }
            case .deliverRequest:
                break
            }
        }
    }

    func clientTimerFired(_ timer: SIPTimer, _ key: SIPTransactionKey) {
        guard let actions = transactions.clients[key]?.timerFired(timer) else { return }
        apply(actions, client: key)
    }

    func clientTransportFailed(_ key: SIPTransactionKey) {
        guard let actions = transactions.clients[key]?.transportFailed() else { return }
        apply(actions, client: key)
    }

    func apply(_ actions: [SIPTransactionAction], server key: SIPTransactionKey) {
        guard let entry = transactions.servers[key] else { return }
        for action in actions {
            guard !entry.isRemoved else { return }
            switch action {
            case .send(let message): send(message, to: entry.destination)
            case .startTimer(let timer, let delay):
                let id = arm(.server(key, timer), in: delay)
                disarm(entry.timers.set(timer, id))
            case .cancelTimer(let timer):
                disarm(entry.timers.remove(timer))
            case .terminated:
                transactions.servers.removeValue(forKey: key)
                entry.isRemoved = true
                entry.timers.ids.forEach(disarm)
            case .deliverRequest, .deliverResponse, .timedOut, .transportFailed:
                break
            }
        }
    }

    func serverTimerFired(_ timer: SIPTimer, _ key: SIPTransactionKey) {
        guard let actions = transactions.servers[key]?.timerFired(timer) else { return }
        apply(actions, server: key)
    }
}
