/// How `tsunagu` ends when it cannot start or stops on an error: the line for stderr and the exit status.
///
/// Statuses follow BSD `sysexits.h`: 64 (EX_USAGE) for a refused variable or flag, 69 (EX_UNAVAILABLE) for a port in
/// use, 1 for anything else (a database that cannot be opened, a failed migration…).
public struct LaunchFailure: Sendable {
    /// A variable or flag was refused (`ConfigurationError`).
    public static let usageExitCode: Int32 = 64
    /// A port to listen on is taken (`PortInUseError`).
    public static let unavailableExitCode: Int32 = 69
    /// Any other error.
    public static let otherExitCode: Int32 = 1

    /// The line to print on stderr, without the `tsunagu: ` prefix.
    public let message: String
    public let exitCode: Int32

    public init(_ error: any Error) {
        switch error {
        case let error as ConfigurationError:
            message = error.description
            exitCode = Self.usageExitCode
        case let error as PortInUseError:
            message = error.description
            exitCode = Self.unavailableExitCode
        default:
            message = String(describing: error)
            exitCode = Self.otherExitCode
        }
    }
}
