extension SIPHeaders {
    public var callID: String? { self[.callID] }

    public var cseq: SIPCSeq? { self[.cseq].flatMap { try? SIPCSeq(parsing: $0) } }

    public var from: SIPNameAddress? { self[.from].flatMap { try? SIPNameAddress(parsing: $0) } }

    public var to: SIPNameAddress? { self[.to].flatMap { try? SIPNameAddress(parsing: $0) } }

    /// The first (topmost) Via.
    public var topVia: SIPVia? { values(.via).first.flatMap { try? SIPVia(parsing: $0) } }

    public var contacts: [SIPNameAddress] { values(.contact).compactMap { try? SIPNameAddress(parsing: $0) } }

    public var recordRoutes: [SIPNameAddress] { values(.recordRoute).compactMap { try? SIPNameAddress(parsing: $0) } }
}
