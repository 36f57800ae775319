/// Why `tsunagu` refuses to start: which environment variable or command-line flag is wrong and what it accepts.
///
/// Thrown while the environment and the arguments are read, before anything is opened; `main` prints `description`
/// and exits with `LaunchFailure.usageExitCode` (64, EX_USAGE).
struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The variable or flag at fault, as the operator typed it: `PORT`, `--port`, `TLS_CERT`.
    let setting: String
    /// The whole sentence for the operator, naming `setting` and what it accepts.
    let description: String

    private init(setting: String, description: String) {
        self.setting = setting
        self.description = description
    }

    /// `setting` was given `value`, which it does not accept.
    static func invalid(_ setting: String, _ value: String, accepts: String) -> Self {
        let given = setting.hasPrefix("-") ? "\(setting) \(value)" : "\(setting)=\(value)"
        return Self(setting: setting, description: "\(given) is not accepted: \(setting) accepts \(accepts)")
    }

    /// A flag that takes a value came last, without one.
    static func missingValue(_ flag: String, accepts: String) -> Self {
        Self(setting: flag, description: "\(flag) needs a value: \(flag) accepts \(accepts)")
    }

    /// `setting` only works together with `partner`, which is not set.
    static func needs(_ setting: String, _ partner: String, because reason: String) -> Self {
        Self(setting: setting, description: "\(setting) is set without \(partner): \(reason)")
    }

    /// `setting` and `other` cannot both be set.
    static func conflicts(_ setting: String, with other: String, because reason: String) -> Self {
        Self(setting: setting, description: "\(setting) and \(other) are both set: \(reason)")
    }

    /// A file named by `setting` cannot be used.
    static func unreadable(_ setting: String, path: String, accepts: String, reason: String) -> Self {
        Self(
            setting: setting,
            description: "\(setting)=\(path) cannot be used (\(reason)): \(setting) accepts \(accepts)")
    }

    /// A flag `command` does not have.
    static func unknownFlag(_ flag: String, command: String, accepts: String) -> Self {
        Self(setting: flag, description: "\(flag) is not a flag of `tsunagu \(command)`: it accepts \(accepts)")
    }

    /// A word on the command line that is neither a command nor a flag's value.
    static func unexpectedArgument(_ argument: String, accepts: String) -> Self {
        Self(setting: argument, description: "\(argument) is not understood: tsunagu accepts \(accepts)")
    }

    /// A host named by `setting` that cannot be resolved to an address.
    static func unresolvable(_ setting: String, _ value: String, reason: String) -> Self {
        Self(
            setting: setting,
            description:
                "\(setting)=\(value) cannot be resolved (\(reason)): \(setting) accepts host:port of a reachable rtpengine, e.g. 127.0.0.1:22222"
        )
    }
}
