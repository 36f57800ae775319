/// How to reach the mail server.
public struct SMTPConfiguration: Sendable, Equatable {
    public enum Security: String, Sendable, CaseIterable {
        /// STARTTLS when the server offers it; refuses to send a password in the clear.
        case startTLSWhenOffered = "auto"
        /// STARTTLS or fail.
        case startTLS = "always"
        /// Plain text only (a relay on the same machine).
        case none = "never"
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The name we give in EHLO.
    public var heloName: String
    public var timeoutSeconds: Int64

    public init(
        host: String, port: Int = 587, security: Security = .startTLSWhenOffered, username: String? = nil,
        password: String? = nil, heloName: String = "tsunagu.localhost", timeoutSeconds: Int64 = 30
    ) {
        precondition((1...65535).contains(port), "an SMTP port is between 1 and 65535")
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.heloName = heloName
        self.timeoutSeconds = timeoutSeconds
    }
}
