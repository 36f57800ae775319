import Foundation

/// Start-up settings, read once from the environment at the edge (`tsunagu --help` lists them).
public struct ServerConfiguration: Sendable {
    /// Address to listen on (`HOST`). Loopback by default: exposing the server is a deliberate choice.
    public var host = "127.0.0.1"
    /// Port to listen on (`PORT`).
    public var port = 8080
    /// SQLite file (`DATABASE_PATH`); its folder is created when missing.
    public var databasePath = "data/tsunagu.sqlite"
    /// Folder for files the server writes (mail outbox, uploads) (`DATA_DIRECTORY`).
    public var dataDirectory = "data"
    /// `simulated` or `sip` (`TELEPHONY`).
    public var telephony = "simulated"
    /// Run pending migrations when serving (`AUTO_MIGRATE`, default on).
    public var autoMigrate = true

    public init() {}

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Self {
        var configuration = ServerConfiguration()
        if let host = environment["HOST"], !host.isEmpty { configuration.host = host }
        if let port = environment["PORT"].flatMap(Int.init), (1...65535).contains(port) { configuration.port = port }
        if let data = environment["DATA_DIRECTORY"], !data.isEmpty {
            configuration.dataDirectory = data
            configuration.databasePath = (data as NSString).appendingPathComponent("tsunagu.sqlite")
        }
        if let path = environment["DATABASE_PATH"], !path.isEmpty { configuration.databasePath = path }
        if let telephony = environment["TELEPHONY"], !telephony.isEmpty { configuration.telephony = telephony }
        if let flag = environment["AUTO_MIGRATE"] { configuration.autoMigrate = !["0", "false", "no"].contains(flag.lowercased()) }
        return configuration
    }

    /// What `tsunagu --help` prints about the environment.
    public static let environmentHelp = """
        Environment (read once at start-up):
          HOST            address to listen on (default 127.0.0.1)
          PORT            port to listen on (default 8080)
          DATABASE_PATH   SQLite database file (default data/tsunagu.sqlite)
          DATA_DIRECTORY  folder for the database, mail outbox and uploads (default data)
          TELEPHONY       simulated | sip (default simulated)
          AUTO_MIGRATE    run pending migrations on start (default true)
        """
}
