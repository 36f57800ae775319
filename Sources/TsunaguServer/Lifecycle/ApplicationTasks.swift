import Synchronization
import Telephony
import Vapor

/// The server's long-running work (the telephony provider's calls, the phone screens' writer and input loops): one
/// root task, started when the application is configured, runs each piece as its child; shutting the application
/// down cancels the root and waits until every child has ended. Nothing the server starts floats free of it.
final class ApplicationTasks: LifecycleHandler, Sendable {
    private let children = ChildTasks()
    private let root = Mutex<Task<Void, Never>?>(nil)

    init() {
        let children = children
        root.withLock { $0 = Task { await children.run() } }
    }

    /// Runs `work` as a child of the application until the application shuts down.
    func start(_ work: @escaping ChildTasks.Work) {
        children.start(work)
    }

    func shutdownAsync(_ application: Application) async {
        guard let task = root.withLock({ $0.take() }) else { return }
        task.cancel()
        await task.value
    }
}

extension Application {
    private struct ApplicationTasksKey: StorageKey {
        typealias Value = ApplicationTasks
    }

    /// The root of the server's long-running work, created with the application's configuration.
    var applicationTasks: ApplicationTasks {
        if let tasks = storage[ApplicationTasksKey.self] { return tasks }
        let tasks = ApplicationTasks()
        storage[ApplicationTasksKey.self] = tasks
        lifecycle.use(tasks)
        return tasks
    }
}
