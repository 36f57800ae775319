/// Work that outlives the call that starts it (a simulated call's timeline, a SIP call's report relay, a phone
/// screen's input loop) runs as a child of one long-running `run()`, never as a free-floating `Task`: whoever owns
/// the work runs `run()` as part of its lifecycle, and cancelling that (the server shutting down) cancels every child
/// and waits for it. Work started before `run()` begins waits for it.
public final class ChildTasks: Sendable {
    public typealias Work = @Sendable () async -> Void

    private struct Job: Sendable {
        var work: Work
    }

    private let jobs: AsyncStream<Job>
    private let submit: AsyncStream<Job>.Continuation

    public init() {
        (jobs, submit) = AsyncStream.makeStream(of: Job.self)
    }

    /// Starts `work` as a child of `run()`.
    public func start(_ work: @escaping Work) {
        submit.yield(Job(work: work))
    }

    /// Runs the children until the calling task is cancelled, then cancels them and waits for every one.
    public func run() async {
        await withDiscardingTaskGroup { group in
            for await job in jobs {
                group.addTask { await job.work() }
            }
            group.cancelAll()
        }
    }
}
