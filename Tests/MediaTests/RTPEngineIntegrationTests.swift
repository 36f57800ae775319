import Foundation
import MediaTestSupport
import NIOCore
import NIOPosix
import Testing

@testable import Media

/// The ng client and the bridging options against a real rtpengine on loopback.
@Suite(.serialized) struct RTPEngineIntegrationTests {
    let group = MultiThreadedEventLoopGroup.singleton

    private func client(for engine: RTPEngineProcess) async throws -> NGClient {
        let client = NGClient(
            server: try SocketAddress(ipAddress: "127.0.0.1", port: engine.ngPort), eventLoop: group.next())
        try await client.start()
        return client
    }

    @Test func bridgesAChromiumOfferToPlainRTPAndTheAnswerBack() async throws {
        let engine = try RTPEngineProcess()
        defer { engine.stop() }
        let client = try await client(for: engine)
        defer { Task { await client.shutdown() } }
        #expect(await client.ping())

        let bridge = WebRTCMediaBridge(client: client)
        let browserOffer = String(decoding: try NGMessageTests.fixture("chromium-offer.sdp"), as: UTF8.self)
        let callID = "\(UUID().uuidString)@tsunagu"
        let trunkOffer = try await bridge.trunkOffer(browserOffer: browserOffer, callID: callID, fromTag: "agent")
        let media = try #require(trunkOffer.split(separator: "\r\n").first { $0.hasPrefix("m=audio ") })
        #expect(media.hasSuffix(" RTP/AVP 0 8 126"), "\(media)")
        let port = try #require(Int(media.split(separator: " ")[1]))
        #expect(engine.mediaPorts.contains(port))
        for absent in ["a=fingerprint", "a=ice-ufrag", "a=candidate", "opus", "UDP/TLS"] {
            #expect(!trunkOffer.contains(absent), "\(absent) left in the trunk's offer")
        }

        let trunkAnswer =
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
        let browserAnswer = try await bridge.browserAnswer(
            trunkAnswer: trunkAnswer, callID: callID, fromTag: "agent", toTag: "trunk")
        #expect(browserAnswer.contains("UDP/TLS/RTP/SAVPF 0\r\n"))
        #expect(browserAnswer.contains("a=fingerprint:sha-256 "))
        #expect(browserAnswer.contains("a=ice-ufrag:"))
        #expect(browserAnswer.contains("a=setup:active"))
        #expect(browserAnswer.contains("a=rtcp-mux"))

        let session = try #require(try await bridge.query(callID: callID))
        #expect(session.body["tags"]?["agent"] != nil)
        #expect(session.body["tags"]?["trunk"] != nil)
        try await bridge.end(callID: callID)
        #expect(try await bridge.query(callID: callID) == nil)
        // Ending twice is harmless (a hang-up from both sides at once).
        try await bridge.end(callID: callID)
    }

    @Test func queryCountsPacketsRelayedBetweenTwoPlainLegs() async throws {
        let engine = try RTPEngineProcess()
        defer { engine.stop() }
        let client = try await client(for: engine)
        defer { Task { await client.shutdown() } }
        let caller = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let callee = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        func sdp(_ port: Int) -> String {
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio \(port) RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
        }
        let plain = NGMediaOptions()
        let callID = "\(UUID().uuidString)@tsunagu"
        let offered = try #require(
            try await client.send(
                .offer(callID: callID, fromTag: "a", sdp: sdp(caller.localAddress!.port!), options: plain)
            ).sdp)
        let answered = try #require(
            try await client.send(
                .answer(callID: callID, fromTag: "a", toTag: "b", sdp: sdp(callee.localAddress!.port!), options: plain)
            ).sdp)
        func mediaPort(_ sdp: String) throws -> Int {
            let line = try #require(sdp.split(separator: "\r\n").first { $0.hasPrefix("m=audio ") })
            return try #require(Int(line.split(separator: " ")[1]))
        }
        // The callee sends to the port in the offer it got, the caller to the port in the answer.
        var rtp = ByteBuffer(
            bytes: [0x80, 0x00, 0x00, 0x01, 0, 0, 0, 160, 0x12, 0x34, 0x56, 0x78] + [UInt8](repeating: 0xFF, count: 160)
        )
        for sequence in 0..<10 {
            rtp.setInteger(UInt16(sequence), at: 2)
            try await callee.writeAndFlush(
                AddressedEnvelope(
                    remoteAddress: try SocketAddress(ipAddress: "127.0.0.1", port: try mediaPort(offered)), data: rtp))
            try await caller.writeAndFlush(
                AddressedEnvelope(
                    remoteAddress: try SocketAddress(ipAddress: "127.0.0.1", port: try mediaPort(answered)), data: rtp))
            try await Task.sleep(for: .milliseconds(20))
        }
        try await Task.sleep(for: .milliseconds(100))
        let session = try await client.send(.query(callID: callID))
        #expect(session.relayedPackets >= 20, "\(session.body)")
        _ = try await client.send(.delete(callID: callID, fromTag: nil))
        try await caller.close()
        try await callee.close()
    }

    @Test func rtpengineStoppedIsAClearTimeoutAndItsErrorsAreReported() async throws {
        let engine = try RTPEngineProcess()
        let client = NGClient(
            server: try SocketAddress(ipAddress: "127.0.0.1", port: engine.ngPort), eventLoop: group.next(),
            policy: .init(firstInterval: .milliseconds(50), attempts: 3))
        try await client.start()
        defer { Task { await client.shutdown() } }
        // A broken SDP is refused by rtpengine with its reason.
        do {
            _ = try await client.send(
                .offer(callID: "bad@tsunagu", fromTag: "a", sdp: "this is not SDP", options: NGMediaOptions()))
            Issue.record("rtpengine accepted garbage SDP")
        } catch let error as NGClientError {
            #expect(error.code == .rejected)
            #expect(!error.detail.isEmpty)
        }
        engine.stop()
        #expect(await client.ping() == false)
        do {
            _ = try await client.send(.ping)
        } catch let error as NGClientError {
            #expect(error.code == .timeout)
        }
    }
}
