import Testing

@testable import SIP

@Suite struct SIPBranchKeyTests {
    static let branches = [
        "z9hG4bK0123456789abcdef", "z9hG4bK0123456789abcdee", "z9hG4bKffffffffffffffff", "z9hG4bK0000000000000000",
        "z9hG4bK0123456789ABCDEF", "z9hG4bk0123456789abcdef", "z9hG4bK0123456789abcde", "z9hG4bK0123456789abcdef0",
        "z9hG4bK0123456789abcdeg", "z9hG4bK-0123456789abcde", "z9hG4bK", "1234", "", "z9hG4bK 0123456789abcdef",
        "Z9HG4BK0123456789abcdef", "z9hG4bK776asdhds",
    ]

    @Test func keysAreEqualExactlyWhenTheBranchesAre() {
        for a in Self.branches {
            for b in Self.branches {
                #expect((SIPBranchKey(a) == SIPBranchKey(b)) == (a == b), "\(a) / \(b)")
            }
        }
    }

    @Test func ourBranchesAreNumbersAndOthersText() {
        #expect(SIPBranchKey("z9hG4bK0123456789abcdef") == .number(0x0123_4567_89ab_cdef))
        #expect(SIPBranchKey(SIPIdentifiers.random.branch()) != .text(""))
        if case .text = SIPBranchKey(SIPIdentifiers.random.branch()) { Issue.record("our own branch kept as text") }
        #expect(SIPBranchKey("z9hG4bK0123456789ABCDEF") == .text("z9hG4bK0123456789ABCDEF"))
    }

    /// A response's top Via gives the same key as the branch text it carries, quoted or not.
    @Test func theTopViaOfAMessageGivesTheSameKey() throws {
        for branch in Self.branches where !branch.isEmpty && !branch.contains(" ") {
            let headers: SIPHeaders = [.via: "SIP/2.0/UDP 127.0.0.1:5060;rport;branch=\(branch)"]
            #expect(headers.topViaBranchKey == SIPBranchKey(branch), "\(branch)")
            let quoted: SIPHeaders = [.via: "SIP/2.0/UDP 127.0.0.1:5060;branch=\"\(branch)\""]
            #expect(quoted.topViaBranchKey == SIPBranchKey(branch), "\"\(branch)\"")
        }
        let parsed = try SIPMessageParser.parseDatagram(
            Array(
                "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK00000000000000ff\r\nCSeq: 1 BYE\r\nCall-ID: a\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\nContent-Length: 0\r\n\r\n"
                    .utf8))
        guard case .response(let response) = parsed else { throw SIPBranchKeyTestError.notAResponse }
        #expect(response.headers.topViaBranchKey == .number(0xff))
    }

    /// Content-Length is written in decimal without a String, for every number of digits.
    @Test(arguments: [0, 1, 9, 10, 11, 99, 100, 101, 999, 1_000, 4_096, 10_000, 60_000])
    func contentLengthIsWrittenInDecimal(length: Int) throws {
        let request = SIPRequest(
            method: .message, uri: SIPURI(host: "example.com"),
            headers: [
                .via: "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1", .from: "<sip:a@b>;tag=1", .to: "<sip:c@d>",
                .callID: "x", .cseq: "1 MESSAGE", .maxForwards: "70",
            ], body: Array(repeating: UInt8(ascii: "a"), count: length))
        let text = String(decoding: request.serialized(), as: UTF8.self)
        #expect(text.contains("\r\nContent-Length: \(length)\r\n"))
        let parsed = try SIPMessageParser.parseDatagram(request.serialized())
        guard case .request(let back) = parsed else { throw SIPBranchKeyTestError.notAResponse }
        #expect(back.body.count == length)
    }
}

enum SIPBranchKeyTestError: Error { case notAResponse }
