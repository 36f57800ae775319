import Foundation
import NIOCore
import NIOPosix
import Synchronization

@testable import Media

/// A loopback UDP peer that answers each command with rtpengine's recorded reply for it, under the request's
/// cookie. It can stay silent for the first datagrams (to exercise retransmission) or send garbage first.
final class RecordedRTPEngine: Sendable {
    struct Behaviour: Sendable {
        var dropFirst = 0
        var garbageFirst = false
    }

    final class State: Sendable {
        let mutex: Mutex<(received: [NGMessage], behaviour: Behaviour)>
        init(_ behaviour: Behaviour) { mutex = Mutex(([], behaviour)) }
    }

    let channel: any Channel
    private let state: State

    var address: SocketAddress { channel.localAddress! }
    var received: [NGMessage] { state.mutex.withLock { $0.received } }

    init(group: any EventLoopGroup, behaviour: Behaviour = Behaviour()) async throws {
        let replies = try [
            "ping": NGMessage(cookie: "", body: .dictionary(["result": "pong"])),
            "offer": NGMessage.parse(NGMessageTests.fixture("rec-offer.bin")),
            "answer": NGMessage.parse(NGMessageTests.fixture("rec-answer.bin")),
            "query": NGMessage.parse(NGMessageTests.fixture("rec-query.bin")),
            "delete": NGMessage.parse(NGMessageTests.fixture("rec-delete.bin")),
        ]
        let state = State(behaviour)
        self.state = state
        channel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Responder(replies: replies, state: state))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    func close() async { try? await channel.close() }

    private final class Responder: ChannelInboundHandler, Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        typealias OutboundOut = AddressedEnvelope<ByteBuffer>
        let replies: [String: NGMessage]
        let state: State

        init(replies: [String: NGMessage], state: State) {
            self.replies = replies
            self.state = state
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = unwrapInboundIn(data)
            guard let request = try? NGMessage.parse(envelope.data.readableBytesView) else { return }
            let (drop, garbage) = state.mutex.withLock { state -> (Bool, Bool) in
                state.received.append(request)
                if state.behaviour.dropFirst > 0 {
                    state.behaviour.dropFirst -= 1
                    return (true, false)
                }
                defer { state.behaviour.garbageFirst = false }
                return (false, state.behaviour.garbageFirst)
            }
            if drop { return }
            let remote = envelope.remoteAddress
            if garbage {
                context.writeAndFlush(
                    wrapOutboundOut(
                        AddressedEnvelope(
                            remoteAddress: remote, data: ByteBuffer(string: "\(request.cookie) d6:result"))),
                    promise: nil)
            }
            guard let command = request.body["command"]?.text, var reply = replies[command] else { return }
            reply.cookie = request.cookie
            context.writeAndFlush(
                wrapOutboundOut(AddressedEnvelope(remoteAddress: remote, data: ByteBuffer(bytes: reply.serialized()))),
                promise: nil)
        }
    }
}
