import FluentKit
import FluentSQLiteDriver
import Logging
import NIOCore
import NIOPosix
import Vapor

/// A SQLite connection with a database thread and an event loop of its own, for work that must neither wait behind
/// the pages nor hold them up. The app's pool has one connection per event loop, each running one statement at a
/// time on the shared thread pool's two threads: the phone screens' writer queued behind page and board reads there,
/// and a board's full read (a second of counting on a large list) held up every page on its loop.
final class DedicatedDatabase: Sendable {
    let database: any Database
    private let group: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool
    private let databases: Databases

    init(path: String, id: DatabaseID, logger: Logger) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: group)
        databases.use(.sqlite(.file(path), sqlLogLevel: nil), as: id)
        database = databases.database(id, logger: logger, on: group.next())!
    }

    /// Full sync, sleeping while another connection holds the lock, and a larger page cache (as the app's own).
    func prepare() async throws {
        try await SQLitePragmas.apply(to: database)
    }

    func shutdown() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
        try? await group.shutdownGracefully()
    }
}

/// Closes the dedicated connections after the work using them has stopped (handlers shut down in the reverse order of
/// their registration, and this one is registered first).
struct DedicatedDatabasesLifecycle: LifecycleHandler {
    let databases: [DedicatedDatabase]

    func shutdownAsync(_ application: Application) async {
        for database in databases { await database.shutdown() }
    }
}
