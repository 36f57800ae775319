/// A confirmed dialog seen from our side (RFC 3261 §12.1.2): what in-dialog requests (ACK, BYE, OPTIONS) carry.
public struct SIPDialog: Hashable, Sendable {
    public var callID: String
    public var localTag: String
    public var remoteTag: String
    /// From on each request of the dialog: the INVITE's, with our tag.
    public var from: String
    /// To on each request of the dialog: the 2xx's, with the remote tag.
    public var to: String
    /// The remote Contact: the Request-URI of in-dialog requests.
    public var remoteTarget: SIPURI
    /// Record-Route of the 2xx in reverse order (RFC 3261 §12.1.2).
    public var routeSet: [String]
    public var localSequence: UInt32

    /// The dialog a 2xx to our INVITE creates. From and To are kept as written (the INVITE's is ours, the 2xx's
    /// carries the remote URI and tag), so that each request of the dialog copies them rather than rebuilds them.
    /// - Parameter localTag: the tag of the INVITE's From, which the caller chose.
    init?(invite: SIPRequest, localTag: String, response: SIPResponse) {
        guard let callID = invite.headers.callID, let from = invite.headers[.from], let to = response.headers[.to],
            let remoteTag = response.headers.toTag, let cseq = invite.headers.cseq
        else { return nil }
        self.callID = callID
        self.localTag = localTag
        self.remoteTag = remoteTag
        self.from = from
        self.to = to
        self.remoteTarget = response.headers.firstContactURI ?? invite.uri
        self.routeSet = response.headers.values(.recordRoute).reversed()
        self.localSequence = cseq.number
    }

    /// A request inside the dialog; ACK reuses the INVITE's sequence number, anything else takes the next one.
    mutating func request(_ method: SIPMethod, via: String, inviteSequence: UInt32? = nil) -> SIPRequest {
        let number: UInt32
        if method == .ack, let inviteSequence {
            number = inviteSequence
        } else {
            localSequence += 1
            number = localSequence
        }
        var headers = SIPHeaders()
        headers.reserveCapacity(6 + routeSet.count)
        headers.add(.via, via)
        headers.add(.maxForwards, "70")
        headers.add(.from, from)
        headers.add(.to, to)
        headers.add(.callID, callID)
        headers.add(.cseq, SIPCSeq(number, method).description)
        for route in routeSet { headers.add(.route, route) }
        return SIPRequest(method: method, uri: remoteTarget, headers: headers)
    }

    /// Whether a request from the peer belongs to this dialog (RFC 3261 §12.2.2).
    func matches(_ request: SIPRequest) -> Bool {
        request.headers.callID == callID && request.headers.toTag == localTag
            && request.headers.fromTag == remoteTag
    }
}
