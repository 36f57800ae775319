import Foundation
import Logging
import Mail

/// Sends the server's mails (password-reset key codes).
protocol Mailer: Sendable {
    func send(_ message: MailMessage) async throws
}

/// Delivers through the configured SMTP server.
struct SMTPMailer: Mailer {
    let client: SMTPClient
    let envelopeFrom: String

    func send(_ message: MailMessage) async throws {
        try await client.send(message, envelopeFrom: envelopeFrom)
    }
}

/// With no SMTP server configured: every mail is written to the log and to a file in the outbox folder, so a
/// newcomer running the demo still gets the key code.
struct OutboxMailer: Mailer {
    let folder: String
    let logger: Logger

    func send(_ message: MailMessage) async throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let path = (folder as NSString).appendingPathComponent("\(stamp)-\(UUID().uuidString.prefix(8)).txt")
        let text = "To: \(message.to.joined(separator: ", "))\nSubject: \(message.subject)\n\n\(message.body)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        logger.notice(
            "mail (no SMTP configured) to \(message.to.joined(separator: ", ")): \(message.subject) — saved to \(path)\n\(message.body)"
        )
    }
}
