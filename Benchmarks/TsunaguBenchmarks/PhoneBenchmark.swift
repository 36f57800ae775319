import Foundation
import NIOCore
import NIOPosix
import TsunaguServer
import WebSocketKit

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Issue 6's figure: one real `tsunagu serve` process, many agents on WebSockets auto-dialling on the simulated
/// carrier at a high time scale. Prints calls per second, the time from an agent's edit to its acknowledgement
/// (sent after the commit), the server's memory, and checks the database for lost or duplicated results.
struct PhoneBenchmark {
    var agents: Int
    var seconds: Double
    var timeScale: Double
    var rowsPerAgent: Int

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsunagu-phone-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        report("phone screen: \(agents) agents, \(rowsPerAgent) rows each, \(Int(seconds)) s at time scale \(Int(timeScale))")
        try await PhoneBenchmarkSeed.seed(dataDirectory: folder, agents: agents, rowsPerAgent: rowsPerAgent)

        let port = try freePort()
        let server = try startServer(folder: folder, port: port)
        defer { if server.isRunning { server.terminate() } }
        try await waitForHealth(port: port)

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let metrics = PhoneBenchmarkMetrics()
        // Everyone signs in and opens the screen first; then all start dialling at once.
        let cookies = try await withThrowingTaskGroup(of: (Int, String).self) { tasks in
            for agent in 0..<agents {
                tasks.addTask { (agent, try await signIn(port: port, loginID: PhoneBenchmarkSeed.loginID(agent))) }
            }
            return try await tasks.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
        }
        var bots: [PhoneBenchmarkAgent] = []
        for agent in 0..<agents {
            bots.append(try await connect(port: port, cookie: cookies[agent]!, loginID: PhoneBenchmarkSeed.loginID(agent), group: group, metrics: metrics))
        }
        while try await !allReady(bots, group: group) { try await Task.sleep(for: .milliseconds(100)) }
        report("  \(bots.count) agents signed in with the screen open; dialling")
        for bot in bots { bot.begin() }

        let start = DispatchTime.now().uptimeNanoseconds
        var peakMemory = 0
        let dialsAtStart = metrics.dials
        while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds {
            try await Task.sleep(for: .seconds(1))
            peakMemory = max(peakMemory, residentMemory(of: server.processIdentifier))
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
        server.terminate()
        server.waitUntilExitPolling()
        try await group.shutdownGracefully()

        let audit = try await PhoneBenchmarkSeed.audit(dataDirectory: folder)
        let lost = acknowledged.filter { audit.memos[$0.key] != $0.value }.count
        report("  calls placed:                \(format(Double(dials))) (\(String(format: "%.1f", Double(dials) / elapsed))/s)")
        report("  calls in the database:       \(audit.callAttempts) placed, \(audit.endedCalls) ended, \(audit.answeredCalls) answered")
        report("  edit → commit → screen:      p50 \(String(format: "%.1f", metrics.editPercentile(0.5))) ms, p99 \(String(format: "%.1f", metrics.editPercentile(0.99))) ms over \(metrics.editCount) memos (target p99 < 50 ms)")
        report("  failed edits:                \(metrics.failedEdits)")
        report("  server memory (peak RSS):    \(peakMemory / 1024) MB (target < 500 MB)")
        report("  acknowledged memos missing:  \(lost) of \(acknowledged.count)")
        report("  rows on two screens:         \(audit.rowsOnTwoScreens)")
        report("  calls seen by agents vs db:  \(metrics.dials) vs \(audit.callAttempts)")
    }

    private func allReady(_ bots: [PhoneBenchmarkAgent], group: any EventLoopGroup) async throws -> Bool {
        for bot in bots where try await !group.any().submit({ bot.ready }).get() { return false }
        return true
    }

    private func anyCallActive(_ bots: [PhoneBenchmarkAgent], group: any EventLoopGroup) async throws -> Bool {
        for bot in bots where try await group.any().submit({ bot.callActive }).get() { return true }
        return false
    }

    private func startServer(folder: String, port: Int) throws -> Process {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tsunagu")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve"]
        var environment = ProcessInfo.processInfo.environment
        environment["DATA_DIRECTORY"] = folder
        environment["PORT"] = String(port)
        environment["HOST"] = "127.0.0.1"
        environment["SIMULATED_TIME_SCALE"] = String(timeScale)
        environment["LOG_LEVEL"] = ProcessInfo.processInfo.environment["BENCH_SERVER_LOG_LEVEL"] ?? "warning"
        process.environment = environment
        // The server's log (errors only) stays beside the figures.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tsunagu-phone-bench-server.log").path
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: log)
        try process.run()
        return process
    }

    private func waitForHealth(port: Int) async throws {
        let url = URL(string: "http://127.0.0.1:\(port)/health")!
        for _ in 0..<300 {
            if let (_, response) = try? await URLSession.shared.data(from: url), (response as? HTTPURLResponse)?.statusCode == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchmarkError.serverDidNotStart
    }

    private func signIn(port: Int, loginID: String) async throws -> String {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        let session = URLSession(configuration: configuration)
        let base = "http://127.0.0.1:\(port)"
        let (tokenData, tokenResponse) = try await session.data(from: URL(string: base + "/api/session/csrf")!)
        let token = try JSONDecoder().decode([String: CSRFValue].self, from: tokenData)["csrf"]?.text ?? ""
        var request = URLRequest(url: URL(string: base + "/api/session")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(token, forHTTPHeaderField: "X-CSRF-Token")
        request.setValue(Self.sessionCookie(tokenResponse), forHTTPHeaderField: "Cookie")
        request.httpBody = try JSONEncoder().encode([
            "tenantCode": PhoneBenchmarkSeed.tenantCode, "loginID": loginID, "password": PhoneBenchmarkSeed.password,
        ])
        let (_, response) = try await session.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200, let cookie = Self.sessionCookie(response) else {
            throw BenchmarkError.signInFailed(loginID)
        }
        return cookie
    }

    private static func sessionCookie(_ response: URLResponse) -> String? {
        guard let header = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Set-Cookie") else { return nil }
        return header.split(separator: ";").first.map(String.init)
    }

    private func connect(port: Int, cookie: String, loginID: String, group: any EventLoopGroup, metrics: PhoneBenchmarkMetrics) async throws -> PhoneBenchmarkAgent {
        let promise = group.any().makePromise(of: PhoneBenchmarkAgent.self)
        // WebSocketKit sends `Host` without the port, so the same-origin check expects the origin without it.
        try await WebSocket.connect(
            to: "ws://127.0.0.1:\(port)/api/phone/socket", headers: ["Cookie": cookie, "Origin": "http://127.0.0.1"],
            configuration: .init(maxFrameSize: 1 << 24), on: group
        ) { socket in
            promise.succeed(PhoneBenchmarkAgent(loginID: loginID, socket: socket, metrics: metrics))
        }.get()
        return try await promise.futureResult.get()
    }

    private func freePort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).wait()
        let port = channel.localAddress?.port ?? 0
        try channel.close().wait()
        return port
    }

    private func residentMemory(of pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    }
}

private struct CSRFValue: Decodable {
    var text: String?
    init(from decoder: any Decoder) throws {
        text = try? decoder.singleValueContainer().decode(String.self)
    }
}

enum BenchmarkError: Error {
    case serverDidNotStart
    case signInFailed(String)
}

extension Process {
    /// `waitUntilExit()` spins on Linux off the main thread; poll instead.
    func waitUntilExitPolling() {
        while isRunning { Thread.sleep(forTimeInterval: 0.05) }
    }
}
