/// Why an ng command did not succeed. The codes let callers word their own message for the user.
public struct NGClientError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// No reply in time: rtpengine is not running or not reachable at that address.
        case timeout
        /// The socket could not send.
        case unreachable
        /// rtpengine answered "error" (with its reason in `detail`).
        case rejected
        /// The reply could not be read.
        case malformedReply
        /// The client was shut down.
        case closed
    }

    public var code: Code
    public var command: String
    public var detail: String

    public init(_ code: Code, command: String, detail: String) {
        self.code = code
        self.command = command
        self.detail = detail
    }

    public var description: String { "rtpengine \(command): \(code.rawValue) (\(detail))" }
}
