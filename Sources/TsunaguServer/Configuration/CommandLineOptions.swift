/// What `tsunagu` was asked to do: the command and its flags, read into typed values.
///
/// A flag given on the command line wins over the environment (`--port` over `PORT`). A flag the command does not
/// have, a flag without its value or a stray word is refused, naming it and what is accepted.
struct CommandLineOptions: Sendable, Equatable {
    enum Command: String, Sendable, CaseIterable {
        /// Migrate, seed the demo tenant once and serve.
        case demo
        /// Serve (after pending migrations unless `AUTO_MIGRATE=false`).
        case serve
        /// Run pending migrations.
        case migrate
        /// List the routes.
        case routes
        /// `help`, `--help`, `-h`: print the usage and stop.
        case help
    }

    /// The command; `serve` when none is given.
    var command = Command.serve
    /// `--host H` (or `--hostname H`), for `serve` and `demo`: the address to listen on, instead of `HOST`.
    var host: String?
    /// `--port N`, for `serve` and `demo`: the port to listen on, instead of `PORT`.
    var port: Int?
    /// `--yes` (or `-y`), for `migrate`: run the migrations without asking.
    var assumeYes = false

    init() {}

    /// Reads `arguments` (without the program's name). Flags take their value as the next argument or after `=`.
    static func parse(_ arguments: [String]) throws(ConfigurationError) -> Self {
        var options = CommandLineOptions()
        var remaining = arguments[...]
        if let first = remaining.first, !first.hasPrefix("-") {
            remaining = remaining.dropFirst()
            guard let command = Command(rawValue: first) else {
                throw .unexpectedArgument(first, accepts: commandsAccepted)
            }
            options.command = command
        }
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("-") else { throw .unexpectedArgument(argument, accepts: commandsAccepted) }
            let (flag, attached) = split(argument)
            if flag == "--help" || flag == "-h" {
                options.command = .help
                return options
            }
            switch (options.command, flag) {
            case (.serve, "--host"), (.demo, "--host"), (.serve, "--hostname"), (.demo, "--hostname"):
                let value = try takeValue(flag, attached, &remaining, accepts: "an address, e.g. 0.0.0.0")
                options.host = try SettingValue.host(value, setting: flag)
            case (.serve, "--port"), (.demo, "--port"):
                let value = try takeValue(flag, attached, &remaining, accepts: "an integer from 1 to 65535")
                options.port = try SettingValue.port(value, setting: flag)
            case (.migrate, "--yes") where attached == nil, (.migrate, "-y") where attached == nil:
                options.assumeYes = true
            default:
                throw .unknownFlag(flag, command: options.command.rawValue, accepts: flagsAccepted(by: options.command))
            }
        }
        return options
    }

    /// The flags each command accepts, for messages.
    static func flagsAccepted(by command: Command) -> String {
        switch command {
        case .serve, .demo: "--host H (or --hostname H), --port N and --help"
        case .migrate: "--yes (or -y) and --help"
        case .routes, .help: "only --help"
        }
    }

    private static let commandsAccepted =
        "a command (demo, serve, migrate or routes) and its flags; tsunagu --help lists them"

    /// `--port=80` → (`--port`, `80`); `--port` → (`--port`, nil).
    private static func split(_ argument: String) -> (flag: String, value: String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private static func takeValue(
        _ flag: String, _ attached: String?, _ remaining: inout ArraySlice<String>, accepts: String
    ) throws(ConfigurationError) -> String {
        if let attached { return attached }
        guard let next = remaining.first, !next.hasPrefix("-") else { throw .missingValue(flag, accepts: accepts) }
        remaining = remaining.dropFirst()
        return next
    }
}
