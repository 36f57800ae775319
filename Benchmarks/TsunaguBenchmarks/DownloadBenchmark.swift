import Foundation
import NIOCore
import NIOPosix
import WebSocketKit

/// ダウンロード at the start of a shift: a real server, a tenant of a million customers on one pooled list, and every
/// agent pressing ダウンロード at once (target: the last has its rows within 60 s). Then `alone` more agents download
/// one at a time, for the cost of one download alone. Prints p50/p99 of each and the time to the last, and audits that
/// no row went to two screens and none barred or at its retry limit was handed out.
struct DownloadBenchmark {
    var customers: Int
    var agents: Int
    var calls: Int
    /// Agents (besides `agents`) that download one after the other, for the cost of one download.
    var alone = 50

    func run() async throws {
        // BENCH_DOWNLOAD_DIRECTORY keeps the seeded database for the next run; each run works on a copy of it.
        let kept = ProcessInfo.processInfo.environment["BENCH_DOWNLOAD_DIRECTORY"]
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tsunagu-download-bench-\(UUID().uuidString)"
        ).path
        let seedFolder = kept.map {
            ($0 as NSString).appendingPathComponent("seed-\(customers)-\(agents + alone)-\(calls)")
        }
        let folder = temporary
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        report("download: \(agents) agents, 200 rows each, one pooled list of \(format(Double(customers))) customers")
        let seeded: DownloadBenchmarkSeed.Seeded
        let seededFile = seedFolder.map { ($0 as NSString).appendingPathComponent("seeded.json") }
        if let seededFile, let data = FileManager.default.contents(atPath: seededFile),
            let earlier = try? JSONDecoder().decode(DownloadBenchmarkSeed.Seeded.self, from: data)
        {
            seeded = earlier
            report("  seeded by an earlier run in \(seedFolder!)")
        } else {
            let start = DispatchTime.now().uptimeNanoseconds
            let target = seedFolder ?? folder
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            seeded = try await DownloadBenchmarkSeed.seed(
                dataDirectory: target, customers: customers, agents: agents + alone, calls: calls)
            if let seededFile { try JSONEncoder().encode(seeded).write(to: URL(fileURLWithPath: seededFile)) }
            report(
                "  seeded in \(String(format: "%.0f", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) s")
        }
        if let seedFolder {
            for file in try FileManager.default.contentsOfDirectory(atPath: seedFolder) where file.hasPrefix("tsunagu")
            {
                try FileManager.default.copyItem(
                    atPath: (seedFolder as NSString).appendingPathComponent(file),
                    toPath: (folder as NSString).appendingPathComponent(file))
            }
        }
        report(
            "  \(format(Double(seeded.customers))) customers, \(format(Double(seeded.calls))) calls, \(format(Double(seeded.bars))) bars and \(format(Double(seeded.limitReached))) rows at their limit near the top of the list"
        )
        report("  " + DurableCommitCost.line(try await DurableCommitCost.measure(dataDirectory: folder)))

        let server = try await BenchmarkServer(dataDirectory: folder)
        defer { if server.process.isRunning { server.stop() } }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let metrics = PhoneBenchmarkMetrics()
        var bots: [PhoneBenchmarkAgent] = []
        for agent in 0..<(agents + alone) {
            let cookie = try await server.signIn(
                tenant: DownloadBenchmarkSeed.tenantCode, loginID: DownloadBenchmarkSeed.loginID(agent),
                password: DownloadBenchmarkSeed.password)
            bots.append(
                try await connect(
                    port: server.port, cookie: cookie, loginID: DownloadBenchmarkSeed.loginID(agent), group: group,
                    metrics: metrics))
        }
        while try await !all(bots, group: group, { $0.ready }) { try await Task.sleep(for: .milliseconds(100)) }
        report("  \(bots.count) agents signed in with the screen open; everyone presses ダウンロード")

        let together = Array(bots.prefix(agents))
        let start = DispatchTime.now().uptimeNanoseconds
        for bot in together { bot.download() }
        while try await !all(together, group: group, { $0.rowCount > 0 }) {
            try await Task.sleep(for: .milliseconds(20))
            if Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 > 600 { break }
        }
        var atOnce: [Double] = []
        var last = 0.0
        for bot in together {
            let (pressed, arrived, rows) = try await group.any().submit {
                (bot.downloadPressedAt, bot.rowsArrivedAt, bot.rowCount)
            }.get()
            guard rows > 0, arrived >= pressed else { continue }
            atOnce.append(Double(arrived - pressed) / 1e6)
            last = max(last, Double(arrived - start) / 1e9)
        }
        atOnce.sort()
        report(
            "  all at once: \(atOnce.count) of \(agents) got rows; press → rows p50 \(ms(atOnce, 0.5)) ms, p99 \(ms(atOnce, 0.99)) ms; the last had its rows \(String(format: "%.2f", last)) s after the first press (target < 60 s)"
        )

        var oneAtATime: [Double] = []
        for bot in bots.dropFirst(agents) {
            let before = try await group.any().submit { bot.rowCount }.get()
            bot.download()
            let began = DispatchTime.now().uptimeNanoseconds
            while try await group.any().submit({ bot.rowCount }).get() == before {
                try await Task.sleep(for: .milliseconds(2))
                if Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9 > 60 { break }
            }
            let (pressed, arrived) = try await group.any().submit { (bot.downloadPressedAt, bot.rowsArrivedAt) }.get()
            if arrived >= pressed { oneAtATime.append(Double(arrived - pressed) / 1e6) }
        }
        oneAtATime.sort()
        report(
            "  one at a time (\(oneAtATime.count) more agents, 200 rows each): press → rows p50 \(ms(oneAtATime, 0.5)) ms, p99 \(ms(oneAtATime, 0.99)) ms"
        )
        for bot in bots { await bot.close() }
        server.stop()
        try await group.shutdownGracefully()
        let audit = try await DownloadBenchmarkSeed.audit(dataDirectory: folder)
        report(
            "  rows on screens: \(format(Double(audit.rowsOnScreens))) (expected \(format(Double((atOnce.count + oneAtATime.count) * DownloadBenchmarkSeed.rowsPerDownload)))), on two screens: \(audit.rowsOnTwoScreens), barred: \(audit.barredOnScreens), at their limit: \(audit.limitReachedOnScreens)"
        )
    }

    private func ms(_ sorted: [Double], _ fraction: Double) -> String {
        guard !sorted.isEmpty else { return "-" }
        return String(format: "%.1f", sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))])
    }

    private func all(
        _ bots: [PhoneBenchmarkAgent], group: any EventLoopGroup,
        _ test: @escaping @Sendable (PhoneBenchmarkAgent) -> Bool
    ) async throws -> Bool {
        for bot in bots where try await !group.any().submit({ test(bot) }).get() { return false }
        return true
    }

    private func connect(
        port: Int, cookie: String, loginID: String, group: any EventLoopGroup, metrics: PhoneBenchmarkMetrics
    ) async throws -> PhoneBenchmarkAgent {
        try await PhoneBenchmarkAgent.connect(
            port: port, cookie: cookie, loginID: loginID, group: group, metrics: metrics, talk: .seconds(1))
    }
}
