/// `CSeq: 314159 INVITE` (RFC 3261 §20.16): a sequence number below 2³¹ and the request's method.
public struct SIPCSeq: Hashable, Sendable, CustomStringConvertible {
    public var number: UInt32
    public var method: SIPMethod

    public init(_ number: UInt32, _ method: SIPMethod) {
        self.number = number
        self.method = method
    }

    public init(parsing value: some StringProtocol) throws(SIPParseError) {
        let text = Substring(value)
        let parts = text.utf8.split(whereSeparator: SIPSyntax.isWhitespaceByte).map { Substring($0) }
        guard parts.count == 2, parts[0].utf8.count <= 10, let number = UInt32(parts[0]), number < 1 << 31,
            SIPSyntax.isToken(parts[1])
        else {
            throw .malformedHeader("CSeq \"\(value)\"")
        }
        self.number = number
        self.method = SIPMethod.known(parts[1])
    }

    public var description: String { "\(number) \(method)" }
}
