import Testing

@testable import SIP

@Suite struct SIPIdentifiersTests {
    /// Random identifiers are lower-case hex of the asked length, every digit value turns up, and no two repeat
    /// (RFC 3261 §8.1.1.7, §19.3: branches, tags and Call-IDs must be unique).
    @Test func randomHexIsUniqueLowerCaseHex() {
        var seen: Set<String> = []
        var digitsSeen: Set<Character> = []
        for digits in [1, 15, 16, 17, 24, 40] {
            for _ in 0..<200 {
                let text = SIPIdentifiers.randomHex(digits)
                #expect(text.count == digits)
                #expect(text.allSatisfy { $0.isHexDigit && !$0.isUppercase })
                digitsSeen.formUnion(text)
                if digits >= 16 { #expect(seen.insert(text).inserted) }
            }
        }
        #expect(digitsSeen.count == 16)
        #expect(SIPIdentifiers.random.branch().hasPrefix("z9hG4bK"))
    }
}
