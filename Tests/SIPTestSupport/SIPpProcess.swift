import Foundation

/// A real SIPp (Debian's `sip-tester`) running one scenario from `Tests/SIPTests/SIPp/` on loopback.
public final class SIPpProcess: @unchecked Sendable {
    public let port: Int
    public let transport: String
    private let process = Process()
    private let log: URL

    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SIPTests/SIPp")

    /// - Parameter transport: `u1` (UDP) or `t1` (TCP, one connection).
    public init(scenario: String, transport: String = "u1", calls: Int = 1) throws {
        port = Int.random(in: 30_000...39_999)
        self.transport = transport
        log = FileManager.default.temporaryDirectory.appendingPathComponent("sipp-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
        process.arguments = [
            "-sf", Self.scenarios.appendingPathComponent(scenario).path, "-i", "127.0.0.1", "-p", String(port),
            "-t", transport, "-m", String(calls), "-nostdin", "-timeout", "30s", "-timeout_error",
            "-trace_err", "-error_file", log.path + ".err", "-trace_screen", "-screen_file", log.path + ".screen",
        ]
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        process.standardOutput = output
        process.standardError = output
        try process.run()
        if transport == "t1" {
            for _ in 0..<100 where !Self.acceptsTCP(port: port) { Thread.sleep(forTimeInterval: 0.02) }
        } else {
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// Waits for SIPp to finish its calls; its exit code is 0 when every call followed the scenario.
    /// Not `waitUntilExit()`: on Linux it spins a run loop off the main thread.
    public func finish(within seconds: Double = 20) async -> (status: Int32, output: String) {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            while process.isRunning { try? await Task.sleep(for: .milliseconds(10)) }
        }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOf: URL(fileURLWithPath: log.path + ".err"), encoding: .utf8)) ?? ""
        return (process.terminationStatus, String(text.suffix(2_000)) + String(errors.suffix(4_000)))
    }

    /// SIPp's final statistics screen (messages, retransmissions and unexpected messages per scenario step).
    public var screen: String {
        (try? String(contentsOf: URL(fileURLWithPath: log.path + ".screen"), encoding: .utf8)) ?? ""
    }

    private static func acceptsTCP(port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
