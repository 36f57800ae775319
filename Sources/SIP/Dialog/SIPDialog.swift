/// A confirmed dialog seen from our side (RFC 3261 §12.1.2): what in-dialog requests (ACK, BYE, OPTIONS) carry.
public struct SIPDialog: Hashable, Sendable {
    public var callID: String
    public var localTag: String
    public var remoteTag: String
    public var localAddress: SIPNameAddress { didSet { localAddressText = localAddress.description } }
    public var remoteAddress: SIPNameAddress { didSet { remoteAddressText = remoteAddress.description } }
    /// From and To as written on each request of the dialog, written once.
    private var localAddressText: String
    private var remoteAddressText: String
    /// The remote Contact: the Request-URI of in-dialog requests.
    public var remoteTarget: SIPURI
    /// Record-Route of the 2xx in reverse order (RFC 3261 §12.1.2).
    public var routeSet: [String]
    public var localSequence: UInt32

    /// The dialog a 2xx to our INVITE creates.
    init?(invite: SIPRequest, response: SIPResponse) {
        guard let callID = invite.headers.callID, let from = invite.headers.from, let localTag = from.tag,
            var to = response.headers.to, let remoteTag = to.tag, let cseq = invite.headers.cseq
        else { return nil }
        self.callID = callID
        self.localTag = localTag
        self.remoteTag = remoteTag
        self.localAddress = from
        to.tag = remoteTag
        self.remoteAddress = to
        self.localAddressText = from.description
        self.remoteAddressText = to.description
        self.remoteTarget = response.headers.contacts.first?.uri ?? invite.uri
        self.routeSet = response.headers.values(.recordRoute).reversed()
        self.localSequence = cseq.number
    }

    /// A request inside the dialog; ACK reuses the INVITE's sequence number, anything else takes the next one.
    mutating func request(_ method: SIPMethod, via: SIPVia, inviteSequence: UInt32? = nil) -> SIPRequest {
        let number: UInt32
        if method == .ack, let inviteSequence {
            number = inviteSequence
        } else {
            localSequence += 1
            number = localSequence
        }
        var headers = SIPHeaders()
        headers.reserveCapacity(12)
        headers.add(.via, via.description)
        headers.add(.maxForwards, "70")
        headers.add(.from, localAddressText)
        headers.add(.to, remoteAddressText)
        headers.add(.callID, callID)
        headers.add(.cseq, SIPCSeq(number, method).description)
        for route in routeSet { headers.add(.route, route) }
        return SIPRequest(method: method, uri: remoteTarget, headers: headers)
    }

    /// Whether a request from the peer belongs to this dialog (RFC 3261 §12.2.2).
    func matches(_ request: SIPRequest) -> Bool {
        request.headers.callID == callID && request.headers.to?.tag == localTag
            && request.headers.from?.tag == remoteTag
    }
}
