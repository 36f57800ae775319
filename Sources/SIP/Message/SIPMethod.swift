/// A request method. Methods are case-sensitive tokens (RFC 3261 §7.1); unknown ones are kept as they came.
public struct SIPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    /// The method for a token, sharing the stored string of a standard method.
    static func known(_ token: Substring) -> SIPMethod {
        for method in standard where method.rawValue.utf8.elementsEqual(token.utf8) { return method }
        return SIPMethod(rawValue: String(token))
    }

    static func known(_ bytes: SIPBytes, _ token: Range<Int>) -> SIPMethod {
        if bytes.equals(token, "INVITE") { return .invite }
        if bytes.equals(token, "ACK") { return .ack }
        if bytes.equals(token, "BYE") { return .bye }
        if bytes.equals(token, "CANCEL") { return .cancel }
        if bytes.equals(token, "OPTIONS") { return .options }
        if bytes.equals(token, "REGISTER") { return .register }
        return SIPMethod(rawValue: bytes.string(token))
    }

    private static let standard: [SIPMethod] = [
        .invite, .ack, .bye, .cancel, .options, .register, .info, .prack, .update,
    ]

    public static let invite: SIPMethod = "INVITE"
    public static let ack: SIPMethod = "ACK"
    public static let bye: SIPMethod = "BYE"
    public static let cancel: SIPMethod = "CANCEL"
    public static let options: SIPMethod = "OPTIONS"
    public static let register: SIPMethod = "REGISTER"
    public static let info: SIPMethod = "INFO"
    public static let prack: SIPMethod = "PRACK"
    public static let update: SIPMethod = "UPDATE"
    public static let notify: SIPMethod = "NOTIFY"
    public static let refer: SIPMethod = "REFER"
    public static let message: SIPMethod = "MESSAGE"
    public static let subscribe: SIPMethod = "SUBSCRIBE"
}
