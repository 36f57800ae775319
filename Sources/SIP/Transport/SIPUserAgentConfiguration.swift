/// How the user agent binds and presents itself.
public struct SIPUserAgentConfiguration: Sendable, Hashable {
    /// The local address to bind. Loopback for tests; the host's address towards the trunk in production.
    public var bindHost: String
    /// 0 picks a free port.
    public var bindPort: Int
    /// Written in Via and Contact when it differs from the bind address (a public address behind NAT).
    public var advertisedHost: String?
    public var timers: SIPTimerConfiguration
    /// The User-Agent header.
    public var userAgent: String

    public init(
        bindHost: String = "127.0.0.1", bindPort: Int = 0, advertisedHost: String? = nil,
        timers: SIPTimerConfiguration = SIPTimerConfiguration(), userAgent: String = "Tsunagu"
    ) {
        self.bindHost = bindHost
        self.bindPort = bindPort
        self.advertisedHost = advertisedHost
        self.timers = timers
        self.userAgent = userAgent
    }
}

/// Why the user agent could not do what was asked. Compared by code only.
public struct SIPUserAgentError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case notStarted
        case unresolvableHost
        /// The peer's address is not a single host's (broadcast, multicast, unspecified).
        case unusableAddress
        case timedOut
        case transportFailed
        case shutDown
    }

    public var code: Code
    public var detail: String

    public static func == (lhs: SIPUserAgentError, rhs: SIPUserAgentError) -> Bool { lhs.code == rhs.code }

    public var description: String { "SIP user agent \(code): \(detail)" }
}
