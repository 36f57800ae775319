/// A port `tsunagu` must listen on is taken, most often by another `tsunagu`.
///
/// `main` prints `description` and exits with `LaunchFailure.unavailableExitCode` (69, EX_UNAVAILABLE).
struct PortInUseError: Error, CustomStringConvertible, Sendable {
    /// What listens there.
    enum Listener: Sendable {
        /// The web server (`PORT`, `--port`).
        case web
        /// The SIP user agent (`SIP_PORT`), with `TELEPHONY=sip`.
        case sip
    }

    let listener: Listener
    let host: String
    let port: Int

    var description: String {
        switch listener {
        case .web:
            "port \(port) is already in use (another tsunagu?): choose another with PORT=… or --port …"
        case .sip:
            "SIP port \(port) on \(host) is already in use (another tsunagu or SIP program?): choose another with "
                + "SIP_PORT=…"
        }
    }
}
