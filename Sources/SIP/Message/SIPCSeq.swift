/// `CSeq: 314159 INVITE` (RFC 3261 §20.16): a sequence number below 2³¹ and the request's method.
public struct SIPCSeq: Hashable, Sendable, CustomStringConvertible {
    public var number: UInt32
    public var method: SIPMethod

    public init(_ number: UInt32, _ method: SIPMethod) {
        self.number = number
        self.method = method
    }

    public init(parsing value: some StringProtocol) throws(SIPParseError) {
        let (number, method) = try value.withSIPBytes { bytes throws(SIPParseError) in
            let spans = try bytes.scanCSeq(bytes.all)
            return (spans.number, SIPMethod.known(bytes, spans.method))
        }
        self.number = number
        self.method = method
    }

    public var description: String { "\(number) \(method)" }
}
