import FluentKit
import Foundation
import SQLKit
import TsunaguCore

/// The one writer of the phone screens' changes. Writes that arrive while a commit is in progress are committed
/// together in the next transaction (group commit), so many agents share one fsync instead of queueing for one
/// each; every write still returns only once it is durable. When a write of a batch fails, the batch is run again
/// with each write in its own savepoint, so the failing one is undone alone and the others still commit.
///
/// The phone screens' own commits come as data (`DeskChanges`): a batch of them is stored with one statement per
/// kind of change, so the cost of a batch hardly grows with the number of screens in it.
actor DurableWriter {
    private enum Work: Sendable {
        case code(@Sendable (any Database) async throws -> Void)
        case desk(DeskChanges)
    }

    private struct Job: Sendable {
        var work: Work
        /// Resumed once the work is durable, with the new call attempts the calling rules held back.
        var done: CheckedContinuation<[UUID: DialRefusal], any Error>
    }

    static let maximumBatch = 64

    private let database: @Sendable () -> any Database
    /// Tenant settings decoded by the check before a dial, reused while their stored text is unchanged.
    private let settingsCache = TenantSettingsCache()
    private var queue: [Job] = []
    private var draining = false
    private var stopped = false
    /// Wakes `run()` when writes arrive while it is idle.
    private let wakeUps: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    init(database: @escaping @Sendable () -> any Database) {
        self.database = database
        (wakeUps, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Commits what is queued, batch after batch, until the calling task is cancelled: the writer's one long-running
    /// loop, run by its owner as part of the server's lifecycle. Writes still queued then fail; nothing waits forever.
    nonisolated func run() async {
        for await _ in wakeUps { await drain() }
        await stop()
    }

    private func stop() {
        stopped = true
        let left = queue
        queue = []
        for job in left { job.done.resume(throwing: DurableWriterError.stopped) }
    }

    /// Runs `work` in a transaction and returns once it is committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let result = ResultBox<T>()
        _ = try await enqueue(.code { database in result.value = try await work(database) })
        return result.value!
    }

    /// Stores a phone screen's commit and returns once it is committed, with the new call attempts the calling
    /// rules held back (those were not recorded).
    @discardableResult
    func write(_ changes: DeskChanges) async throws -> [UUID: DialRefusal] {
        try await enqueue(.desk(changes))
    }

    private func enqueue(_ work: Work) async throws -> [UUID: DialRefusal] {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<[UUID: DialRefusal], any Error>) in
            guard !stopped else { return done.resume(throwing: DurableWriterError.stopped) }
            queue.append(Job(work: work, done: done))
            if !draining {
                draining = true
                wake.yield()
            }
        }
    }

    private func drain() async {
        while !queue.isEmpty {
            // A bounded batch: one huge transaction would keep every write in it waiting for the slowest.
            let batch = Array(queue.prefix(Self.maximumBatch))
            queue.removeFirst(batch.count)
            let outcomes: [Result<[UUID: DialRefusal], any Error>]
            do {
                let refusals = try await commit(batch)
                outcomes = batch.map { job in
                    guard case .desk(let changes) = job.work, !refusals.isEmpty else { return .success([:]) }
                    return .success(refusals.filter { id, _ in changes.newAttempts.contains { $0.id == id } })
                }
            } catch {
                // Something in the batch failed and the whole transaction was rolled back: run it again with each
                // write in its own savepoint, so only the failing ones fail.
                do {
                    outcomes = try await commitIsolated(batch)
                } catch {
                    outcomes = Array(repeating: .failure(error), count: batch.count)
                }
            }
            for (job, outcome) in zip(batch, outcomes) { job.done.resume(with: outcome) }
        }
        draining = false
    }

    /// The common case: every write of the batch in one transaction, no savepoints.
    private func commit(_ batch: [Job]) async throws -> [UUID: DialRefusal] {
        let settingsCache = settingsCache
        return try await database().transaction { transaction in
            try await transaction.takeSQLiteWriteLock()
            var desks: [DeskChanges] = []
            for job in batch {
                switch job.work {
                case .code(let work): try await work(transaction)
                case .desk(let changes): desks.append(changes)
                }
            }
            return try await DeskChangesWriter(database: transaction, settingsCache: settingsCache).store(desks)
        }
    }

    private static func run(
        _ work: Work, in transaction: any Database, settingsCache: TenantSettingsCache
    ) async throws -> [UUID: DialRefusal] {
        switch work {
        case .code(let work):
            try await work(transaction)
            return [:]
        case .desk(let changes):
            return try await DeskChangesWriter(database: transaction, settingsCache: settingsCache).store([changes])
        }
    }

    private func commitIsolated(_ batch: [Job]) async throws -> [Result<[UUID: DialRefusal], any Error>] {
        let settingsCache = settingsCache
        return try await database().transaction { transaction in
            let sql = transaction.sql
            try await transaction.takeSQLiteWriteLock()
            var outcomes: [Result<[UUID: DialRefusal], any Error>] = []
            for job in batch {
                try await sql.raw("SAVEPOINT tsunagu_write").run()
                do {
                    let refusals = try await Self.run(job.work, in: transaction, settingsCache: settingsCache)
                    try await sql.raw("RELEASE tsunagu_write").run()
                    outcomes.append(.success(refusals))
                } catch {
                    try await sql.raw("ROLLBACK TO tsunagu_write").run()
                    try await sql.raw("RELEASE tsunagu_write").run()
                    outcomes.append(.failure(error))
                }
            }
            return outcomes
        }
    }
}

/// Holds a write's result until its commit is confirmed.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var value: T?
}

enum DurableWriterError: Error {
    /// The server is stopping: the writer takes no more writes.
    case stopped
}
