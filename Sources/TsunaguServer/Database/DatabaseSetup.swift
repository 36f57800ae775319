import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import SQLKit
import Vapor

/// How one connection (or a pool of them) to the configured database is opened: the SQLite file, or PostgreSQL with
/// `DATABASE_URL`. The app's pool, the writer's, the boards' and the upkeep's connections all come from here.
struct DatabaseConnectionRecipe: Sendable {
    let configuration: ServerConfiguration

    /// PostgreSQL connections per event loop in the app's pool. SQLite runs one statement at a time per connection
    /// anyway; a PostgreSQL server runs each connection's statements in a process of its own.
    static let postgresConnectionsPerEventLoop = 4

    var isPostgres: Bool { configuration.databaseURL != nil }

    /// The driver's factory, with `connectionsPerEventLoop` connections at most (PostgreSQL; SQLite has one).
    func factory(connectionsPerEventLoop: Int) throws -> DatabaseConfigurationFactory {
        guard let url = configuration.databaseURL else {
            return .sqlite(.file(configuration.databasePath), sqlLogLevel: nil)
        }
        var postgres = try SQLPostgresConfiguration(url: url.text)
        // A result the agent sees as saved is committed to disk, as SQLite's synchronous=FULL: the server's default
        // could have been turned off for the cluster, so every connection asks for it.
        postgres.coreConfiguration.options.additionalStartupParameters = [
            ("synchronous_commit", "on"), ("application_name", "tsunagu"), ("TimeZone", "UTC"),
        ]
        return .postgres(
            configuration: postgres, maxConnectionsPerEventLoop: connectionsPerEventLoop,
            connectionPoolTimeout: .seconds(30), encodingContext: .default, decodingContext: .default,
            sqlLogLevel: .debug)
    }

    /// Settings each new SQLite connection needs; nothing on PostgreSQL (its are startup parameters).
    func prepare(_ database: any Database) async throws {
        guard !isPostgres else { return }
        try await SQLitePragmas.apply(to: database)
    }
}

extension Application {
    /// Opens the configured database as the app's default: creates the SQLite file's folder and switches it to WAL,
    /// or checks that the PostgreSQL server answers, naming `DATABASE_URL` when it does not.
    func useTsunaguDatabase(_ recipe: DatabaseConnectionRecipe) async throws {
        let configuration = recipe.configuration
        if let url = configuration.databaseURL {
            databases.use(
                try recipe.factory(connectionsPerEventLoop: DatabaseConnectionRecipe.postgresConnectionsPerEventLoop),
                as: .psql)
            do {
                try await db.sql.raw("SELECT 1").run()
            } catch {
                throw DatabaseUnavailableError(setting: "DATABASE_URL", target: url.redacted, reason: error)
            }
            return
        }
        let databaseFolder = (configuration.databasePath as NSString).deletingLastPathComponent
        if !databaseFolder.isEmpty {
            try FileManager.default.createDirectory(atPath: databaseFolder, withIntermediateDirectories: true)
        }
        databases.use(try recipe.factory(connectionsPerEventLoop: 1), as: .sqlite)
        // WAL lets readers and the writer work at once; with synchronous=FULL a commit survives a power cut.
        try await db.sql.raw("PRAGMA journal_mode=WAL").run()
        // The pool keeps one connection per event loop.
        for eventLoop in eventLoopGroup.makeIterator() {
            try await recipe.prepare(databases.database(.sqlite, logger: logger, on: eventLoop)!)
        }
    }
}

/// The database named by `setting` cannot be reached or refused us: `tsunagu` stops with this line.
struct DatabaseUnavailableError: Error, CustomStringConvertible {
    let setting: String
    let target: String
    let reason: any Error

    var description: String {
        "\(setting)=\(target) cannot be used: the database did not answer (\(Self.explain(reason))). "
            + "Check that the server runs, and the URL's host, port, user, password and database name"
    }

    /// PostgresNIO's errors print as a generic line unless asked for their server message.
    private static func explain(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)"
        }
        return String(describing: error)
    }
}
