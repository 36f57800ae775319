import Testing

@testable import TsunaguCore

/// Code page 932 as Windows and Excel write it, including the characters plain Shift_JIS lacks.
@Suite struct CP932Tests {
    /// Bytes written by Python's cp932 codec (Microsoft's table) for these strings.
    static let samples: [(String, [UInt8])] = [
        ("会社名", [0x89, 0xEF, 0x8E, 0xD0, 0x96, 0xBC]),
        ("ｶﾌﾞｼｷ", [0xB6, 0xCC, 0xDE, 0xBC, 0xB7]),
        ("①髙﨑", [0x87, 0x40, 0xFB, 0xFC, 0xFA, 0xB1]),
        ("～－", [0x81, 0x60, 0x81, 0x7C]),
        ("abc,\"\r\n", [0x61, 0x62, 0x63, 0x2C, 0x22, 0x0D, 0x0A]),
        ("株式会社テスト", [0x8A, 0x94, 0x8E, 0xAE, 0x89, 0xEF, 0x8E, 0xD0, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67]),
    ]

    @Test(arguments: samples)
    func decodes(text: String, bytes: [UInt8]) {
        #expect(CP932.decode(bytes) == text)
    }

    @Test(arguments: samples)
    func encodes(text: String, bytes: [UInt8]) {
        #expect(CP932.encode(text) == bytes)
    }

    /// Every mapped double-byte code survives a round trip.
    @Test func roundTripsTheWholeTable() {
        var checked = 0
        for lead in CP932Table.leadBytes {
            for trail in UInt8(0x40)...0xFC where trail != 0x7F {
                guard let text = CP932.decode([lead, trail]) else { continue }
                let again = CP932.encode(text)
                #expect(CP932.decode(again) == text)
                checked += 1
            }
        }
        #expect(checked == 9604)
    }

    @Test func reportsWhereDecodingFails() {
        #expect(CP932.transcodeToUTF8([0x41, 0x81]) == .failure(.init(byteOffset: 1)))
        #expect(CP932.transcodeToUTF8([0x41, 0x42, 0x85, 0x40]) == .failure(.init(byteOffset: 2)))
        #expect(CP932.transcodeToUTF8([0xFF]) == .failure(.init(byteOffset: 0)))
    }

    @Test func unencodableCharactersBecomeQuestionMarks() {
        #expect(CP932.encode("a😀b") == [0x61, 0x3F, 0x62])
        #expect(!CP932.canEncode("😀") && CP932.canEncode("東京都"))
    }

    /// BOM → UTF-8; valid UTF-8 → UTF-8; otherwise CP932; otherwise a clear refusal.
    @Test func detectsEncodings() throws {
        let text = "会社名,電話番号\r\n"
        #expect(try TextFileDecoder.decode(Array(text.utf8)).get().encoding == .utf8)
        #expect(try TextFileDecoder.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8)).get().encoding == .utf8WithBOM)
        let cp932 = try TextFileDecoder.decode(CP932.encode(text)).get()
        #expect(cp932.encoding == .cp932 && String(decoding: cp932.utf8, as: UTF8.self) == text)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let decoded16 = try TextFileDecoder.decode(utf16).get()
        #expect(decoded16.encoding == .utf16LittleEndian && String(decoding: decoded16.utf8, as: UTF8.self) == text)
        #expect(throws: TextFileDecoder.Failure.unreadableEncoding(byteOffset: 2)) {
            try TextFileDecoder.decode([0x41, 0x42, 0xFF, 0xFE, 0x41]).get()
        }
        #expect(throws: TextFileDecoder.Failure.binaryContent) {
            try TextFileDecoder.decode([0x89, 0x50, 0x00, 0x0D]).get()
        }
    }
}
