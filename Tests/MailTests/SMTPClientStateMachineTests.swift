import Foundation
import Testing

@testable import Mail

/// The submission dialogue, reply by reply, with no sockets.
@Suite struct SMTPClientStateMachineTests {
    static func machine(_ configuration: SMTPConfiguration, recipients: [String] = ["user@example.jp"])
        -> SMTPClientStateMachine
    {
        SMTPClientStateMachine(
            configuration: configuration, envelopeFrom: "noreply@example.jp", recipients: recipients,
            renderedMessage: "Subject: x\r\n\r\n.hidden line\r\nbody\r\n")
    }

    static func reply(_ code: Int, _ lines: String...) -> SMTPReply {
        SMTPReply(code: code, lines: lines.isEmpty ? [""] : lines)
    }

    @Test func plainDeliveryToTwoRecipients() {
        var machine = Self.machine(
            SMTPConfiguration(host: "localhost", security: .none), recipients: ["a@x.jp", "b@x.jp"])
        #expect(machine.replyReceived(Self.reply(220, "ready")) == .send("EHLO tsunagu.localhost"))
        #expect(machine.replyReceived(Self.reply(250, "hello", "8BITMIME")) == .send("MAIL FROM:<noreply@example.jp>"))
        #expect(machine.replyReceived(Self.reply(250)) == .send("RCPT TO:<a@x.jp>"))
        #expect(machine.replyReceived(Self.reply(250)) == .send("RCPT TO:<b@x.jp>"))
        #expect(machine.replyReceived(Self.reply(250)) == .send("DATA"))
        #expect(machine.replyReceived(Self.reply(354)) == .sendData("Subject: x\r\n\r\n..hidden line\r\nbody\r\n.\r\n"))
        #expect(machine.replyReceived(Self.reply(250, "queued")) == .send("QUIT"))
        #expect(machine.replyReceived(Self.reply(221)) == .done)
    }

    /// STARTTLS when offered, EHLO again over TLS, then AUTH PLAIN.
    @Test func startTLSThenAuthPlain() {
        var machine = Self.machine(SMTPConfiguration(host: "smtp.example.jp", username: "user", password: "pass"))
        _ = machine.replyReceived(Self.reply(220))
        #expect(machine.replyReceived(Self.reply(250, "hi", "STARTTLS", "AUTH PLAIN LOGIN")) == .send("STARTTLS"))
        #expect(machine.replyReceived(Self.reply(220, "go ahead")) == .startTLS)
        #expect(machine.tlsEstablished() == .send("EHLO tsunagu.localhost"))
        let token = Data("\0user\0pass".utf8).base64EncodedString()
        #expect(machine.replyReceived(Self.reply(250, "hi", "AUTH PLAIN LOGIN")) == .send("AUTH PLAIN \(token)"))
        #expect(machine.replyReceived(Self.reply(235)) == .send("MAIL FROM:<noreply@example.jp>"))
    }

    @Test func authLoginWhenPlainIsNotOffered() {
        var machine = Self.machine(SMTPConfiguration(host: "h", security: .none, username: "user", password: "pass"))
        _ = machine.replyReceived(Self.reply(220))
        #expect(machine.replyReceived(Self.reply(250, "hi", "AUTH LOGIN")) == .send("AUTH LOGIN"))
        #expect(machine.replyReceived(Self.reply(334, "VXNlcm5hbWU6")) == .send("dXNlcg=="))
        #expect(machine.replyReceived(Self.reply(334, "UGFzc3dvcmQ6")) == .send("cGFzcw=="))
        #expect(
            machine.replyReceived(Self.reply(535, "bad")) == .fail(SMTPError(kind: .authenticationFailed, detail: "")))
    }

    /// A password is never sent in the clear unless the configuration says so.
    @Test func refusesCleartextPassword() {
        var auto = Self.machine(SMTPConfiguration(host: "h", username: "user", password: "pass"))
        _ = auto.replyReceived(Self.reply(220))
        #expect(
            auto.replyReceived(Self.reply(250, "hi", "AUTH PLAIN")) == .fail(SMTPError(kind: .tlsRequired, detail: "")))
        var always = Self.machine(SMTPConfiguration(host: "h", security: .startTLS))
        _ = always.replyReceived(Self.reply(220))
        #expect(always.replyReceived(Self.reply(250, "hi")) == .fail(SMTPError(kind: .tlsRequired, detail: "")))
    }

    @Test func rejectionsFail() {
        var machine = Self.machine(SMTPConfiguration(host: "h", security: .none))
        #expect(
            machine.replyReceived(Self.reply(554, "go away")) == .fail(SMTPError(kind: .unexpectedReply, detail: "")))
        var rcpt = Self.machine(SMTPConfiguration(host: "h", security: .none))
        _ = rcpt.replyReceived(Self.reply(220))
        _ = rcpt.replyReceived(Self.reply(250))
        _ = rcpt.replyReceived(Self.reply(250))
        #expect(
            rcpt.replyReceived(Self.reply(550, "no such user")) == .fail(SMTPError(kind: .unexpectedReply, detail: "")))
    }

    @Test func replyParserJoinsContinuationLines() throws {
        var parser = SMTPReplyParser()
        #expect(try parser.feed(line: "250-mail.example.jp") == nil)
        #expect(try parser.feed(line: "250-STARTTLS") == nil)
        #expect(
            try parser.feed(line: "250 AUTH PLAIN")
                == SMTPReply(code: 250, lines: ["mail.example.jp", "STARTTLS", "AUTH PLAIN"]))
        #expect(throws: SMTPReplyParser.Failure.self) { try parser.feed(line: "garbage") }
        #expect(throws: SMTPReplyParser.Failure.self) { try parser.feed(line: "250x") }
    }

    /// Japanese subjects become RFC 2047 words; the body is base64 in 76-column lines.
    @Test func rendersJapaneseMail() {
        let message = MailMessage(
            from: "noreply@example.jp", to: ["a@example.jp"], subject: "パスワードの変更を受け付けました。", body: "キーコード: ba0f\n")
        let text = message.rendered(date: Date(timeIntervalSince1970: 0), messageID: "id@x")
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000"))
        let body = text.components(separatedBy: "\r\n\r\n")[1].replacingOccurrences(of: "\r\n", with: "")
        #expect(String(data: Data(base64Encoded: body)!, encoding: .utf8) == "キーコード: ba0f\r\n")
        let words = MailMessage.encodedWord(String(repeating: "あ", count: 40)).components(separatedBy: "\r\n ")
        #expect(words.count > 1 && words.allSatisfy { $0.count <= 75 })
    }
}
