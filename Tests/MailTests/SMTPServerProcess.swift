import Foundation

/// A real SMTP server for tests: Debian's aiosmtpd storing every mail it receives as a file (Maildir).
final class SMTPServerProcess {
    let port: Int
    let mailbox: URL
    private let process: Process

    init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tsunagu-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        mailbox = root.appendingPathComponent("mail")
        port = Int.random(in: 20_000...29_999)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", mailbox.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Ready when it accepts connections.
        for _ in 0..<100 {
            if Self.canConnect(port: port) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.terminate()
        throw CocoaError(
            .fileReadUnknown,
            userInfo: [NSLocalizedDescriptionKey: "aiosmtpd did not start (is python3-aiosmtpd installed?)"])
    }

    /// The mails received so far, as raw RFC 5322 text.
    func receivedMails() -> [String] {
        let folder = mailbox.appendingPathComponent("new")
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    func stop() {
        // aiosmtpd stops on SIGINT, not SIGTERM. Not waitUntilExit(): on Linux it spins a run loop off the main thread.
        process.interrupt()
        for _ in 0..<40 where Self.canConnect(port: port) { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: mailbox.deletingLastPathComponent())
    }

    private static func canConnect(port: Int) -> Bool {
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
