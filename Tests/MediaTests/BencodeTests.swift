import Testing

@testable import Media

@Suite struct BencodeTests {
    private func decode(_ text: String) throws(BencodeError) -> BencodeValue {
        try BencodeDecoder().decode(Array(text.utf8))
    }

    @Test func encodesEachKind() {
        #expect(BencodeEncoder.encode(42) == Array("i42e".utf8))
        #expect(BencodeEncoder.encode(-7) == Array("i-7e".utf8))
        #expect(BencodeEncoder.encode("spam") == Array("4:spam".utf8))
        #expect(BencodeEncoder.encode(.bytes([])) == Array("0:".utf8))
        #expect(BencodeEncoder.encode(["spam", 1]) == Array("l4:spami1ee".utf8))
    }

    @Test func encodesDictionaryKeysSortedByBytes() {
        let value = BencodeValue.dictionary(["zeta": 1, "SDES": ["off"], "alpha": "x"])
        #expect(BencodeEncoder.encode(value) == Array("d4:SDESl3:offe5:alpha1:x4:zetai1ee".utf8))
    }

    @Test func stringsAreCountedInBytesNotCharacters() throws {
        let value = BencodeValue.string("会社")
        #expect(BencodeEncoder.encode(value) == Array("6:会社".utf8))
        #expect(try decode("6:会社").text == "会社")
    }

    @Test func decodesDictionariesInAnyKeyOrderKeepingTheOrder() throws {
        // rtpengine sends keys unsorted ("result" after "sdp", upper case after lower case).
        let value = try decode("d3:sdp3:v=04:SSRCde6:result2:oke")
        #expect(value["result"]?.text == "ok")
        #expect(value["sdp"]?.text == "v=0")
        guard case .dictionary(let entries) = value else { Issue.record("not a dictionary"); return }
        #expect(entries.map { String(decoding: $0.key, as: UTF8.self) } == ["sdp", "SSRC", "result"])
    }

    @Test func roundTripsNestedValues() throws {
        let value = BencodeValue.dictionary([
            "command": "offer", "flags": ["trust-address", "generate-mid"], "codec": .dictionary(["strip": ["all"]]),
            "n": 0, "empty": .list([]), "blank": .dictionary([]),
        ])
        let decoded = try BencodeDecoder().decode(BencodeEncoder.encode(value))
        #expect(BencodeEncoder.encode(decoded) == BencodeEncoder.encode(value))
        #expect(decoded["codec"]?["strip"]?.list == ["all"])
        #expect(decoded["n"]?.integer == 0)
    }

    @Test(arguments: [
        ("", BencodeError.Kind.truncated),
        ("i42", .truncated),
        ("i-0e", .badNumber),
        ("i03e", .badNumber),
        ("ie", .badNumber),
        ("i1x2e", .badNumber),
        ("i99999999999999999999e", .badNumber),
        ("5:abc", .lengthBeyondEnd),
        ("03:abc", .badNumber),
        ("99999999999999999999:x", .badNumber),
        ("-1:x", .unexpectedByte),
        ("l4:spam", .truncated),
        ("d3:key", .truncated),
        ("di1e1:ae", .keyNotString),
        ("x", .unexpectedByte),
        ("i1ei2e", .trailingBytes),
        ("4:spamx", .trailingBytes),
    ])
    func rejectsMalformedInput(text: String, kind: BencodeError.Kind) {
        #expect(throws: BencodeError.self) { try decode(text) }
        do {
            _ = try decode(text)
        } catch {
            #expect(error.kind == kind, "\(text)")
        }
    }

    @Test func boundsNesting() {
        let deep = String(repeating: "l", count: 100_000) + String(repeating: "e", count: 100_000)
        #expect(throws: BencodeError(.tooDeep, at: 32)) { try decode(deep) }
        #expect(throws: Never.self) {
            try BencodeDecoder().decode(
                Array((String(repeating: "l", count: 31) + String(repeating: "e", count: 31)).utf8))
        }
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix(seed: 0x7475_6e61_6775)
        let alphabet = Array("ilde0123456789:-x ".utf8)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let bytes = (0..<length).map { _ in
                Bool.random(using: &generator)
                    ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            if let value = try? BencodeDecoder().decode(bytes) {
                // Whatever decodes must encode again (possibly with sorted keys) and decode to the same value.
                #expect((try? BencodeDecoder().decode(BencodeEncoder.encode(value))) != nil)
            }
        }
    }
}

/// A small deterministic generator, so a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
