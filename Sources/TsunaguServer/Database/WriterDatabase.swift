import FluentKit
import FluentSQLiteDriver
import Logging
import NIOCore
import NIOPosix
import Vapor

/// The phone screens' writer's own SQLite connection, with a database thread and an event loop of its own: its
/// statements never queue behind page and board reads for the shared thread pool's two threads, nor complete on an
/// event loop busy with hundreds of sockets.
final class WriterDatabase: Sendable {
    /// The loop the connection's statements complete on.
    let eventLoop: any EventLoop
    let database: any Database
    private let group: MultiThreadedEventLoopGroup
    private let threadPool: NIOThreadPool
    private let databases: Databases

    init(path: String, logger: Logger) {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: group)
        databases.use(.sqlite(.file(path), sqlLogLevel: nil), as: .deskWriter)
        eventLoop = group.next()
        database = databases.database(.deskWriter, logger: logger, on: eventLoop)!
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

/// Closes the writer's connection after the phone screens' sessions and the writer have stopped (handlers shut down
/// in the reverse order of their registration, and this one is registered first).
struct WriterDatabaseLifecycle: LifecycleHandler {
    let writerDatabase: WriterDatabase

    func shutdownAsync(_ application: Application) async {
        await writerDatabase.shutdown()
    }
}
