import Foundation
import Testing

@testable import Media

/// Commands as rtpengine reads them, and rtpengine's real replies (recorded from rtpengine 10.5 on loopback with a
/// real Chromium offer: Fixtures/).
@Suite struct NGMessageTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return Array(try Data(contentsOf: url))
    }

    @Test func pingIsTheDocumentedDatagram() {
        #expect(
            NGMessage(cookie: "5323_1", body: NGCommand.ping.body).serialized()
                == Array("5323_1 d7:command4:pinge".utf8))
    }

    @Test func offerCarriesTheBridgingOptions() throws {
        let body = NGCommand.offer(callID: "c1", fromTag: "f1", sdp: "v=0\r\n", options: .webRTCToPlainRTP).body
        #expect(body["command"]?.text == "offer")
        #expect(body["call-id"]?.text == "c1")
        #expect(body["from-tag"]?.text == "f1")
        #expect(body["ICE"]?.text == "remove")
        #expect(body["DTLS"]?.text == "off")
        #expect(body["transport-protocol"]?.text == "RTP/AVP")
        #expect(body["rtcp-mux"]?.list == ["demux"])
        #expect(body["codec"]?["strip"]?.list == ["all"])
        #expect(body["codec"]?["except"]?.list == ["PCMU", "PCMA", "telephone-event"])
        #expect(body["record call"]?.text == "no")
        let encoded = String(decoding: BencodeEncoder.encode(body), as: UTF8.self)
        #expect(encoded.hasPrefix("d4:DTLS3:off3:ICE6:remove7:call-id2:c1"))
    }

    @Test func answerAndDeleteAndQuery() {
        let answer = NGCommand.answer(
            callID: "c1", fromTag: "f1", toTag: "t1", sdp: "v=0", options: .plainRTPAnswerToWebRTC
        ).body
        #expect(answer["to-tag"]?.text == "t1")
        #expect(answer["transport-protocol"]?.text == "UDP/TLS/RTP/SAVPF")
        #expect(answer["ICE"]?.text == "force")
        #expect(answer["DTLS"]?.text == "active")
        #expect(
            NGCommand.delete(callID: "c1", fromTag: nil).body == .dictionary(["command": "delete", "call-id": "c1"]))
        #expect(NGCommand.query(callID: "c1").body == .dictionary(["command": "query", "call-id": "c1"]))
    }

    @Test func recordedOfferReplyIsPlainRTPWithG711Only() throws {
        let message = try NGMessage.parse(try Self.fixture("rec-offer.bin"))
        #expect(message.cookie == "rec-offer")
        let reply = NGReply(body: message.body)
        #expect(reply.result == "ok")
        let sdp = try #require(reply.sdp)
        #expect(sdp.contains("m=audio 30000 RTP/AVP 0 8 126\r\n"))
        #expect(!sdp.contains("a=fingerprint"))
        #expect(!sdp.contains("a=ice-ufrag"))
        #expect(!sdp.contains("opus"))
    }

    @Test func recordedAnswerReplyIsWebRTC() throws {
        let reply = NGReply(body: try NGMessage.parse(try Self.fixture("rec-answer.bin")).body)
        let sdp = try #require(reply.sdp)
        #expect(sdp.contains("UDP/TLS/RTP/SAVPF 0\r\n"))
        #expect(sdp.contains("a=fingerprint:sha-256 "))
        #expect(sdp.contains("a=setup:passive"))
        #expect(sdp.contains("typ host"))
    }

    @Test func recordedQueryReplyIsReadInItsUnsortedOrder() throws {
        let reply = NGReply(body: try NGMessage.parse(try Self.fixture("rec-query.bin")).body)
        #expect(reply.result == "ok")
        #expect(reply.body["tags"]?["browser-tag"]?["tag"]?.text == "browser-tag")
        #expect(reply.body["tags"]?["trunk-tag"]?["medias"]?.list?.first?["protocol"]?.text == "RTP/AVP")
        #expect(reply.relayedPackets == 0)
    }

    @Test func recordedUnknownCallReply() throws {
        let message = try NGMessage.parse(try Self.fixture("rec-query-gone.bin"))
        var machine = NGRequestMachine(
            message: NGMessage(cookie: message.cookie, body: NGCommand.query(callID: "x").body))
        _ = machine.start()
        let actions = machine.receive(message)
        guard case .fail(let error) = actions.last else { Issue.record("expected a failure: \(actions)"); return }
        #expect(error.code == .rejected)
        #expect(error.isUnknownCall)
        #expect(error.detail == "Unknown call-id")
    }

    @Test(arguments: ["", "nocookie", " d6:result2:oke", "c1 garbage", "c1 i1e", "c1 d6:result", "c1 d6:result2:okee"])
    func rejectsMalformedDatagrams(text: String) {
        #expect(throws: NGMessageError.self) { try NGMessage.parse(Array(text.utf8)) }
    }
}
