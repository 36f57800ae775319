import Foundation
import NIOCore
import NIOPosix
import WebSocketKit

/// The phone screen's figure: one real `tsunagu serve` process, many agents on WebSockets auto-dialling on the simulated
/// carrier at a high time scale. Prints calls per second, the time from an agent's edit to its acknowledgement
/// (sent after the commit), the server's memory, and checks the database for lost or duplicated results.
struct PhoneBenchmark {
    var agents: Int
    var seconds: Double
    var timeScale: Double
    var rowsPerAgent: Int
    /// Simulated seconds an agent talks on an answered call, on average (divided by the time scale, like the
    /// carrier's times).
    var talkSeconds: Double
    /// Managers' 稼働状況 boards open during the run (BENCH_BOARDS): the delay from each state change to them, and
    /// `GET /api/v1/floor` once a second.
    var boards = 0
    /// `tsunagu serve` processes on the one database (BENCH_INSTANCES; several need BENCH_DATABASE_URL): agent k
    /// signs in and works on instance k mod n, the boards on the first.
    var instances = 1

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tsunagu-phone-bench-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        report(
            "phone screen: \(agents) agents on \(instances) instance(s), \(rowsPerAgent) rows each, \(Int(seconds)) s at time"
                + " scale \(Int(timeScale)), \(Int(talkSeconds)) s of talk per answered call")
        try await PhoneBenchmarkSeed.seed(dataDirectory: folder, agents: agents, rowsPerAgent: rowsPerAgent)
        report("  " + DurableCommitCost.line(try await DurableCommitCost.measure(dataDirectory: folder)))

        var servers: [BenchmarkServer] = []
        defer { for server in servers where server.process.isRunning { server.stop() } }
        for _ in 0..<max(1, instances) {
            servers.append(
                try await BenchmarkServer(
                    dataDirectory: folder, environment: ["SIMULATED_TIME_SCALE": String(timeScale)]))
        }
        let server = servers[0]
        let port = server.port
        let instanceServers = servers

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let metrics = PhoneBenchmarkMetrics()
        // Everyone signs in and opens the screen first; then all start dialling at once.
        let cookies = try await withThrowingTaskGroup(of: (Int, String).self) { tasks in
            for agent in 0..<agents {
                tasks.addTask {
                    (
                        agent,
                        try await instanceServers[agent % instanceServers.count].signIn(
                            tenant: PhoneBenchmarkSeed.tenantCode, loginID: PhoneBenchmarkSeed.loginID(agent),
                            password: PhoneBenchmarkSeed.password)
                    )
                }
            }
            return try await tasks.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
        }
        var bots: [PhoneBenchmarkAgent] = []
        for agent in 0..<agents {
            bots.append(
                try await connect(
                    port: instanceServers[agent % instanceServers.count].port, cookie: cookies[agent]!,
                    loginID: PhoneBenchmarkSeed.loginID(agent), group: group,
                    metrics: metrics))
        }
        while try await !allReady(bots, group: group) { try await Task.sleep(for: .milliseconds(100)) }
        report("  \(bots.count) agents signed in with the screen open; downloading")
        // The downloads first, so the measured window is the steady state of dialling, not 500 claims at once.
        let downloadStart = DispatchTime.now().uptimeNanoseconds
        for bot in bots { bot.download() }
        while try await !allDownloaded(bots, group: group) { try await Task.sleep(for: .milliseconds(100)) }
        let downloadSeconds = Double(DispatchTime.now().uptimeNanoseconds - downloadStart) / 1e9
        report("  every agent has its rows (\(String(format: "%.1f", downloadSeconds)) s); dialling")
        // The boards get their own event loop: parsing their pushes must not hold up the agents' sockets.
        let boardGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var watchers: [FloorBoardWatcher] = []
        var floorPoll: Task<[Double], Never>?
        var managerCookie: String?
        if boards > 0 {
            let manager = try await server.signIn(
                tenant: PhoneBenchmarkSeed.tenantCode, loginID: PhoneBenchmarkSeed.managerLoginID,
                password: PhoneBenchmarkSeed.password)
            for _ in 0..<boards {
                watchers.append(try await FloorBoardWatcher.connect(port: port, cookie: manager, group: boardGroup))
            }
            managerCookie = manager
            floorPoll = Task {
                var seconds: [Double] = []
                while !Task.isCancelled {
                    if let answer = try? await server.get("/api/v1/floor", cookie: manager), answer.status == 200 {
                        seconds.append(answer.seconds * 1000)
                    }
                    try? await Task.sleep(for: .seconds(1))
                }
                return seconds
            }
            report("  \(boards) boards open")
        }
        for bot in bots { bot.begin(within: .seconds(1)) }

        let start = DispatchTime.now().uptimeNanoseconds
        var peakMemory = 0
        let dialsAtStart = metrics.dials
        while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds {
            try await Task.sleep(for: .seconds(1))
            peakMemory = max(peakMemory, servers.map(\.residentMemory).max() ?? 0)
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let dials = metrics.dials - dialsAtStart
        for bot in bots { bot.stop() }
        // Let every call in progress end (answered ones are hung up by the agents, the rest ring out).
        let deadline = Date().addingTimeInterval(30 + 120 / timeScale)
        while Date() < deadline, try await anyCallActive(bots, group: group) {
            try await Task.sleep(for: .milliseconds(200))
        }
        try await Task.sleep(for: .seconds(1))
        var acknowledged: [String: String] = [:]
        for bot in bots {
            let memos = try await group.any().submit { bot.acknowledgedMemos }.get()
            acknowledged.merge(memos) { _, new in new }
        }
        for bot in bots { await bot.close() }
        floorPoll?.cancel()
        let floorSeconds = (await floorPoll?.value ?? []).sorted()
        // The same JSON once the floor is quiet: what serving it costs, without 500 agents' load on the two cores.
        var floorAtRest: [Double] = []
        if let managerCookie {
            for _ in 0..<100 {
                if let answer = try? await server.get("/api/v1/floor", cookie: managerCookie), answer.status == 200 {
                    floorAtRest.append(answer.seconds * 1000)
                }
            }
            floorAtRest.sort()
        }
        let boardDelays = watchers.flatMap(\.changeDelays).sorted()
        for watcher in watchers { await watcher.close() }
        for server in servers { server.stop() }
        try await group.shutdownGracefully()
        try await boardGroup.shutdownGracefully()

        let audit = try await PhoneBenchmarkSeed.audit(dataDirectory: folder)
        let lost = acknowledged.filter { audit.memos[$0.key] != $0.value }.count
        report(
            "  calls placed:                \(format(Double(dials))) (\(String(format: "%.1f", Double(dials) / elapsed))/s)"
        )
        report(
            "  calls in the database:       \(audit.callAttempts) placed, \(audit.endedCalls) ended, \(audit.answeredCalls) answered"
        )
        report(
            "  edit → commit → screen:      p50 \(String(format: "%.1f", metrics.editPercentile(0.5))) ms, p99 \(String(format: "%.1f", metrics.editPercentile(0.99))) ms over \(metrics.editCount) memos (target p99 < 50 ms)"
        )
        report("  failed edits:                \(metrics.failedEdits)")
        report("  server memory (peak RSS):    \(peakMemory / 1024) MB per instance (target < 500 MB)")
        report("  acknowledged memos missing:  \(lost) of \(acknowledged.count)")
        report("  rows on two screens:         \(audit.rowsOnTwoScreens)")
        report("  calls seen by agents vs db:  \(metrics.dials) vs \(audit.callAttempts)")
        if boards > 0 {
            func percentile(_ values: [Double], _ fraction: Double) -> Double {
                values.isEmpty ? .nan : values[min(values.count - 1, Int(Double(values.count) * fraction))]
            }
            report(
                "  state change → \(boards) boards:   p50 \(String(format: "%.0f", percentile(boardDelays, 0.5))) ms, p99 \(String(format: "%.0f", percentile(boardDelays, 0.99))) ms over \(boardDelays.count) changes seen (target p99 < 1,000 ms)"
            )
            report(
                "  GET /api/v1/floor (\(agents) agents): p50 \(String(format: "%.1f", percentile(floorSeconds, 0.5))) ms, p99 \(String(format: "%.1f", percentile(floorSeconds, 0.99))) ms over \(floorSeconds.count) requests during the run, p50 \(String(format: "%.1f", percentile(floorAtRest, 0.5))) ms, p99 \(String(format: "%.1f", percentile(floorAtRest, 0.99))) ms over \(floorAtRest.count) once quiet (target p99 < 50 ms)"
            )
        }
    }

    private func allReady(_ bots: [PhoneBenchmarkAgent], group: any EventLoopGroup) async throws -> Bool {
        for bot in bots where try await !group.any().submit({ bot.ready }).get() { return false }
        return true
    }

    private func allDownloaded(_ bots: [PhoneBenchmarkAgent], group: any EventLoopGroup) async throws -> Bool {
        for bot in bots where try await group.any().submit({ bot.rowCount }).get() == 0 { return false }
        return true
    }

    private func anyCallActive(_ bots: [PhoneBenchmarkAgent], group: any EventLoopGroup) async throws -> Bool {
        for bot in bots where try await group.any().submit({ bot.callActive }).get() { return true }
        return false
    }

    private func connect(
        port: Int, cookie: String, loginID: String, group: any EventLoopGroup, metrics: PhoneBenchmarkMetrics
    ) async throws -> PhoneBenchmarkAgent {
        try await PhoneBenchmarkAgent.connect(
            port: port, cookie: cookie, loginID: loginID, group: group, metrics: metrics,
            talk: .nanoseconds(Int64(talkSeconds / timeScale * 1e9)))
    }

}
