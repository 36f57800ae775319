import Foundation
import NIOCore
import NIOPosix

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real `tsunagu serve` process (from the same build folder) on a loopback port, and an HTTP client for it.
struct BenchmarkServer {
    let port: Int
    let process: Process
    private let session: URLSession

    var base: String { "http://127.0.0.1:\(port)" }

    init(dataDirectory: String, environment extra: [String: String] = [:]) async throws {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(
            host: "127.0.0.1", port: 0
        ).get()
        port = channel.localAddress?.port ?? 0
        try await channel.close()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("tsunagu")
        process.arguments = ["serve"]
        var environment = ProcessInfo.processInfo.environment
        environment["DATA_DIRECTORY"] = dataDirectory
        environment["PORT"] = String(port)
        environment["HOST"] = "127.0.0.1"
        environment["LOG_LEVEL"] = ProcessInfo.processInfo.environment["BENCH_SERVER_LOG_LEVEL"] ?? "warning"
        if let url = BenchmarkDatabase.url { environment["DATABASE_URL"] = url.text }
        environment.merge(extra) { _, new in new }
        process.environment = environment
        // The server's log (errors only) stays beside the figures.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tsunagu-bench-server.log").path
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: log)
        try process.run()
        self.process = process
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.timeoutIntervalForRequest = 600
        session = URLSession(configuration: configuration)
        let health = URL(string: base + "/health")!
        for _ in 0..<600 {
            if let (_, response) = try? await session.data(from: health),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        process.terminate()
        throw BenchmarkError.serverDidNotStart
    }

    /// Signs in through the JSON API; returns the session cookie.
    func signIn(tenant: String, loginID: String, password: String) async throws -> String {
        let (tokenData, tokenResponse) = try await session.data(from: URL(string: base + "/api/session/csrf")!)
        let token = (try JSONSerialization.jsonObject(with: tokenData) as? [String: Any])?["csrf"] as? String ?? ""
        var request = URLRequest(url: URL(string: base + "/api/session")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(token, forHTTPHeaderField: "X-CSRF-Token")
        request.setValue(Self.sessionCookie(tokenResponse), forHTTPHeaderField: "Cookie")
        request.httpBody = try JSONEncoder().encode(["tenantCode": tenant, "loginID": loginID, "password": password])
        let (_, response) = try await session.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200, let cookie = Self.sessionCookie(response) else {
            throw BenchmarkError.signInFailed(loginID)
        }
        return cookie
    }

    /// GETs a path; returns the status, the body's size and the seconds it took.
    func get(_ path: String, cookie: String) async throws -> (status: Int, bytes: Int, seconds: Double) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.setValue(cookie, forHTTPHeaderField: "Cookie")
        let start = DispatchTime.now().uptimeNanoseconds
        let (data, response) = try await session.data(for: request)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data.count, seconds)
    }

    /// The server's resident memory in kB.
    var residentMemory: Int {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        else { return 0 }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    }

    func stop() {
        process.terminate()
        while process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
    }

    private static func sessionCookie(_ response: URLResponse) -> String? {
        guard let header = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Set-Cookie") else { return nil }
        return header.split(separator: ";").first.map(String.init)
    }
}

enum BenchmarkError: Error {
    case serverDidNotStart
    case signInFailed(String)
    case failed(String)
}
