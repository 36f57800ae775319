/// One outgoing call as a UAC (RFC 3261 §13, §15, §22), without I/O: the INVITE with its digest retry, CANCEL while
/// it rings, ACK of the 2xx, BYE from either side, and dial-pad tones as SIP INFO where the trunk wants them.
///
/// The agent never waits for the network: a hang-up or a ring timeout reports `.ended` at once, and the SIP clean-up
/// (a CANCEL once a provisional response allows it, or ACK + BYE when a 2xx crosses the CANCEL) goes on behind it.
public struct OutboundCall: Sendable {
    private struct Inviting: Sendable {
        var invite: SIPRequest
        var hasProvisional = false
        var reportedRinging = false
        /// Set when we gave up before the answer: the reason, and whether the CANCEL has gone out.
        var abandoned: OutboundCallEnding.Cause?
        var cancelSent = false
        var answeredNonces: Set<String> = []
    }

    private enum State: Sendable {
        case idle
        case inviting(Inviting)
        case confirmed(dialog: SIPDialog, ack: SIPRequest)
        case closing(ack: SIPRequest?)
        case finished
    }

    public let parameters: OutboundCallParameters
    private let identifiers: SIPIdentifiers
    private var state = State.idle
    private var endReported = false
    private var nonceCounts: [String: UInt32] = [:]
    /// Tones waiting for the INFO in flight: one at a time, so that the far end gets them in the order pressed.
    private var queuedTones: [DTMFRelayTone] = []
    private var toneInFlight = false

    public let callID: String
    private let localTag: String

    /// - Parameter callID: the Call-ID to use (a provider may derive it from its own call id); a random one if nil.
    public init(parameters: OutboundCallParameters, callID: String? = nil, identifiers: SIPIdentifiers = .random) {
        self.parameters = parameters
        self.identifiers = identifiers
        self.callID = callID ?? identifiers.callID()
        self.localTag = identifiers.tag()
    }

    public var isFinished: Bool {
        if case .finished = state { return true }
        return false
    }

    public mutating func start() -> [OutboundCallAction] {
        guard case .idle = state else { return [] }
        let invite = makeInvite(sequence: 1, authorization: nil)
        state = .inviting(Inviting(invite: invite))
        return [.startInvite(invite), .startRingTimer(parameters.ringTimeout)]
    }

    /// The agent hung up: CANCEL while ringing, BYE after answer.
    public mutating func hangUp() -> [OutboundCallAction] {
        switch state {
        case .inviting:
            return abandon(.cancelled)
        case .confirmed(var dialog, let ack):
            let bye = dialog.request(.bye, via: parameters.via.value(branch: identifiers.branch()))
            state = .closing(ack: ack)
            return [.startRequest(bye)] + end(.localHangUp, answered: true, statusCode: 200)
        case .idle:
            state = .finished
            return end(.cancelled, answered: false, statusCode: nil) + [.finished]
        case .closing, .finished:
            return []
        }
    }

    /// A dial-pad key while talking, as an INFO in the dialog; ignored before the answer and after the hang-up.
    public mutating func sendTone(_ tone: DTMFRelayTone) -> [OutboundCallAction] {
        guard case .confirmed = state else { return [] }
        queuedTones.append(tone)
        return nextTone()
    }

    private mutating func nextTone() -> [OutboundCallAction] {
        guard !toneInFlight, !queuedTones.isEmpty, case .confirmed(var dialog, let ack) = state else { return [] }
        let tone = queuedTones.removeFirst()
        var info = dialog.request(.info, via: parameters.via.value(branch: identifiers.branch()))
        info.headers.add(.contentType, DTMFRelayTone.contentType)
        info.body = tone.body
        state = .confirmed(dialog: dialog, ack: ack)
        toneInFlight = true
        return [.startRequest(info)]
    }

    public mutating func ringTimerFired() -> [OutboundCallAction] {
        guard case .inviting = state else { return [] }
        return abandon(.ringTimeout)
    }

    /// A response delivered by one of this call's client transactions.
    public mutating func receive(_ response: SIPResponse) -> [OutboundCallAction] {
        guard let cseq = response.headers.cseq else { return [] }
        switch cseq.method {
        case .invite: return receiveInviteResponse(response, sequence: cseq.number)
        case .bye:
            guard case .closing = state, !response.isProvisional else { return [] }
            state = .finished
            return [.finished]
        case .info:
            guard !response.isProvisional else { return [] }
            toneInFlight = false
            return nextTone()
        default:
            // CANCEL's own 200 says nothing about the call; the INVITE's 487 does.
            return []
        }
    }

    /// A request the peer sent to us in this call.
    public mutating func receive(_ request: SIPRequest) -> [OutboundCallAction] {
        switch (state, request.method) {
        case (.confirmed(let dialog, _), .bye) where dialog.matches(request):
            state = .finished
            return [.respond(request.makeResponse(200))] + end(.remoteHangUp, answered: true, statusCode: 200)
                + [.finished]
        case (.confirmed(let dialog, _), .info) where dialog.matches(request):
            // Legacy INFO (RFC 6086 §2) with nothing for us: acknowledged so the far end does not tear the call down.
            return [.respond(request.makeResponse(200))]
        case (.confirmed(let dialog, _), .options) where dialog.matches(request):
            var ok = request.makeResponse(200)
            ok.headers.add(.allow, "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO")
            return [.respond(ok)]
        case (.closing, .bye):
            return [.respond(request.makeResponse(200))]
        case (_, .ack):
            return []
        default:
            return [.respond(request.makeResponse(481))]
        }
    }

    /// The INVITE, CANCEL or BYE transaction got no answer (Timer B/F) or could not be sent.
    public mutating func transactionFailed(method: SIPMethod, timedOut: Bool) -> [OutboundCallAction] {
        switch (state, method) {
        case (.inviting, .invite):
            state = .finished
            return [.cancelRingTimer] + end(timedOut ? .noResponse : .transportFailed, answered: false, statusCode: nil)
                + [.finished]
        case (.closing, .bye), (.confirmed, .bye):
            state = .finished
            return [.finished]
        case (_, .info):
            // A peer that does not answer one INFO will not hear the next: forget the queued tones.
            toneInFlight = false
            queuedTones.removeAll()
            return []
        default:
            return []
        }
    }

    private mutating func receiveInviteResponse(_ response: SIPResponse, sequence: UInt32) -> [OutboundCallAction] {
        switch state {
        case .inviting(var inviting):
            guard sequence == inviting.invite.headers.cseq?.number else { return [] }
            if response.isProvisional {
                guard response.statusCode > 100 else { return [] }
                var actions: [OutboundCallAction] = []
                inviting.hasProvisional = true
                if inviting.abandoned != nil, !inviting.cancelSent {
                    inviting.cancelSent = true
                    actions.append(.startRequest(inviting.invite.cancelling()))
                } else if inviting.abandoned == nil {
                    if !inviting.reportedRinging {
                        inviting.reportedRinging = true
                        actions.append(.report(.ringing))
                    }
                    if !response.body.isEmpty { actions.append(.report(.earlyMedia(sdp: response.body))) }
                }
                state = .inviting(inviting)
                return actions
            }
            if response.isSuccess { return accept(response, inviting: inviting) }
            if response.statusCode == 401 || response.statusCode == 407, inviting.abandoned == nil {
                return retryWithCredentials(response, inviting: inviting)
            }
            state = .finished
            let cause: OutboundCallEnding.Cause =
                response.statusCode == 401 || response.statusCode == 407 ? .authenticationFailed : .refused
            return [.cancelRingTimer] + end(cause, answered: false, statusCode: response.statusCode) + [.finished]
        case .confirmed(_, let ack), .closing(ack: let ack?):
            // A retransmitted 2xx: our ACK was lost (RFC 3261 §13.2.2.4).
            return response.isSuccess ? [.sendAck(ack)] : []
        case .idle, .closing(ack: nil), .finished:
            return []
        }
    }

    private mutating func accept(_ response: SIPResponse, inviting: Inviting) -> [OutboundCallAction] {
        guard var dialog = SIPDialog(invite: inviting.invite, localTag: localTag, response: response) else {
            state = .finished
            return [.cancelRingTimer] + end(.refused, answered: false, statusCode: response.statusCode) + [.finished]
        }
        let inviteSequence = inviting.invite.headers.cseq?.number ?? 1
        let ack = dialog.request(
            .ack, via: parameters.via.value(branch: identifiers.branch()), inviteSequence: inviteSequence)
        if inviting.abandoned != nil {
            // The 2xx crossed our CANCEL: acknowledge it and hang up at once (RFC 3261 §15).
            let bye = dialog.request(.bye, via: parameters.via.value(branch: identifiers.branch()))
            state = .closing(ack: ack)
            return [.sendAck(ack), .startRequest(bye)]
        }
        state = .confirmed(dialog: dialog, ack: ack)
        return [.cancelRingTimer, .sendAck(ack), .report(.answered(sdp: response.body))]
    }

    private mutating func retryWithCredentials(_ response: SIPResponse, inviting: Inviting) -> [OutboundCallAction] {
        let isProxy = response.statusCode == 407
        let challenges = response.headers.values(isProxy ? .proxyAuthenticate : .wwwAuthenticate)
        guard let credentials = parameters.credentials, let challenge = DigestChallenge.preferred(among: challenges),
            // A second challenge for a nonce we already answered means the password is wrong, unless stale.
            !inviting.answeredNonces.contains(challenge.nonce) || challenge.stale,
            inviting.answeredNonces.count < 3
        else {
            state = .finished
            return [.cancelRingTimer] + end(.authenticationFailed, answered: false, statusCode: response.statusCode)
                + [.finished]
        }
        let count = (nonceCounts[challenge.nonce] ?? 0) + 1
        nonceCounts[challenge.nonce] = count
        guard
            let authorization = try? DigestAuthorization(
                answering: challenge, method: .invite, uri: parameters.target.description,
                username: credentials.username, password: credentials.password, body: parameters.offer ?? [],
                cnonce: identifiers.cnonce(), nonceCount: count)
        else {
            state = .finished
            return [.cancelRingTimer] + end(.authenticationFailed, answered: false, statusCode: response.statusCode)
                + [.finished]
        }
        let sequence = (inviting.invite.headers.cseq?.number ?? 1) + 1
        let invite = makeInvite(
            sequence: sequence,
            authorization: (isProxy ? .proxyAuthorization : .authorization, authorization.description))
        var next = Inviting(invite: invite)
        next.answeredNonces = inviting.answeredNonces.union([challenge.nonce])
        next.reportedRinging = inviting.reportedRinging
        state = .inviting(next)
        return [.startInvite(invite)]
    }

    private mutating func abandon(_ cause: OutboundCallEnding.Cause) -> [OutboundCallAction] {
        guard case .inviting(var inviting) = state, inviting.abandoned == nil else { return [] }
        inviting.abandoned = cause
        var actions: [OutboundCallAction] = [.cancelRingTimer]
        if inviting.hasProvisional {
            inviting.cancelSent = true
            actions.append(.startRequest(inviting.invite.cancelling()))
        }
        state = .inviting(inviting)
        // The INVITE transaction still ends the SIP side (487, or Timer B); the agent hears the outcome now.
        return actions + end(cause, answered: false, statusCode: nil)
    }

    private mutating func end(_ cause: OutboundCallEnding.Cause, answered: Bool, statusCode: Int?)
        -> [OutboundCallAction]
    {
        guard !endReported else { return [] }
        endReported = true
        return [.report(.ended(OutboundCallEnding(cause: cause, wasAnswered: answered, statusCode: statusCode)))]
    }

    private func makeInvite(sequence: UInt32, authorization: (SIPHeaderName, String)?) -> SIPRequest {
        var headers = SIPHeaders()
        headers.reserveCapacity(12)
        headers.add(.via, parameters.via.value(branch: identifiers.branch()))
        headers.add(.maxForwards, "70")
        headers.add(.from, parameters.from.text(tag: localTag))
        headers.add(.to, SIPNameAddress(uri: parameters.target).description)
        headers.add(.callID, callID)
        headers.add(.cseq, SIPCSeq(sequence, .invite).description)
        headers.add(.contact, SIPNameAddress(uri: parameters.contact).description)
        headers.add(.allow, "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO")
        headers.add(.userAgent, parameters.userAgent)
        if let authorization { headers.add(authorization.0, authorization.1) }
        if parameters.offer != nil { headers.add(.contentType, "application/sdp") }
        return SIPRequest(method: .invite, uri: parameters.target, headers: headers, body: parameters.offer ?? [])
    }
}
