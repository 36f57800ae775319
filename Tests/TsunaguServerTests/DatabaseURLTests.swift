import Foundation
import Testing
import Vapor

@testable import TsunaguServer

/// `DATABASE_URL` chooses PostgreSQL: checked when read, never printed with its password, and a server that cannot
/// be used stops `tsunagu` with a message naming the variable.
@Suite struct DatabaseURLTests {
    @Test func aPostgresURLIsReadAndItsPasswordNeverShown() throws {
        let configuration = try ServerConfiguration.fromEnvironment([
            "DATABASE_URL": "postgresql://tsunagu:s3cret@db.example:5432/tsunagu?sslmode=require"
        ])
        let url = try #require(configuration.databaseURL)
        #expect(url.databaseName == "tsunagu")
        #expect(url.redacted == "postgresql://tsunagu:***@db.example:5432/tsunagu?sslmode=require")
        #expect(try ServerConfiguration.fromEnvironment([:]).databaseURL == nil, "SQLite by default")
        let banner = Launcher.demoBanner(DemoSeeder.Result(created: true, logins: []), configuration)
        #expect(banner.contains("Database: postgresql://tsunagu:***@db.example:5432/tsunagu?sslmode=require"))
        #expect(!banner.contains("s3cret"))
    }

    @Test(arguments: [
        "mysql://u@localhost/tsunagu", "postgresql://localhost/tsunagu", "postgresql://u@/tsunagu",
        "postgresql://u@localhost", "postgresql://u:pw@localhost:99999/tsunagu", "not a url",
    ])
    func aURLThatIsNotPostgreSQLIsRefused(url: String) throws {
        let error = #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.fromEnvironment(["DATABASE_URL": url])
        }
        #expect(error?.setting == "DATABASE_URL")
        #expect(error?.description.hasPrefix("DATABASE_URL=") == true)
        #expect(error?.description.contains("pw") == false, "the password is not echoed")
    }

    @Test func aURLAndAFileAreNotBothAccepted() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try ServerConfiguration.fromEnvironment([
                "DATABASE_URL": "postgresql://u@localhost/tsunagu", "DATABASE_PATH": "data/x.sqlite",
            ])
        }
        #expect(error?.setting == "DATABASE_URL")
        #expect(error?.description.contains("DATABASE_PATH") == true)
    }

    /// Nothing listens on the port: the start-up error names DATABASE_URL, without the password.
    @Test(.timeLimit(.minutes(1))) func anUnreachableServerStopsTheStartNamingTheVariable() async throws {
        let port = try unusedTCPPort()
        let error = await startError(url: "postgresql://tsunagu:s3cret@127.0.0.1:\(port)/tsunagu")
        let unavailable = try #require(error as? DatabaseUnavailableError)
        #expect(unavailable.description.hasPrefix("DATABASE_URL=postgresql://tsunagu:***@127.0.0.1:\(port)/tsunagu"))
        #expect(!unavailable.description.contains("s3cret"))
        #expect(LaunchFailure(unavailable).exitCode == 1)
    }

    /// A real server without that database: PostgreSQL's own reason is in the message.
    @Test(.enabled(if: TestDatabase.isPostgres), .timeLimit(.minutes(1)))
    func aMissingDatabaseStopsTheStartWithTheServersReason() async throws {
        let server = try #require(TestDatabase.postgresServer)
        var components = try #require(URLComponents(string: server))
        components.path = "/tsunagu_no_such_database"
        let url = try #require(components.string)
        let error = await startError(url: url)
        let unavailable = try #require(error as? DatabaseUnavailableError)
        #expect(unavailable.description.contains("tsunagu_no_such_database\" does not exist"))
    }

    private func startError(url: String) async -> (any Error)? {
        do {
            var configuration = ServerConfiguration()
            configuration.databaseURL = try DatabaseURL(url, setting: "DATABASE_URL")
            let app = try await Application.make(.testing)
            do {
                try await app.configureTsunagu(configuration)
            } catch {
                try? await app.asyncShutdown()
                return error
            }
            try? await app.asyncShutdown()
            return nil
        } catch {
            return error
        }
    }

    /// A loopback TCP port nothing listens on (bound, read, closed).
    private func unusedTCPPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                guard bind(descriptor, generic, length) == 0, getsockname(descriptor, generic, &length) == 0 else {
                    throw POSIXError(.EADDRINUSE)
                }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
