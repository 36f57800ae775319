import Foundation

/// A real rtpengine (Debian's `rtpengine-daemon`) on loopback in userspace forwarding: its own ng port and media
/// port range, no config file, and calls removed at once when deleted.
public final class RTPEngineProcess: @unchecked Sendable {
    public let ngPort: Int
    public let mediaPorts: ClosedRange<Int>
    private let process = Process()
    private let log: URL

    public init() throws {
        ngPort = Int.random(in: 40_000...44_999)
        let base = 45_000 + Int.random(in: 0..<100) * 100
        mediaPorts = base...(base + 99)
        log = FileManager.default.temporaryDirectory.appendingPathComponent("rtpengine-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/rtpengine") else {
            throw RTPEngineProcessError(message: "rtpengine is not installed: run scripts/install-test-deps")
        }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/rtpengine")
        process.arguments = [
            "--config-file=none", "--table=-1", "--foreground", "--log-stderr", "--log-level=6",
            "--interface=127.0.0.1", "--listen-ng=127.0.0.1:\(ngPort)", "--port-min=\(mediaPorts.lowerBound)",
            "--port-max=\(mediaPorts.upperBound)", "--delete-delay=0",
        ]
        process.standardOutput = output
        process.standardError = output
        try process.run()
        for _ in 0..<200 {
            if Self.answersPing(port: ngPort) { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        stop()
        throw RTPEngineProcessError(message: "rtpengine did not start: \(logText.suffix(2_000))")
    }

    public var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        while process.isRunning { Thread.sleep(forTimeInterval: 0.005) }
    }

    deinit { stop() }

    private static func answersPing(port: Int) -> Bool {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(socket) }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let request = Array("start d7:command4:pinge".utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(socket, request, request.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard sent == request.count else { return false }
        var reply = [UInt8](repeating: 0, count: 512)
        let received = recv(socket, &reply, reply.count, 0)
        return received > 0 && String(decoding: reply[..<received], as: UTF8.self).contains("pong")
    }
}

public struct RTPEngineProcessError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
