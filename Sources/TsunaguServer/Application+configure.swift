import Fluent
import FluentSQLiteDriver
import Foundation
import Leaf
import LeafKit
import NIOSSL
import SQLKit
import Vapor

extension Application {
    /// Sets up the whole server: database, migrations, sessions, views, routes. `tsunagu` and the tests both call it.
    package func configureTsunagu(_ configuration: ServerConfiguration) async throws {
        storage[ConfigurationKey.self] = configuration
        http.server.configuration.hostname = configuration.host
        http.server.configuration.port = configuration.port
        if let certificate = configuration.tlsCertificatePath, let key = configuration.tlsKeyPath {
            // Ordinary TLS with the operator's certificate: agents import no root certificate (unlike manual §2-1;
            // docs/ARCHITECTURE.md#where-tsunagu-differs-from-the-manual).
            http.server.configuration.tlsConfiguration = .makeServerConfiguration(
                certificateChain: try Self.certificateChain(certificate), privateKey: try Self.privateKey(key))
        }
        let recipe = DatabaseConnectionRecipe(configuration: configuration)
        try await useTsunaguDatabase(recipe)
        // The phone screens' writer, the managers' boards and the WAL's upkeep have a connection, a thread and an
        // event loop each of their own: a long commit, a board's full read or a checkpoint never holds up the pages,
        // nor waits behind them.
        let dedicated = DedicatedDatabases(
            writer: try DedicatedDatabase(recipe, id: .deskWriter, logger: logger),
            floor: try DedicatedDatabase(recipe, id: .floorReader, logger: logger),
            upkeep: try DedicatedDatabase(recipe, id: .upkeep, logger: logger))
        lifecycle.use(DedicatedDatabasesLifecycle(databases: dedicated.all))
        for database in dedicated.all { try await database.prepare() }
        storage[DedicatedDatabasesKey.self] = dedicated
        if !recipe.isPostgres {
            // PostgreSQL checkpoints and gathers its planner statistics itself (autovacuum).
            lifecycle.use(WALCheckpointer.task())
            lifecycle.use(PlannerStatisticsRefresher.task())
        }

        migrations.add(TsunaguMigrations.all)
        migrations.add(SessionRecord.migration)
        sessions.use { _ in WriterSessions() }
        sessions.configuration.cookieName = "tsunagu_session"
        let secureCookies = configuration.servesTLS
        sessions.configuration.cookieFactory = { id in
            HTTPCookies.Value(string: id.string, isSecure: secureCookies, isHTTPOnly: true, sameSite: .lax)
        }

        let resources = Bundle.module.bundleURL.appendingPathComponent("Resources")
        directory.viewsDirectory = resources.appendingPathComponent("Views").path + "/"
        directory.publicDirectory = resources.appendingPathComponent("Public").path + "/"
        views.use(.leaf)
        // The views live in the build's resource bundle, under `.build`: allow that hidden folder.
        leaf.sources = .singleSource(
            NIOLeafFiles(
                fileio: fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: directory.viewsDirectory,
                viewDirectory: directory.viewsDirectory))
        middleware.use(FileMiddleware(publicDirectory: directory.publicDirectory))
        middleware.use(sessions.middleware)
        middleware.use(SessionUserMiddleware())
        middleware.use(CSRFMiddleware())
        middleware.use(PageErrorMiddleware())

        if let url = configuration.databaseURL {
            // Several instances may share the database: the boards and the screens follow the others' changes.
            let bus = try PostgresFloorEventBus(url: url, instance: serverInstance.id, logger: logger)
            useFloor(bus: bus)
            applicationTasks.start { await bus.run() }
        } else {
            useFloor(bus: LocalFloorEventBus())
        }
        switch configuration.telephony {
        case .simulated: useSimulatedCarrier()
        case .sip: try useSIPTrunk()
        }
        lifecycle.use(DeskRegistryLifecycle())
        try routes()
    }

    /// The configuration the server was started with.
    var tsunaguConfiguration: ServerConfiguration {
        storage[ConfigurationKey.self] ?? ServerConfiguration()
    }

    /// `TLS_CERT`'s chain; a file NIOSSL cannot read is refused naming the variable, like a bad value.
    private static func certificateChain(_ path: String) throws(ConfigurationError) -> [NIOSSLCertificateSource] {
        do {
            return try NIOSSLCertificate.fromPEMFile(path).map { .certificate($0) }
        } catch {
            throw .unreadable(
                "TLS_CERT", path: path, accepts: "a readable PEM certificate chain file", reason: "\(error)")
        }
    }

    /// `TLS_KEY`'s private key, refused like `certificateChain`.
    private static func privateKey(_ path: String) throws(ConfigurationError) -> NIOSSLPrivateKeySource {
        do {
            return .privateKey(try NIOSSLPrivateKey(file: path, format: .pem))
        } catch {
            throw .unreadable("TLS_KEY", path: path, accepts: "a readable PEM private key file", reason: "\(error)")
        }
    }

    private func routes() throws {
        try register(collection: HealthController())
        try register(collection: LoginController())
        try register(collection: PasswordResetController())
        try register(collection: SessionAPIController())
        let signedIn = grouped(RequireSignInMiddleware())
        try signedIn.register(collection: FloorController())
        try signedIn.register(collection: CustomerListController())
        try signedIn.register(collection: UserInfoController())
        try signedIn.register(collection: CustomerImportController())
        try signedIn.register(collection: CallListController())
        try signedIn.register(collection: CustomerEditController())
        try signedIn.register(collection: PhoneController())
        try signedIn.register(collection: CallLogController())
        try signedIn.register(collection: CustomerBulkController())
        try signedIn.register(collection: HolidayAPIController())
        try signedIn.register(collection: CalendarController())
        try signedIn.register(collection: CallListRulesController())
        try signedIn.register(collection: CallbackController())
        try signedIn.grouped(RequirePermissionMiddleware { $0.canManageUsers })
            .register(collection: AdminUsersController())
        try signedIn.grouped(RequirePermissionMiddleware { $0.canManageSettings })
            .register(collection: TenantSettingsController())
        try signedIn.grouped(RequirePermissionMiddleware { $0.canViewReports })
            .register(collection: ReportController())
        let doNotCall = signedIn.grouped(RequirePermissionMiddleware { $0.canManageDoNotCall })
        try doNotCall.register(collection: DoNotCallController())
        try doNotCall.register(collection: DoNotCallImportController())
        try doNotCall.register(collection: DoNotCallExportController())
    }
}

extension DatabaseID {
    /// The connection of the phone screens' group-commit writer (`DedicatedDatabase`).
    static let deskWriter = DatabaseID(string: "desk-writer")
    /// The connection the managers' boards read on (`DedicatedDatabase`).
    static let floorReader = DatabaseID(string: "floor-reader")
    /// The connection of the WAL checkpoints and the planner statistics (`DedicatedDatabase`).
    static let upkeep = DatabaseID(string: "upkeep")
}

/// The settings every SQLite connection of the server gets.
enum SQLitePragmas {
    static func apply(to database: any Database) async throws {
        let connection = database.sql
        try await connection.raw("PRAGMA synchronous=FULL").run()
        // A lock held by another connection is waited for by sleeping (SQLiteNIO's own busy handler retries at
        // once, spinning a core).
        try await connection.raw("PRAGMA busy_timeout=10000").run()
        // A page cache of 16 MB per connection (SQLite's default is 2 MB): reads then stop going to the kernel for
        // every B-tree page.
        try await connection.raw("PRAGMA cache_size=-16384").run()
    }
}

/// The server's connections of their own (`DedicatedDatabase`).
struct DedicatedDatabases: Sendable {
    var writer: DedicatedDatabase
    var floor: DedicatedDatabase
    var upkeep: DedicatedDatabase

    var all: [DedicatedDatabase] { [writer, floor, upkeep] }
}

struct DedicatedDatabasesKey: StorageKey {
    typealias Value = DedicatedDatabases
}

extension Application {
    /// The phone screens' writer's own connection, the boards' one and the WAL upkeep's, set up by
    /// `configureTsunagu`.
    var dedicatedDatabases: DedicatedDatabases {
        guard let databases = storage[DedicatedDatabasesKey.self] else {
            fatalError("configureTsunagu sets up the dedicated connections")
        }
        return databases
    }
}

private struct ConfigurationKey: StorageKey {
    typealias Value = ServerConfiguration
}
