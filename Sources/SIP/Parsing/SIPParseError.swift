/// Why bytes from the network are not a SIP message. Compared by code only; the detail is for the log and for the
/// Warning header of a 400 (RFC 3261 §21.4.1, §20.43).
public struct SIPParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case malformedStartLine
        case unsupportedVersion
        case malformedHeader
        case malformedURI
        case missingHeader
        case invalidContentLength
        case truncated
        case tooLarge
        case encoding
    }

    public var code: Code
    public var detail: String

    public static func == (lhs: SIPParseError, rhs: SIPParseError) -> Bool { lhs.code == rhs.code }

    public var description: String { "SIP \(code): \(detail)" }

    static func malformedStartLine(_ detail: String) -> SIPParseError {
        .init(code: .malformedStartLine, detail: detail)
    }
    static func unsupportedVersion(_ version: String) -> SIPParseError {
        .init(code: .unsupportedVersion, detail: "version \(version)")
    }
    static func malformedHeader(_ detail: String) -> SIPParseError { .init(code: .malformedHeader, detail: detail) }
    static func malformedURI(_ uri: String) -> SIPParseError { .init(code: .malformedURI, detail: "URI \"\(uri)\"") }
    static func missingHeader(_ name: SIPHeaderName) -> SIPParseError {
        .init(code: .missingHeader, detail: "missing \(name)")
    }
    static func invalidContentLength(_ detail: String) -> SIPParseError {
        .init(code: .invalidContentLength, detail: detail)
    }
    static func truncated(_ detail: String) -> SIPParseError { .init(code: .truncated, detail: detail) }
    static func tooLarge(_ size: Int) -> SIPParseError { .init(code: .tooLarge, detail: "\(size) bytes") }
    static let encoding = SIPParseError(code: .encoding, detail: "header bytes are not UTF-8")
}

/// A message that could not be accepted, with what is needed to answer it: when the start line was a request and
/// the headers a response needs are there, the transport answers 400 (RFC 3261 §8.2, §16.3); otherwise it drops it.
public struct SIPRejectedMessage: Error, Sendable, Equatable {
    public var error: SIPParseError
    /// The request as far as it could be read, when it was a request other than ACK.
    public var request: SIPRequest?
}
