import Foundation
import NIOCore
import NIOPosix
import Synchronization
import Testing

@testable import Media

/// The ng client over real UDP sockets on loopback, against recorded rtpengine replies.
@Suite struct NGClientTests {
    let group = MultiThreadedEventLoopGroup.singleton
    let fast = NGRequestMachine.Policy(firstInterval: .milliseconds(50), attempts: 3)

    @Test func commandsGetTheirRecordedReplies() async throws {
        let peer = try await RecordedRTPEngine(group: group)
        let client = NGClient(server: peer.address, eventLoop: group.next(), policy: fast)
        try await client.start()
        #expect(await client.ping())
        let bridge = WebRTCMediaBridge(client: client)
        let offer = try String(decoding: NGMessageTests.fixture("chromium-offer.sdp"), as: UTF8.self)
        let trunkSDP = try await bridge.trunkOffer(browserOffer: offer, callID: "c1", fromTag: "f1")
        #expect(trunkSDP.contains("RTP/AVP 0 8 126"))
        let browserSDP = try await bridge.browserAnswer(
            trunkAnswer: "v=0\r\n", callID: "c1", fromTag: "f1", toTag: "t1")
        #expect(browserSDP.contains("UDP/TLS/RTP/SAVPF"))
        #expect(try await bridge.query(callID: "c1")?.result == "ok")
        try await bridge.end(callID: "c1")
        // Each request had its own cookie and said what rtpengine needs. On a busy machine a reply can come after
        // the 50 ms re-send interval: a re-send repeats its request on the same cookie, so it is not a new request.
        let sent = peer.received
        var cookies = Set<String>()
        let requests = sent.filter { cookies.insert($0.cookie).inserted }
        for resent in sent where !requests.contains(where: { $0.cookie == resent.cookie && $0.body == resent.body }) {
            Issue.record("a re-sent datagram differs from its request: \(resent.body)")
        }
        #expect(requests.map { $0.body["command"]?.text } == ["ping", "offer", "answer", "query", "delete"])
        #expect(requests[1].body["sdp"]?.text == offer)
        #expect(await client.pendingCount == 0)
        await client.shutdown()
        await peer.close()
    }

    @Test func retransmitsOnTheSameCookieWhenTheFirstDatagramIsLost() async throws {
        let peer = try await RecordedRTPEngine(group: group, behaviour: .init(dropFirst: 2))
        let client = NGClient(server: peer.address, eventLoop: group.next(), policy: fast)
        try await client.start()
        #expect(await client.ping())
        let sent = peer.received
        #expect(sent.count == 3)
        #expect(Set(sent.map(\.cookie)).count == 1)
        await client.shutdown()
        await peer.close()
    }

    @Test func ignoresGarbageAndTakesTheRealReply() async throws {
        let peer = try await RecordedRTPEngine(group: group, behaviour: .init(garbageFirst: true))
        let client = NGClient(server: peer.address, eventLoop: group.next(), policy: fast)
        try await client.start()
        let reply = try await client.send(.query(callID: "c1"))
        #expect(reply.result == "ok")
        await client.shutdown()
        await peer.close()
    }

    @Test func aSilentPeerIsATimeoutWithinThePolicy() async throws {
        // A bound socket that never answers: rtpengine stopped, the port still reserved.
        let silent = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let client = NGClient(server: silent.localAddress!, eventLoop: group.next(), policy: fast)
        try await client.start()
        let started = ContinuousClock.now
        await #expect(throws: NGClientError(.timeout, command: "ping", detail: "no reply after 3 attempts")) {
            try await client.send(.ping)
        }
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(340) && waited < .seconds(3))
        #expect(await client.pendingCount == 0)
        #expect(await client.ping() == false)
        await client.shutdown()
        try await silent.close()
    }

    @Test func repliesFromAnotherAddressAreIgnored() async throws {
        // The server's socket hears the ping; a reply with the right cookie comes from another port, as a spoofer
        // on the network would send it.
        let impostor = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let server = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Forwarder(via: impostor))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let client = NGClient(
            server: server.localAddress!, eventLoop: group.next(),
            policy: .init(firstInterval: .milliseconds(30), attempts: 2))
        try await client.start()
        #expect(await client.ping() == false)
        #expect(Forwarder.forwarded.withLock { $0 } >= 1)
        await client.shutdown()
        try await server.close()
        try await impostor.close()
    }

    private final class Forwarder: ChannelInboundHandler, Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        static let forwarded = Mutex(0)
        let impostor: any Channel
        init(via impostor: any Channel) { self.impostor = impostor }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = unwrapInboundIn(data)
            guard let request = try? NGMessage.parse(envelope.data.readableBytesView) else { return }
            let reply = NGMessage(cookie: request.cookie, body: .dictionary(["result": "pong"])).serialized()
            impostor.writeAndFlush(
                AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: ByteBuffer(bytes: reply)), promise: nil)
            Self.forwarded.withLock { $0 += 1 }
        }
    }

    @Test func commandsBeforeStartOrAfterShutdownFailClearly() async throws {
        let client = NGClient(server: try SocketAddress(ipAddress: "127.0.0.1", port: 9), eventLoop: group.next())
        await #expect(throws: NGClientError.self) { try await client.send(.ping) }
        try await client.start()
        await client.shutdown()
        do {
            _ = try await client.send(.ping)
            Issue.record("a closed client sent")
        } catch let error as NGClientError {
            #expect(error.code == .closed)
        }
    }
}
