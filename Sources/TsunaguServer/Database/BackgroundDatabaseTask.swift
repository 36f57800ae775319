import FluentKit
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Work on the database in the background, from boot to shutdown: first after `initialDelay`, then every `interval`.
/// A failed run is logged and the next one comes as planned. It runs on the upkeep's own connection
/// (`DedicatedDatabases.upkeep`): a checkpoint that copies and syncs the log for a while then holds up no page.
final class BackgroundDatabaseTask: LifecycleHandler, Sendable {
    let name: String
    let initialDelay: TimeAmount
    let interval: TimeAmount
    let work: @Sendable (any Database) async throws -> Void
    private let task = NIOLockedValueBox<RepeatedTask?>(nil)

    init(
        _ name: String, initialDelay: TimeAmount, interval: TimeAmount,
        work: @escaping @Sendable (any Database) async throws -> Void
    ) {
        self.name = name
        self.initialDelay = initialDelay
        self.interval = interval
        self.work = work
    }

    func didBootAsync(_ application: Application) async throws {
        let database = application.dedicatedDatabases.upkeep.database
        let logger = application.logger
        let eventLoop = application.eventLoopGroup.any()
        let (name, work) = (name, work)
        let repeated = eventLoop.scheduleRepeatedAsyncTask(initialDelay: initialDelay, delay: interval) { _ in
            let promise = eventLoop.makePromise(of: Void.self)
            promise.completeWithTask {
                do {
                    try await work(database)
                } catch {
                    logger.warning("\(name) failed: \(error)")
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
