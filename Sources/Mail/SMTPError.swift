/// Why a mail could not be sent. Compared by kind only.
public struct SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case connectionFailed
        case timedOut
        case unexpectedReply
        case authenticationFailed
        case tlsRequired
        case protocolViolation
    }

    public var kind: Kind
    public var detail: String

    public static func == (lhs: SMTPError, rhs: SMTPError) -> Bool { lhs.kind == rhs.kind }

    public var description: String { "SMTP \(kind): \(detail)" }

    static func unexpected(_ reply: SMTPReply, after step: String) -> SMTPError {
        SMTPError(kind: .unexpectedReply, detail: "\(reply.code) \(reply.lines.joined(separator: " ")) after \(step)")
    }
}
