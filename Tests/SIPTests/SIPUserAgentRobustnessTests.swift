import Foundation
import NIOCore
import NIOPosix
import Synchronization
import Testing

@testable import SIP

/// Hostile or broken input on the user agent's real UDP socket: answered 400 where RFC 3261 says so, otherwise
/// dropped; nothing crashes and nothing piles up.
@Suite(.serialized) struct SIPUserAgentRobustnessTests {
    /// A raw UDP peer that records what comes back.
    final class Peer: ChannelInboundHandler, Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        private let received = Mutex<[String]>([])

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = unwrapInboundIn(data)
            received.withLock { $0.append(String(decoding: envelope.data.readableBytesView, as: UTF8.self)) }
        }

        var messages: [String] { received.withLock { $0 } }
    }

    private static let group = MultiThreadedEventLoopGroup.singleton

    private func withAgentAndPeer(
        timers: SIPTimerConfiguration = SIPTimerConfiguration(),
        _ body: (SIPUserAgent, SocketAddress, any Channel, Peer) async throws -> Void
    ) async throws {
        let agent = SIPUserAgent(eventLoop: Self.group.next(), configuration: .init(timers: timers))
        let address = try await agent.start()
        let peer = Peer()
        let channel = try await DatagramBootstrap(group: Self.group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(peer) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        try await body(agent, address, channel, peer)
        try? await channel.close()
        await agent.shutdown()
    }

    private func send(_ text: String, _ channel: any Channel, to address: SocketAddress) async throws {
        try await send(Array(text.utf8), channel, to: address)
    }

    private func send(_ bytes: [UInt8], _ channel: any Channel, to address: SocketAddress) async throws {
        let buffer = channel.allocator.buffer(bytes: bytes)
        try await channel.writeAndFlush(AddressedEnvelope(remoteAddress: address, data: buffer))
    }

    private func waitFor(_ peer: Peer, count: Int) async {
        for _ in 0..<200 where peer.messages.count < count { try? await Task.sleep(for: .milliseconds(10)) }
    }

    /// A request missing Call-ID gets 400 with a Warning that says why; garbage gets nothing.
    @Test func badRequestIsAnswered400() async throws {
        try await withAgentAndPeer { agent, address, channel, peer in
            try await send("garbage\r\n\r\n", channel, to: address)
            try await send([0xFF, 0x00, 0x13, 0x37], channel, to: address)
            let request = [
                "OPTIONS sip:tsunagu@127.0.0.1 SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:\(channel.localAddress!.port!);branch=z9hG4bKbad",
                "From: <sip:x@127.0.0.1>;tag=1", "To: <sip:tsunagu@127.0.0.1>", "CSeq: 1 OPTIONS", "Content-Length: 0",
                "", "",
            ].joined(separator: "\r\n")
            try await send(request, channel, to: address)
            await waitFor(peer, count: 1)
            #expect(peer.messages.count == 1)
            #expect(peer.messages.first?.hasPrefix("SIP/2.0 400 Bad Request\r\n") == true)
            #expect(peer.messages.first?.contains("Warning: 399 tsunagu \"missing Call-ID\"") == true)
            #expect(await agent.load.dropped == 3)
        }
    }

    /// An unsupported version gets 505 (RFC 3261 §8.2.1... via RFC 4475 §3.1.2.16).
    @Test func unsupportedVersionIsAnswered505() async throws {
        try await withAgentAndPeer { _, address, channel, peer in
            let request = [
                "OPTIONS sip:tsunagu@127.0.0.1 SIP/7.0",
                "Via: SIP/7.0/UDP 127.0.0.1;branch=z9hG4bKv", "From: <sip:x@y>;tag=1", "To: <sip:t@y>",
                "Call-ID: v@y", "CSeq: 1 OPTIONS", "", "",
            ].joined(separator: "\r\n")
            try await send(request, channel, to: address)
            await waitFor(peer, count: 1)
            // The start line is unreadable as SIP/2.0, so nothing can be answered reliably: dropped.
            #expect(peer.messages.isEmpty || peer.messages[0].hasPrefix("SIP/2.0 505"))
        }
    }

    /// An out-of-dialog OPTIONS is answered 200; an incoming INVITE is declined (we only call out).
    @Test func answersOptionsAndDeclinesInvites() async throws {
        try await withAgentAndPeer { _, address, channel, peer in
            let port = channel.localAddress!.port!
            func request(_ method: String, _ branch: String) -> String {
                [
                    "\(method) sip:tsunagu@127.0.0.1 SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:\(port);branch=\(branch)",
                    "Max-Forwards: 70", "From: <sip:x@127.0.0.1>;tag=1", "To: <sip:tsunagu@127.0.0.1>",
                    "Call-ID: \(branch)@x", "CSeq: 1 \(method)", "Content-Length: 0", "", "",
                ].joined(separator: "\r\n")
            }
            try await send(request("OPTIONS", "z9hG4bKo1"), channel, to: address)
            try await send(request("INVITE", "z9hG4bKi1"), channel, to: address)
            await waitFor(peer, count: 3)
            let starts = peer.messages.compactMap { $0.components(separatedBy: "\r\n").first }
            #expect(starts.contains("SIP/2.0 200 OK"))
            #expect(starts.contains("SIP/2.0 100 Trying"))
            #expect(starts.contains("SIP/2.0 603 Decline"))
        }
    }

    /// A datagram is read whole up to the largest UDP payload (NIO's default receive buffer is 2,048 bytes, which
    /// would cut a large INVITE's SDP short): a 60,000-byte OPTIONS is answered, its body intact.
    @Test(arguments: [1_500, 2_100, 9_000, 60_000]) func largeDatagramsAreReadWhole(size: Int) async throws {
        try await withAgentAndPeer { _, address, channel, peer in
            let head = [
                "OPTIONS sip:tsunagu@127.0.0.1 SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:\(channel.localAddress!.port!);branch=z9hG4bKlarge\(size)",
                "Max-Forwards: 70", "From: <sip:x@127.0.0.1>;tag=1", "To: <sip:tsunagu@127.0.0.1>",
                "Call-ID: large\(size)@x", "CSeq: 1 OPTIONS", "Content-Type: text/plain",
            ]
            let withoutBody = (head + ["Content-Length: 00000", "", ""]).joined(separator: "\r\n").utf8.count
            let body = String(repeating: "a", count: size - withoutBody)
            let request = (head + ["Content-Length: \(String(format: "%05d", body.utf8.count))", "", body])
                .joined(separator: "\r\n")
            #expect(request.utf8.count == size)
            try await send(request, channel, to: address)
            await waitFor(peer, count: 1)
            #expect(peer.messages.first?.hasPrefix("SIP/2.0 200 OK\r\n") == true, "\(size) bytes")
        }
    }

    /// Ten thousand junk datagrams: the agent still answers, holds no transactions for them, and stays up.
    @Test func survivesAFlood() async throws {
        try await withAgentAndPeer { agent, address, channel, peer in
            var generator = SystemRandomNumberGenerator()
            for index in 0..<10_000 {
                let length = Int(generator.next() % 1_400) + 1
                var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                if index % 3 == 0 {
                    bytes = Array("INVITE sip:a@b SIP/2.0\r\nContent-Length: 99999\r\n\r\n".utf8) + bytes
                }
                channel.write(
                    AddressedEnvelope(remoteAddress: address, data: channel.allocator.buffer(bytes: bytes)),
                    promise: nil)
                if index % 200 == 0 {
                    try await channel.writeAndFlush(
                        AddressedEnvelope(remoteAddress: address, data: channel.allocator.buffer(bytes: [0x0D, 0x0A])))
                }
            }
            channel.flush()
            try await Task.sleep(for: .milliseconds(300))
            let response = try await agent.ping(
                SIPUserAgent.Peer(host: "127.0.0.1", port: address.port!), from: SIPURI(host: "127.0.0.1"))
            #expect(response.statusCode == 200, "the agent answers its own OPTIONS through the same socket")
            // Only the ping itself: its client transaction and the server transaction that answered it.
            #expect(await agent.load.transactions <= 2)
            _ = peer
        }
    }

    /// A trunk that never answers: Timer B ends the call as unreachable (short timers here).
    @Test func unreachableTrunkTimesOut() async throws {
        let timers = SIPTimerConfiguration(t1: .milliseconds(20), t2: .milliseconds(200), timerD: .milliseconds(100))
        try await withAgentAndPeer(timers: timers) { agent, address, channel, peer in
            let silent = SIPUserAgent.Peer(host: "127.0.0.1", port: channel.localAddress!.port!)
            let ended = Mutex<OutboundCallEnding?>(nil)
            let parameters = OutboundCallParameters(
                target: SIPURI(user: "0312345678", host: "127.0.0.1", port: silent.port),
                from: SIPNameAddress(uri: SIPURI(user: "0399999999", host: "127.0.0.1")),
                contact: SIPURI(user: "tsunagu", host: "127.0.0.1", port: address.port!),
                via: .init(transport: "UDP", host: "127.0.0.1", port: address.port!), credentials: nil, offer: nil,
                ringTimeout: .seconds(30))
            try await agent.placeCall(parameters, via: silent) { progress in
                if case .ended(let ending) = progress { ended.withLock { $0 = ending } }
            }
            for _ in 0..<300 where ended.withLock({ $0 }) == nil { try? await Task.sleep(for: .milliseconds(10)) }
            #expect(ended.withLock { $0 }?.cause == .noResponse)
            #expect(peer.messages.filter { $0.hasPrefix("INVITE") }.count >= 5, "Timer A retransmitted the INVITE")
            #expect(await agent.load.calls == 0)
        }
    }

    /// A trunk configured at an address that is not one host's is refused before anything is sent, and so is one
    /// the kernel would refuse to send to (127.255.255.255 is loopback's broadcast address: EACCES).
    @Test(arguments: ["255.255.255.255", "224.0.0.1", "0.0.0.0", "::", "ff02::1", "127.255.255.255"])
    func nonUnicastTrunkIsRefused(host: String) async throws {
        try await withAgentAndPeer { agent, _, _, _ in
            await #expect(throws: SIPUserAgentError(code: .unusableAddress, detail: "")) {
                _ = try await agent.ping(.init(host: host), from: SIPURI(user: "tsunagu", host: "127.0.0.1"))
            }
        }
    }

    /// A send the kernel refuses so that NIO closes the socket (EACCES for a broadcast address; nothing leaves the
    /// machine) fails only its own transaction: the UDP socket every other call shares is opened again on its port.
    @Test func socketClosedByASendErrorIsReopened() async throws {
        try await withAgentAndPeer { agent, address, channel, peer in
            let broadcast = SIPDestination(
                transport: .udp,
                address: SocketAddressKey(address: try SocketAddress(ipAddress: "255.255.255.255", port: 5060)))
            let port = channel.localAddress!.port!
            @Sendable func options(_ branch: String) -> SIPRequest {
                var headers = SIPHeaders()
                headers.add(.via, "SIP/2.0/UDP 127.0.0.1:\(address.port!);branch=\(branch)")
                headers.add(.from, "<sip:tsunagu@127.0.0.1>;tag=1")
                headers.add(.to, "<sip:trunk@127.0.0.1>")
                headers.add(.callID, "\(branch)@tsunagu")
                headers.add(.cseq, "1 OPTIONS")
                return SIPRequest(method: .options, uri: SIPURI(host: "255.255.255.255"), headers: headers)
            }
            let core = agent.core
            await #expect(throws: SIPUserAgentError(code: .transportFailed, detail: "")) {
                _ = try await agent.eventLoop.flatSubmit {
                    core.value.request(options("z9hG4bKrefused"), to: broadcast)
                }
                .get()
            }
            let text = [
                "OPTIONS sip:tsunagu@127.0.0.1 SIP/2.0", "Via: SIP/2.0/UDP 127.0.0.1:\(port);branch=z9hG4bKafter",
                "Max-Forwards: 70", "From: <sip:x@127.0.0.1>;tag=1", "To: <sip:tsunagu@127.0.0.1>",
                "Call-ID: after@x", "CSeq: 1 OPTIONS", "Content-Length: 0", "", "",
            ].joined(separator: "\r\n")
            // Sent again like a UDP client would, until the reopened socket answers.
            for _ in 0..<40 where peer.messages.isEmpty {
                try await send(text, channel, to: address)
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(peer.messages.first?.hasPrefix("SIP/2.0 200 OK") == true, "the agent answers on its old port")
            #expect(await agent.localUDPAddress?.port == address.port)
        }
    }
}
