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

    /// From's `tag`, read without building the address: what `from?.tag` gives.
    public var fromTag: String? { tag(of: .from) }

    /// To's `tag`, read without building the address: what `to?.tag` gives.
    public var toTag: String? { tag(of: .to) }

    private func tag(of name: SIPHeaderName) -> String? {
        first(name) { bytes, range throws(SIPParseError) -> String? in
            let value = try bytes.firstParameter("tag", in: bytes.scanNameAddress(range).parameters)
            return value.flatMap { $0 }.map(bytes.text(of:))
        } ?? nil
    }

    /// The first (topmost) Via.
    public var topVia: SIPVia? {
        first(.via) { bytes, range throws(SIPParseError) in try SIPVia(bytes, bytes.scanVia(range)) }
    }

    /// The top Via's `branch`, read without building the whole Via: what `topVia?.branch` gives, looked up for
    /// every response received.
    public var topViaBranch: String? {
        topViaBranch(plain: { bytes, range in bytes.string(range) }, quoted: { $0 })
    }

    /// The top Via's branch, as `plain` makes it of the received bytes or `quoted` of the unescaped text.
    func topViaBranch<Branch>(
        plain: (SIPBytes, Range<Int>) -> Branch, quoted: (String) -> Branch
    ) -> Branch? {
        first(.via) { bytes, range throws(SIPParseError) -> Branch? in
            switch try bytes.firstParameter("branch", in: bytes.scanVia(range).parameters) {
            case .plain(let range)??: plain(bytes, range)
            case .quoted(let content)??: quoted(bytes.unescaped(content))
            case .some(nil), nil: nil
            }
        } ?? nil
    }

    public var contacts: [SIPNameAddress] {
        each(.contact) { bytes, range throws(SIPParseError) in try SIPNameAddress(bytes, bytes.scanNameAddress(range)) }
    }

    /// The URI of the first Contact (a dialog's remote target), without building the other addresses.
    public var firstContactURI: SIPURI? {
        first(.contact) { bytes, range throws(SIPParseError) in try SIPURI(bytes, bytes.scanNameAddress(range).uri) }
    }

    public var recordRoutes: [SIPNameAddress] {
        each(.recordRoute) { bytes, range throws(SIPParseError) in
            try SIPNameAddress(bytes, bytes.scanNameAddress(range))
        }
    }
}
