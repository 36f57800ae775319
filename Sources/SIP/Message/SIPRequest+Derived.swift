extension SIPRequest {
    /// A response to this request (RFC 3261 §8.2.6): Via, From, Call-ID and CSeq copied, To copied with our tag
    /// added when given and absent.
    public func makeResponse(_ code: Int, reason: String? = nil, toTag: String? = nil) -> SIPResponse {
        var headers = SIPHeaders()
        for field in self.headers where field.name == .via { headers.add(.via, field.value) }
        if let from = self.headers[.from] { headers.add(.from, from) }
        if var to = self.headers.to {
            if let toTag, to.tag == nil, code != 100 { to.tag = toTag }
            headers.add(.to, to.description)
        } else if let to = self.headers[.to] {
            headers.add(.to, to)
        }
        if let callID = self.headers[.callID] { headers.add(.callID, callID) }
        if let cseq = self.headers[.cseq] { headers.add(.cseq, cseq) }
        return SIPResponse(statusCode: code, reasonPhrase: reason, headers: headers)
    }

    /// The ACK a client INVITE transaction sends for a 300–699 (RFC 3261 §17.1.1.3): the INVITE's Request-URI,
    /// top Via, From, Call-ID and Route; the response's To; the same CSeq number with method ACK.
    public func acknowledging(failure response: SIPResponse) -> SIPRequest {
        var headers = SIPHeaders()
        if let via = self.headers.values(.via).first { headers.add(.via, via) }
        headers.add(.maxForwards, "70")
        if let from = self.headers[.from] { headers.add(.from, from) }
        headers.add(.to, response.headers[.to] ?? self.headers[.to] ?? "")
        if let callID = self.headers[.callID] { headers.add(.callID, callID) }
        if let cseq = self.headers.cseq { headers.add(.cseq, SIPCSeq(cseq.number, .ack).description) }
        for route in self.headers.values(.route) { headers.add(.route, route) }
        return sameTarget(method: .ack, headers: headers)
    }

    /// The CANCEL for this INVITE (RFC 3261 §9.1): same Request-URI, top Via (so the same branch), From, To,
    /// Call-ID, CSeq number and Route.
    public func cancelling() -> SIPRequest {
        var headers = SIPHeaders()
        if let via = self.headers.values(.via).first { headers.add(.via, via) }
        headers.add(.maxForwards, "70")
        if let from = self.headers[.from] { headers.add(.from, from) }
        if let to = self.headers[.to] { headers.add(.to, to) }
        if let callID = self.headers[.callID] { headers.add(.callID, callID) }
        if let cseq = self.headers.cseq { headers.add(.cseq, SIPCSeq(cseq.number, .cancel).description) }
        for route in self.headers.values(.route) { headers.add(.route, route) }
        return sameTarget(method: .cancel, headers: headers)
    }

    /// The top Via's branch: the transaction's key (RFC 3261 §17.1.3, §17.2.3).
    public var branch: String? { headers.topViaBranch }
}
