import FluentKit
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Vapor

/// Copies SQLite's write-ahead log into the database file in the background, four times a second, with a passive
/// checkpoint that never blocks the writer or the readers. The phone screens' writer still checkpoints by itself
/// every 1,000 pages (that is what lets the log start over instead of growing), but by then nearly every page is
/// already copied, so its checkpoint no longer adds tens of milliseconds to the agents' commits waiting behind it.
final class WALCheckpointer: LifecycleHandler, Sendable {
    static let interval = TimeAmount.milliseconds(250)
    private let task = NIOLockedValueBox<RepeatedTask?>(nil)

    func didBootAsync(_ application: Application) async throws {
        let database = application.db
        let logger = application.logger
        let eventLoop = application.eventLoopGroup.any()
        let repeated = eventLoop.scheduleRepeatedAsyncTask(initialDelay: Self.interval, delay: Self.interval) { _ in
            let promise = eventLoop.makePromise(of: Void.self)
            promise.completeWithTask {
                do {
                    try await (database as! any SQLDatabase).raw("PRAGMA wal_checkpoint(PASSIVE)").run()
                } catch {
                    logger.warning("WAL checkpoint failed: \(error)")
                }
            }
            return promise.futureResult
        }
        task.withLockedValue { $0 = repeated }
    }

    func shutdownAsync(_ application: Application) async {
        task.withLockedValue { $0?.cancel() }
    }
}
