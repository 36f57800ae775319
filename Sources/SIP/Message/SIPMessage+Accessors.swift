extension SIPHeaders {
    public var callID: String? { self[.callID] }

    public var cseq: SIPCSeq? {
        first(.cseq) { bytes, range throws(SIPParseError) in
            let spans = try bytes.scanCSeq(range)
            return SIPCSeq(spans.number, SIPMethod.known(bytes, spans.method))
        }
    }

    public var from: SIPNameAddress? {
        first(.from) { bytes, range throws(SIPParseError) in try SIPNameAddress(bytes, bytes.scanNameAddress(range)) }
    }

    public var to: SIPNameAddress? {
        first(.to) { bytes, range throws(SIPParseError) in try SIPNameAddress(bytes, bytes.scanNameAddress(range)) }
    }

    /// The first (topmost) Via.
    public var topVia: SIPVia? {
        first(.via) { bytes, range throws(SIPParseError) in try SIPVia(bytes, bytes.scanVia(range)) }
    }

    public var contacts: [SIPNameAddress] {
        each(.contact) { bytes, range throws(SIPParseError) in try SIPNameAddress(bytes, bytes.scanNameAddress(range)) }
    }

    public var recordRoutes: [SIPNameAddress] {
        each(.recordRoute) { bytes, range throws(SIPParseError) in
            try SIPNameAddress(bytes, bytes.scanNameAddress(range))
        }
    }
}
