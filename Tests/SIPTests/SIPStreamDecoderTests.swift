import NIOCore
import NIOTestUtils
import Testing

@testable import SIP

@Suite struct SIPStreamDecoderTests {
    private static func message(_ cseq: Int, body: String) -> (String, SIPMessage) {
        let text = [
            "MESSAGE sip:tsunagu@127.0.0.1 SIP/2.0", "Via: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK\(cseq)",
            "From: <sip:a@127.0.0.1>;tag=1", "To: <sip:tsunagu@127.0.0.1>", "Call-ID: c\(cseq)@127.0.0.1",
            "CSeq: \(cseq) MESSAGE", "Content-Length: \(body.utf8.count)", "", body,
        ].joined(separator: "\r\n")
        return (text, try! SIPMessageParser.parseDatagram(Array(text.utf8)))
    }

    /// NIO's verifier: byte-at-a-time drip feed, several messages in one buffer, each message alone — the same
    /// messages come out (style practice 6).
    @Test func decoderPassesNIOsVerifier() throws {
        let pairs = [
            Self.message(1, body: ""), Self.message(2, body: "hello\r\n\r\nworld"), Self.message(3, body: "x"),
        ]
        try ByteToMessageDecoderVerifier.verifyDecoder(
            stringInputOutputPairs: pairs.map { ($0.0, [Result<SIPMessage, SIPRejectedMessage>.success($0.1)]) }
        ) { SIPStreamDecoder() }
    }
}
