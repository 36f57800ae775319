import Fluent
import Foundation
import NIOCore
import Vapor

/// The `tsunagu` command: `demo`, `serve`, `migrate`, `routes`.
///
/// Everything the command line and the environment say is read and checked first (`parse`); a refused value throws
/// `ConfigurationError` before anything is opened. A port in use throws `PortInUseError`. `main` turns either into
/// one line on stderr and an exit status (`LaunchFailure`).
public enum Launcher {
    static let usage = """
        Usage: tsunagu [command] [flags]

        Commands:
          demo      migrate, seed a demo tenant (once) and serve; flags as serve
          serve     serve (runs pending migrations first unless AUTO_MIGRATE=false) (the default command)
                    --host H   address to listen on, instead of HOST (--hostname H also works)
                    --port N   port to listen on, instead of PORT
          migrate   run pending database migrations; --yes (-y) runs them without asking
          routes    list the routes
          --help    this text

        Exit status: 0 after a clean stop; 64 when a variable or flag is not accepted (the message names it);
        69 when a port to listen on is in use; 1 on any other error.

        """ + ServerConfiguration.environmentHelp

    /// What one run of `tsunagu` does, every value already checked.
    struct Plan: Sendable {
        var options: CommandLineOptions
        /// The environment's settings with the flags applied.
        var configuration: ServerConfiguration

        /// The arguments Vapor's command runs with: only what `options` decided, so Vapor parses nothing of its own.
        var vaporArguments: [String] {
            switch options.command {
            case .demo, .serve, .help: ["tsunagu", "serve"]
            case .migrate: ["tsunagu", "migrate"] + (options.assumeYes ? ["--yes"] : [])
            case .routes: ["tsunagu", "routes"]
            }
        }
    }

    /// Reads `arguments` (with the program's name first, as `CommandLine.arguments`) and `environment`. With `--help`
    /// the environment is not read, so help works even when it is wrong.
    static func parse(
        arguments: [String], environment: [String: String]
    ) throws(ConfigurationError) -> Plan {
        let options = try CommandLineOptions.parse(Array(arguments.dropFirst()))
        guard options.command != .help else {
            return Plan(options: options, configuration: ServerConfiguration())
        }
        var configuration = try ServerConfiguration.fromEnvironment(environment)
        if let host = options.host { configuration.host = host }
        if let port = options.port { configuration.port = port }
        return Plan(options: options, configuration: configuration)
    }

    public static func run(
        arguments: [String] = CommandLine.arguments,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws {
        let plan = try parse(arguments: arguments, environment: environment)
        if plan.options.command == .help {
            print(usage)
            return
        }
        var vaporEnvironment = try Environment.detect(arguments: plan.vaporArguments)
        try LoggingSystem.bootstrap(from: &vaporEnvironment)
        try await start(plan, environment: vaporEnvironment)
    }

    /// Runs `plan` until the server is stopped (Ctrl-C, SIGTERM) or the command is done.
    static func start(_ plan: Plan, environment: Environment) async throws {
        let configuration = plan.configuration
        let command = plan.options.command
        let app = try await Application.make(environment)
        do {
            try await app.configureTsunagu(configuration)
            var seeded: DemoSeeder.Result?
            if command == .demo {
                try await app.migrateTsunagu()
                seeded = try await DemoSeeder(database: app.db) { try Bcrypt.hash($0) }.seed()
            } else if command == .serve && configuration.autoMigrate {
                try await app.migrateTsunagu()
            }
            if command == .serve || command == .demo {
                // Settles what a stopped server left (on SQLite, at once; on PostgreSQL, the leader does it for every
                // instance silent for 10 s) and never touches another live instance's calls.
                try await app.startInstance()
            }
            // Booting binds the SIP socket (TELEPHONY=sip); the command then binds the web server's.
            try await listening(.sip, configuration) { try await app.asyncBoot() }
            try await listening(.web, configuration) { try await app.startup() }
            if let seeded {
                // Written at once (print is buffered when stdout is a file or a pipe).
                FileHandle.standardOutput.write(Data((demoBanner(seeded, configuration) + "\n").utf8))
            }
            try await app.running?.onStop.get()
            // Stop taking requests first and let those in flight finish: Vapor's own shutdown may close the databases
            // before the web server, and a request still running then found no database (a crash on stopping).
            await app.server.shutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Runs `body`, which binds `listener`'s port; the socket error for a port in use becomes `PortInUseError`.
    private static func listening(
        _ listener: PortInUseError.Listener, _ configuration: ServerConfiguration, _ body: () async throws -> Void
    ) async throws {
        do {
            try await body()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            switch listener {
            case .web: throw PortInUseError(listener: .web, host: configuration.host, port: configuration.port)
            case .sip: throw PortInUseError(listener: .sip, host: configuration.sipHost, port: configuration.sipPort)
            }
        }
    }

    /// What `tsunagu demo` prints once it serves: where, the logins, and the telephony actually in use.
    static func demoBanner(_ result: DemoSeeder.Result, _ configuration: ServerConfiguration) -> String {
        var host = ["0.0.0.0", "::"].contains(configuration.host) ? "127.0.0.1" : configuration.host
        if host.contains(":") { host = "[\(host)]" }
        let scheme = configuration.servesTLS ? "https" : "http"
        var lines = [
            "",
            "  つなぐ Tsunagu demo \(result.created ? "— demo tenant created" : "— demo tenant already there")",
            "  Open \(scheme)://\(host):\(configuration.port)/ in a browser",
            "  契約顧客コード (tenant code): \(DemoSeeder.tenantCode)",
        ]
        for login in result.logins {
            lines.append("  \(login.role) \(login.name): ユーザID \(login.loginID) / パスワード \(DemoSeeder.password)")
        }
        // PostgreSQL's URL with its password as ***: the banner ends up in logs and screenshots.
        let database = configuration.databaseURL?.redacted ?? configuration.databasePath
        lines.append("  Database: \(database) · Ctrl-C to stop")
        lines.append("  Telephony: \(telephonyDescription(configuration))")
        lines.append("")
        return lines.joined(separator: "\n")
    }

    /// The telephony in use, in the banner's words.
    static func telephonyDescription(_ configuration: ServerConfiguration) -> String {
        switch configuration.telephony {
        case .simulated:
            return "simulated carrier (no real calls, no audio)"
        case .sip:
            let host = configuration.sipHost.contains(":") ? "[\(configuration.sipHost)]" : configuration.sipHost
            let address = configuration.sipPort == 0 ? "\(host), any free port" : "\(host):\(configuration.sipPort)"
            let audio =
                configuration.rtpengineHost.map { "audio through rtpengine at \($0):\(configuration.rtpenginePort)" }
                ?? "no audio (RTPENGINE_NG not set)"
            return "SIP trunk (user agent on \(address); each tenant's trunk on 設定) · \(audio)"
        }
    }
}
