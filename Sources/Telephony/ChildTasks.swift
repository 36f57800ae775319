import Foundation
import Synchronization

/// Work that outlives the call that starts it (a simulated call's timeline, a SIP call's report relay, a phone
/// screen's input loop) runs as a child of one long-running `run()`, never as a free-floating `Task`: whoever owns
/// the work runs `run()` as part of its lifecycle, and cancelling that (the server shutting down) cancels every child
/// and waits for it. Work started before `run()` begins waits for it; a keyed child can be cancelled alone.
public final class ChildTasks: Sendable {
    public typealias Work = @Sendable () async -> Void

    private struct Job: Sendable {
        var key: Key?
        var work: Work
    }

    /// Identifies a child that can be cancelled on its own (for example a call's timeline, cancelled at hang-up).
    public typealias Key = UUID

    private let jobs: AsyncStream<Job>
    private let submit: AsyncStream<Job>.Continuation
    private let stops = Mutex<[Key: StopSignal]>([:])

    public init() {
        (jobs, submit) = AsyncStream.makeStream(of: Job.self)
    }

    /// Starts `work` as a child of `run()`.
    public func start(_ work: @escaping Work) {
        submit.yield(Job(key: nil, work: work))
    }

    /// Starts `work` as a child that `cancel(key)` ends early.
    public func start(key: Key, _ work: @escaping Work) {
        stops.withLock { $0[key] = StopSignal() }
        submit.yield(Job(key: key, work: work))
    }

    /// Cancels the child started with `key`, if it is still running.
    public func cancel(_ key: Key) {
        stops.withLock { $0.removeValue(forKey: key) }?.fire()
    }

    /// Runs the children until the calling task is cancelled, then cancels them and waits for every one.
    public func run() async {
        await withDiscardingTaskGroup { group in
            for await job in jobs {
                group.addTask { await self.perform(job) }
            }
            group.cancelAll()
        }
    }

    private func perform(_ job: Job) async {
        guard let key = job.key else { return await job.work() }
        guard let stop = stops.withLock({ $0[key] }) else { return }  // cancelled before it began
        await withTaskGroup(of: Void.self) { race in
            race.addTask { await job.work() }
            race.addTask { await stop.wait() }
            await race.next()
            race.cancelAll()
            stop.fire()
        }
        stops.withLock { if $0[key] === stop { $0[key] = nil } }
    }
}

/// Fired once; `wait()` returns when it is fired or when its task is cancelled.
private final class StopSignal: Sendable {
    private enum State {
        case idle
        case waiting(CheckedContinuation<Void, Never>)
        case fired
    }

    private let state = Mutex(State.idle)

    func fire() {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            defer { state = .fired }
            if case .waiting(let continuation) = state { return continuation }
            return nil
        }
        waiter?.resume()
    }

    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow: Bool = state.withLock { state in
                    if case .idle = state {
                        state = .waiting(continuation)
                        return false
                    }
                    return true
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            fire()
        }
    }
}
