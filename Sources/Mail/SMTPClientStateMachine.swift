import Foundation

/// One SMTP submission (RFC 5321, STARTTLS RFC 3207, AUTH PLAIN/LOGIN RFC 4954) as a state machine without I/O:
/// each reply goes in, the next thing to do comes out.
public struct SMTPClientStateMachine: Sendable {
    public enum Action: Sendable, Equatable {
        /// Send this command line (CRLF is added by the caller).
        case send(String)
        /// Send the message data, already dot-stuffed and ending with `CRLF.CRLF`.
        case sendData(String)
        /// Put TLS on the connection, then call `tlsEstablished()`.
        case startTLS
        /// The mail was accepted; the caller may close after QUIT's reply or now.
        case done
        case fail(SMTPError)
    }

    private enum State: Sendable, Equatable {
        case greeting
        case ehlo(afterTLS: Bool)
        case startTLS
        case authPlain
        case authLoginUser
        case authLoginPassword
        case authLoginResult
        case mailFrom
        case rcptTo(index: Int)
        case data
        case message
        case quit
        case finished
    }

    private var state = State.greeting
    private var tlsActive: Bool
    private let configuration: SMTPConfiguration
    private let envelopeFrom: String
    private let recipients: [String]
    private let data: String

    /// - Parameters:
    ///   - envelopeFrom: the bare address for MAIL FROM.
    ///   - renderedMessage: the message as `MailMessage.rendered` makes it.
    public init(
        configuration: SMTPConfiguration, envelopeFrom: String, recipients: [String], renderedMessage: String,
        tlsActive: Bool = false
    ) {
        self.configuration = configuration
        self.envelopeFrom = envelopeFrom
        self.recipients = recipients
        self.data = Self.dotStuffed(renderedMessage)
        self.tlsActive = tlsActive
    }

    public mutating func replyReceived(_ reply: SMTPReply) -> Action {
        switch state {
        case .greeting:
            guard reply.code == 220 else { return fail(reply, "greeting") }
            state = .ehlo(afterTLS: tlsActive)
            return .send("EHLO \(configuration.heloName)")
        case .ehlo:
            guard reply.code == 250 else { return fail(reply, "EHLO") }
            return afterEhlo(capabilities: reply.lines.dropFirst().map { $0.uppercased() })
        case .startTLS:
            guard reply.code == 220 else { return fail(reply, "STARTTLS") }
            return .startTLS
        case .authPlain, .authLoginResult:
            guard reply.code == 235 else {
                state = .finished
                return .fail(
                    SMTPError(
                        kind: .authenticationFailed, detail: "\(reply.code) \(reply.lines.joined(separator: " "))"))
            }
            return mailFrom()
        case .authLoginUser:
            guard reply.code == 334 else { return fail(reply, "AUTH LOGIN") }
            state = .authLoginPassword
            return .send(Data((configuration.username ?? "").utf8).base64EncodedString())
        case .authLoginPassword:
            guard reply.code == 334 else { return fail(reply, "AUTH LOGIN user") }
            state = .authLoginResult
            return .send(Data((configuration.password ?? "").utf8).base64EncodedString())
        case .mailFrom:
            guard reply.code == 250 else { return fail(reply, "MAIL FROM") }
            state = .rcptTo(index: 0)
            return .send("RCPT TO:<\(recipients[0])>")
        case .rcptTo(let index):
            guard reply.code == 250 || reply.code == 251 else { return fail(reply, "RCPT TO") }
            if index + 1 < recipients.count {
                state = .rcptTo(index: index + 1)
                return .send("RCPT TO:<\(recipients[index + 1])>")
            }
            state = .data
            return .send("DATA")
        case .data:
            guard reply.code == 354 else { return fail(reply, "DATA") }
            state = .message
            return .sendData(data)
        case .message:
            guard reply.code == 250 else { return fail(reply, "message") }
            state = .quit
            return .send("QUIT")
        case .quit:
            state = .finished
            return .done
        case .finished:
            return .fail(SMTPError(kind: .protocolViolation, detail: "reply after the end: \(reply.code)"))
        }
    }

    public mutating func tlsEstablished() -> Action {
        tlsActive = true
        state = .ehlo(afterTLS: true)
        return .send("EHLO \(configuration.heloName)")
    }

    private mutating func afterEhlo(capabilities: [String]) -> Action {
        let offersTLS = capabilities.contains { $0 == "STARTTLS" || $0.hasPrefix("STARTTLS ") }
        let wantsAuth = configuration.username != nil
        if !tlsActive && configuration.security != .none {
            if offersTLS {
                state = .startTLS
                return .send("STARTTLS")
            }
            if configuration.security == .startTLS {
                state = .finished
                return .fail(SMTPError(kind: .tlsRequired, detail: "the server does not offer STARTTLS"))
            }
            if wantsAuth {
                state = .finished
                return .fail(SMTPError(kind: .tlsRequired, detail: "refusing to send the password without TLS"))
            }
        }
        guard wantsAuth else { return mailFrom() }
        let mechanisms = capabilities.filter { $0.hasPrefix("AUTH") }.flatMap { $0.split(separator: " ").dropFirst() }
        let username = configuration.username ?? ""
        let password = configuration.password ?? ""
        if mechanisms.contains("PLAIN") || !mechanisms.contains("LOGIN") {
            state = .authPlain
            let token = Data(("\0" + username + "\0" + password).utf8).base64EncodedString()
            return .send("AUTH PLAIN \(token)")
        }
        state = .authLoginUser
        return .send("AUTH LOGIN")
    }

    private mutating func mailFrom() -> Action {
        guard !recipients.isEmpty else {
            state = .finished
            return .fail(SMTPError(kind: .protocolViolation, detail: "no recipients"))
        }
        state = .mailFrom
        return .send("MAIL FROM:<\(envelopeFrom)>")
    }

    private mutating func fail(_ reply: SMTPReply, _ step: String) -> Action {
        state = .finished
        return .fail(.unexpected(reply, after: step))
    }

    /// RFC 5321 §4.5.2: a line that starts with "." gets one more; the data ends with CRLF.CRLF.
    static func dotStuffed(_ message: String) -> String {
        var lines = message.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        let stuffed = lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }
        return stuffed.joined(separator: "\r\n") + "\r\n.\r\n"
    }
}
