import Foundation
import Logging
import NIOPosix
import PostgresKit
import PostgresNIO

@testable import TsunaguServer

/// The database a test's server runs on: a SQLite file of its own, or, when `TSUNAGU_TEST_POSTGRES_URL` names a
/// PostgreSQL server (the test command's second run), a database of its own created on that server for the test.
enum TestDatabase {
    /// The PostgreSQL server's URL (its maintenance database, e.g. `postgresql://postgres@127.0.0.1:5433/postgres`).
    static let postgresServer = ProcessInfo.processInfo.environment["TSUNAGU_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    static var isPostgres: Bool { postgresServer != nil }
    static var isSQLite: Bool { !isPostgres }

    /// A new empty database on the test server, with the URL to reach it.
    static func create() async throws -> DatabaseURL? {
        guard let server = postgresServer else { return nil }
        let name = "tsunagu_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await run("CREATE DATABASE \"\(name)\"", on: server)
        var components = URLComponents(string: server)!
        components.path = "/" + name
        return try DatabaseURL(components.string!, setting: "TSUNAGU_TEST_POSTGRES_URL")
    }

    /// Nothing to do on SQLite (the test removes its folder). A PostgreSQL test database is left for the cluster to
    /// take with it: the test command's cluster is thrown away whole, and every DROP DATABASE would make the server
    /// checkpoint.
    static func drop(_ url: DatabaseURL?) async {}

    /// Cuts the test's PostgreSQL database off (its connections are ended and no new one is let in), or lets it back:
    /// the database going away mid-shift, as far as the server can tell.
    static func setReachable(_ url: DatabaseURL, _ reachable: Bool) async throws {
        guard let server = postgresServer, let name = URLComponents(string: url.text)?.path.dropFirst() else { return }
        try await run("ALTER DATABASE \"\(name)\" ALLOW_CONNECTIONS \(reachable)", on: server)
        if !reachable {
            try await run(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)' AND pid <> pg_backend_pid()",
                on: server)
        }
    }

    /// Servers alive at once on PostgreSQL. Swift Testing runs every test at once, and each server opens up to a
    /// dozen connections (its pool and its dedicated ones): the cluster's max_connections would run out.
    static let slots = TestAppSlots(count: 24)

    private static func run(_ statement: String, on server: String) async throws {
        let configuration = try SQLPostgresConfiguration(url: server).coreConfiguration
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1,
            logger: Logger(label: "tsunagu.test-database"))
        do {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: connection.logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}

/// At most `count` test servers at once; the others wait their turn.
actor TestAppSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) {
        free = count
    }

    func take() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func give() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
