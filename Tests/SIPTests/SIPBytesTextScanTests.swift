import Testing

@testable import SIP

@Suite struct SIPBytesTextScanTests {
    /// xorshift64*: the same bytes on every run.
    private struct Bytes: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
    }

    private func naive(_ bytes: [UInt8]) -> (isUTF8: Bool, carriageReturns: Int) {
        (String(validating: bytes, as: UTF8.self) != nil, bytes.count { $0 == 0x0D })
    }

    private func scan(_ bytes: [UInt8], from start: Int = 0) -> (isUTF8: Bool, carriageReturns: Int) {
        bytes.withUnsafeBufferPointer { SIPBytes($0).textScan(start..<bytes.count) }
    }

    /// The word-at-a-time scan counts exactly the CRs a byte loop counts, next to LF, 0x8D, 0xFF and one another,
    /// at every length and offset, and tells valid UTF-8 from invalid.
    @Test func countsLikeAByteLoop() {
        var random = Bytes(state: 0x9E37_79B9_7F4A_7C15)
        let alphabet: [UInt8] = [0x0D, 0x0A, 0x0C, 0x0E, 0x8D, 0x4D, 0xFF, 0x00, 0x20, 0x61]
        for length in 0..<80 {
            for _ in 0..<40 {
                let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
                for start in [0, min(3, length)] {
                    let expected = naive(Array(bytes[start...]))
                    let scanned = scan(bytes, from: start)
                    #expect(scanned.carriageReturns == expected.carriageReturns, "\(bytes) from \(start)")
                    #expect(scanned.isUTF8 == expected.isUTF8, "\(bytes) from \(start)")
                }
            }
        }
        let japanese = Array("From: \"山田 太郎\" <sip:yamada@example.jp>\r\nSubject: 折り返し\r\n".utf8)
        #expect(scan(japanese).isUTF8)
        #expect(scan(japanese).carriageReturns == 2)
        #expect(!scan(Array(japanese.dropLast(3))).isUTF8)
    }
}
