import Testing

@testable import SIP

/// The mask sets hold exactly the bytes their grammar rules name, checked over every byte value against the rules
/// written out character by character.
@Suite struct SIPByteSetTests {
    static let letters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
    static let digits = Set("0123456789".utf8)

    func expectSet(_ set: SIPByteSet, holds members: Set<UInt8>) {
        for byte in UInt8.min...UInt8.max {
            #expect(set.contains(byte) == members.contains(byte), "byte 0x\(String(byte, radix: 16))")
        }
    }

    @Test func token() {
        expectSet(.token, holds: Self.letters.union(Self.digits).union("-.!%*_+`'~".utf8))
        #expect(SIPSyntax.isTokenByte(UInt8(ascii: "~")) && !SIPSyntax.isTokenByte(UInt8(ascii: "@")))
    }

    @Test func parameterName() {
        expectSet(.parameterName, holds: Self.letters.union(Self.digits).union("-.!%*_+`'~[]:".utf8))
    }

    @Test func hostName() { expectSet(.hostName, holds: Self.letters.union(Self.digits).union("-.".utf8)) }

    @Test func ipv6() { expectSet(.ipv6, holds: Self.digits.union("abcdefABCDEF:.".utf8)) }

    @Test func scheme() { expectSet(.scheme, holds: Self.letters.union(Self.digits).union("+-.".utf8)) }

    @Test func listDelimiter() { expectSet(.listDelimiter, holds: Set("\",<>".utf8)) }
}

/// The byte splitter of list values gives what the string splitter gives, on random values made of the bytes that
/// matter to it (commas, quotes, escapes, angle brackets, spaces) and letters: with and without commas.
@Suite struct SIPListElementTests {
    @Test func byteSplitterMatchesTheStringSplitter() {
        let alphabet = Array("ab ,\"\\<>\t".utf8)
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<20_000 {
            let length = Int.random(in: 0...(trial.isMultiple(of: 10) ? 80 : 24), using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            let text = String(decoding: bytes, as: UTF8.self)
            var elements: [String] = []
            bytes.withUnsafeBufferPointer { buffer in
                let scanner = SIPBytes(buffer)
                scanner.forEachListElement(in: scanner.all) { elements.append(scanner.string($0)) }
            }
            #expect(elements == SIPSyntax.splitList(text), "\(text.debugDescription)")
        }
    }
}
