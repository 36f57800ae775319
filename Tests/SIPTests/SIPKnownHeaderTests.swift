import Testing

@testable import SIP

/// Header names are looked up eight bytes at a time; these check the lookup against a byte-by-byte comparison.
@Suite struct SIPKnownHeaderTests {
    func lookUp(_ bytes: [UInt8]) -> SIPKnownHeader? {
        bytes.withUnsafeBufferPointer { SIPKnownHeader(SIPBytes($0), $0.indices) }
    }

    /// Every long name, in any case, is its header.
    @Test func everyNameInAnyCase() {
        for known in SIPKnownHeader.allCases {
            let name = known.canonical
            for spelling in [
                name, name.lowercased(), name.uppercased(),
                String(
                    name.enumerated().map { index, c in
                        index.isMultiple(of: 2) ? Character(c.lowercased()) : Character(c.uppercased())
                    }),
            ] {
                #expect(lookUp(Array(spelling.utf8)) == known, "\(spelling)")
            }
        }
    }

    /// Changing any one byte of a long name to any other value (other than the same letter in the other case)
    /// gives a different header or none. `-` against CR (0x2D and 0x0D differ only in the case bit) is among them.
    @Test func everyOtherByteIsRefused() {
        for known in SIPKnownHeader.allCases {
            let name = Array(known.canonical.lowercased().utf8)
            for position in name.indices {
                for byte in UInt8.min...UInt8.max {
                    let original = name[position]
                    let isLetter = original >= 0x61 && original <= 0x7A
                    if byte == original || (isLetter && byte == original - 0x20) { continue }
                    var changed = name
                    changed[position] = byte
                    #expect(lookUp(changed) != known, "\(known) with 0x\(String(byte, radix: 16)) at \(position)")
                }
            }
        }
    }

    /// The word comparison agrees with the byte comparison on random words against each eight-byte window of the
    /// long names.
    @Test func foldedEqualsMatchesTheByteRule() {
        var generator = SystemRandomNumberGenerator()
        let windows = SIPKnownHeader.allCases.map { Array($0.canonical.lowercased().utf8) }.filter { $0.count >= 8 }
        for window in windows {
            let expected = window[0..<8].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            for trial in 0..<2_000 {
                var received = Array(window[0..<8])
                // Half the trials change case only, the rest change one byte at random.
                for index in received.indices where Bool.random(using: &generator) && received[index] >= 0x61 {
                    received[index] -= 0x20
                }
                if trial.isMultiple(of: 2) { received[Int.random(in: 0..<8)] = UInt8.random(in: 0...255) }
                let word = received.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let byByte = zip(received, window).allSatisfy { got, want in
                    got == want || (want >= 0x61 && want <= 0x7A && got == want - 0x20)
                }
                #expect(SIPBytes.foldedEquals(word, expected) == byByte)
            }
        }
    }
}
