import Foundation
import Testing

@testable import Mail

/// The client against a real SMTP server process on loopback.
@Suite(.serialized) struct SMTPClientIntegrationTests {
    @Test func deliversAJapaneseMailToARealServer() async throws {
        let server = try SMTPServerProcess()
        defer { server.stop() }
        let client = SMTPClient(
            configuration: SMTPConfiguration(host: "127.0.0.1", port: server.port, security: .startTLSWhenOffered))
        let message = MailMessage(
            from: "Tsunagu <noreply@tsunagu.example>", to: ["agent@example.jp"], subject: "キーコードのお知らせ",
            body: "キーコード: 0123456789abcdef0123\n.\n以上")
        try await client.send(message, envelopeFrom: "noreply@tsunagu.example")
        let mails = server.receivedMails()
        #expect(mails.count == 1)
        let mail = try #require(mails.first)
        #expect(mail.contains("To: agent@example.jp"))
        let body = mail.components(separatedBy: "\n\n").dropFirst().joined().replacingOccurrences(of: "\n", with: "")
        #expect(
            String(data: Data(base64Encoded: body) ?? Data(), encoding: .utf8)
                == "キーコード: 0123456789abcdef0123\r\n.\r\n以上")
    }

    @Test func unreachableServerIsAClearError() async throws {
        let client = SMTPClient(
            configuration: SMTPConfiguration(host: "127.0.0.1", port: 1, security: .none, timeoutSeconds: 5))
        let message = MailMessage(from: "a@x.jp", to: ["b@x.jp"], subject: "s", body: "b")
        await #expect(throws: SMTPError(kind: .connectionFailed, detail: "")) {
            try await client.send(message, envelopeFrom: "a@x.jp")
        }
    }
}
