import FluentKit
import FluentSQLiteDriver
import Logging
import NIOCore
import NIOPosix
import Vapor

/// A database connection with a database thread and an event loop of its own, for work that must neither wait behind
/// the pages nor hold them up (on PostgreSQL, a connection of its own on an event loop of its own). The app's pool has one connection per event loop, each running one statement at a
/// time on the shared thread pool's two threads: the phone screens' writer queued behind page and board reads there,
/// and a board's full read (a second of counting on a large list) held up every page on its loop.
final class DedicatedDatabase: Sendable {
    let database: any Database
    private let group: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool
    private let databases: Databases

    private let recipe: DatabaseConnectionRecipe

    init(_ recipe: DatabaseConnectionRecipe, id: DatabaseID, logger: Logger) throws {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: group)
        self.recipe = recipe
        databases.use(try recipe.factory(connectionsPerEventLoop: 1), as: id)
        database = databases.database(id, logger: logger, on: group.next())!
    }

    /// Full sync, sleeping while another connection holds the lock, and a larger page cache (as the app's own).
    func prepare() async throws {
        try await recipe.prepare(database)
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
