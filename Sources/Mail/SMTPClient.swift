import Foundation
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// Sends mail over SMTP: drives `SMTPClientStateMachine` on a NIO channel, with STARTTLS when the server offers it.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    private let group: any EventLoopGroup

    public init(configuration: SMTPConfiguration, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.group = group
    }

    /// Delivers `message` to its recipients; `envelopeFrom` is the bare sender address for MAIL FROM.
    public func send(_ message: MailMessage, envelopeFrom: String, date: Date = Date()) async throws {
        let rendered = message.rendered(date: date, messageID: "\(UUID().uuidString)@\(configuration.heloName)")
        let machine = SMTPClientStateMachine(
            configuration: configuration, envelopeFrom: envelopeFrom, recipients: message.to, renderedMessage: rendered)
        let timeout = configuration.timeoutSeconds
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await self.converse(machine) }
            tasks.addTask {
                try await Task.sleep(for: .seconds(timeout))
                throw SMTPError(kind: .timedOut, detail: "no answer within \(timeout) s")
            }
            try await tasks.next()
            tasks.cancelAll()
        }
    }

    private func converse(_ initial: SMTPClientStateMachine) async throws {
        var machine = initial
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.seconds(10))
                .connect(host: configuration.host, port: configuration.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw SMTPError(kind: .connectionFailed, detail: "\(configuration.host):\(configuration.port): \(error)")
        }
        let host = configuration.host
        try await channel.executeThenClose { inbound, outbound in
            var parser = SMTPReplyParser()
            for try await line in inbound {
                let reply: SMTPReply?
                do {
                    reply = try parser.feed(line: String(buffer: line))
                } catch {
                    throw SMTPError(kind: .protocolViolation, detail: "\(error)")
                }
                guard let reply else { continue }
                var action = machine.replyReceived(reply)
                if action == .startTLS {
                    let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                    let isAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
                    let nioChannel = channel.channel
                    // TLS goes first in the pipeline, below the line decoder, for the rest of the conversation.
                    try await nioChannel.eventLoop.submit {
                        let tls = try NIOSSLClientHandler(context: context, serverHostname: isAddress ? nil : host)
                        try nioChannel.pipeline.syncOperations.addHandler(tls, position: .first)
                    }.get()
                    action = machine.tlsEstablished()
                }
                switch action {
                case .send(let command):
                    try await outbound.write(ByteBuffer(string: command + "\r\n"))
                case .sendData(let data):
                    try await outbound.write(ByteBuffer(string: data))
                case .done:
                    return
                case .fail(let error):
                    throw error
                case .startTLS:
                    throw SMTPError(kind: .protocolViolation, detail: "STARTTLS twice")
                }
            }
            throw SMTPError(kind: .protocolViolation, detail: "the server closed the connection early")
        }
    }
}
