import Fluent
import Foundation
import Vapor

/// The `tsunagu` command: `serve`, `migrate`, `demo` (and Vapor's `routes`).
public enum Launcher {
    public static let usage = """
        Usage: tsunagu <command>

        Commands:
          demo      migrate, seed a demo tenant (once) and serve on the embedded defaults
          serve     serve (runs pending migrations first unless AUTO_MIGRATE=false)
          migrate   run pending database migrations (add --yes to skip the question)
          routes    list the routes

        """ + ServerConfiguration.environmentHelp

    public static func run(arguments: [String] = CommandLine.arguments) async throws {
        let command = arguments.dropFirst().first ?? "serve"
        if ["-h", "--help", "help"].contains(command) {
            print(usage)
            return
        }
        let configuration = ServerConfiguration.fromEnvironment()
        var vaporArguments = arguments
        if command == "demo" { vaporArguments = [arguments.first ?? "tsunagu", "serve"] }
        var environment = try Environment.detect(arguments: vaporArguments)
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            try await app.configureTsunagu(configuration)
            if command == "demo" {
                try await app.autoMigrate()
                let result = try await DemoSeeder(database: app.db) { try Bcrypt.hash($0) }.seed()
                print(demoBanner(result, configuration))
            } else if command == "serve" && configuration.autoMigrate {
                try await app.autoMigrate()
            }
            if command == "serve" || command == "demo" {
                let closed = try await InterruptedCalls.close(on: app.db, at: Date())
                if closed > 0 {
                    app.logger.warning(
                        "\(closed) call(s) were open when the server last stopped; recorded as ended now")
                }
            }
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func demoBanner(_ result: DemoSeeder.Result, _ configuration: ServerConfiguration) -> String {
        let host = configuration.host == "0.0.0.0" ? "127.0.0.1" : configuration.host
        var lines = [
            "",
            "  つなぐ Tsunagu demo \(result.created ? "— demo tenant created" : "— demo tenant already there")",
            "  Open http://\(host):\(configuration.port)/ in a browser",
            "  契約顧客コード (tenant code): \(DemoSeeder.tenantCode)",
        ]
        for login in result.logins {
            lines.append("  \(login.role) \(login.name): ユーザID \(login.loginID) / パスワード \(DemoSeeder.password)")
        }
        lines.append("  Database: \(configuration.databasePath) · Telephony: simulated carrier · Ctrl-C to stop")
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
