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

    /// The pooled words, across many refills and from several threads at once: none repeats, and every bit is set
    /// in about half of them (for 16,000 words a bit outside 7,400–8,600 is about 13 standard deviations off).
    @Test func pooledWordsAreDistinctAndBalanced() async {
        let words = await withTaskGroup(of: [UInt64].self) { group in
            for _ in 0..<4 { group.addTask { (0..<4_000).map { _ in SIPRandomWords.shared.next() } } }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(Set(words).count == words.count)
        for bit in 0..<64 {
            let ones = words.reduce(0) { $0 + Int(($1 >> UInt64(bit)) & 1) }
            #expect((7_400...8_600).contains(ones), "bit \(bit): \(ones) of \(words.count)")
        }
    }
}
