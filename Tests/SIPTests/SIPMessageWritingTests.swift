import NIOCore
import Testing

@testable import SIP

/// A message written straight into a send buffer's memory is byte for byte the one written into an array, however
/// its size compares with the room reserved for it.
@Suite struct SIPMessageWritingTests {
    private static func request(headerBytes: Int, bodyBytes: Int) -> SIPRequest {
        var headers = SIPHeaders()
        headers.add(.via, "SIP/2.0/UDP 127.0.0.1:5062;branch=z9hG4bK0123456789abcdef;rport")
        headers.add(.from, "<sip:tsunagu@127.0.0.1>;tag=ours")
        headers.add(.to, "<sip:0312345678@127.0.0.1>")
        headers.add(.callID, "call-1@127.0.0.1")
        headers.add(.cseq, "1 INVITE")
        headers.add(.userAgent, String(repeating: "x", count: headerBytes))
        headers.add(.contentType, "application/sdp")
        return SIPRequest(
            method: .invite, uri: SIPURI(user: "0312345678", host: "127.0.0.1"), headers: headers,
            body: Array(repeating: UInt8(ascii: "v"), count: bodyBytes))
    }

    /// Header sections from a few bytes to far beyond the 640 reserved, bodies up to 40,000 bytes.
    @Test(arguments: [(0, 0), (10, 300), (600, 0), (700, 10), (5_000, 0), (20_000, 40_000)])
    func bufferMatchesArray(headerBytes: Int, bodyBytes: Int) throws {
        let message = SIPMessage.request(Self.request(headerBytes: headerBytes, bodyBytes: bodyBytes))
        var buffer = ByteBufferAllocator().buffer(capacity: 16)
        buffer.writeSIPMessage(message)
        #expect(Array(buffer.readableBytesView) == message.serialized())
        let parsed = try SIPMessageParser.parseDatagram(Array(buffer.readableBytesView))
        #expect(parsed.serialized() == message.serialized(), "it parses back to the same message")
    }

    /// The memory sink fills its room exactly, and refuses what goes one byte beyond, writing none of it.
    @Test func memorySinkStopsAtItsEnd() {
        let bytes = Array("INVITE sip:a@h SIP/2.0\r\n".utf8)
        for room in [bytes.count, bytes.count - 1] {
            let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: room, alignment: 1)
            defer { memory.deallocate() }
            var sink = SIPMemoryByteSink(memory)
            sink.writeSIPBytes(bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[..<10]) })
            bytes.withUnsafeBufferPointer {
                sink.writeSIPBytes(UnsafeBufferPointer(rebasing: $0[10..<(bytes.count - 1)]))
            }
            sink.writeSIPByte(bytes.last!)
            #expect(sink.overflowed == (room < bytes.count))
            if !sink.overflowed { #expect(Array(memory) == bytes) }
        }
    }
}
