import Foundation
import Synchronization
import Telephony
import Testing

/// Long-running work as children of one `run()`: started early, and all ended by cancelling the run.
@Suite struct ChildTasksTests {
    final class Log: Sendable {
        private let entries = Mutex<[String]>([])
        func add(_ entry: String) { entries.withLock { $0.append(entry) } }
        var all: [String] { entries.withLock { $0 } }
    }

    /// Work started before `run()` begins waits for it, then runs.
    @Test func workStartedEarlyRunsOnceRunBegins() async throws {
        let tasks = ChildTasks()
        let log = Log()
        tasks.start { log.add("ran") }
        try await Task.sleep(for: .milliseconds(20))
        #expect(log.all.isEmpty)
        let running = Task { await tasks.run() }
        try await eventually { log.all == ["ran"] }
        running.cancel()
        await running.value
    }

    /// Cancelling `run()` cancels every child and returns only once each has ended.
    @Test func cancellingRunWaitsForEveryChild() async throws {
        let tasks = ChildTasks()
        let log = Log()
        let running = Task { await tasks.run() }
        for index in 0..<3 {
            tasks.start {
                try? await Task.sleep(for: .seconds(30))
                // Still running after the cancellation: run() must wait for this.
                try? await Task.sleep(for: .milliseconds(0))
                log.add("ended \(index)")
            }
        }
        try await Task.sleep(for: .milliseconds(20))
        running.cancel()
        await running.value
        #expect(Set(log.all) == ["ended 0", "ended 1", "ended 2"])
    }

    private func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<500 where !condition() { try await Task.sleep(for: .milliseconds(2)) }
        #expect(condition())
    }
}
