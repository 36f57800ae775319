import Foundation
import Testing

@testable import SIP

/// RFC 4475 §3.1: the torture-test messages, byte for byte (see Fixtures/rfc4475/INDEX.md).
@Suite struct RFC4475TortureTests {
    private static func fixture(_ kind: String, _ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/rfc4475/\(kind)/\(name)", withExtension: "sip"))
        return Array(try Data(contentsOf: url))
    }

    private static func parse(_ bytes: [UInt8]) -> Result<SIPMessage, SIPRejectedMessage> {
        do {
            return .success(try SIPMessageParser.parseDatagram(bytes))
        } catch {
            return .failure(error)
        }
    }

    /// Every valid message parses.
    @Test(arguments: [
        "wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq", "semiuri", "transports",
        "mpart01", "unreason", "noreason",
    ])
    func validMessagesParse(name: String) throws {
        let result = Self.parse(try Self.fixture("valid", name))
        switch result {
        case .failure(let rejection): Issue.record("\(name): \(rejection.error)")
        case .success(let message):
            #expect(Self.parse(message.serialized()) == .success(message), "\(name) changes when written back")
        }
    }

    /// The short tortuous INVITE reads as the RFC explains it.
    @Test func tortuousInviteDetails() throws {
        guard case .success(.request(let request)) = Self.parse(try Self.fixture("valid", "wsinv")) else {
            Issue.record("not a request")
            return
        }
        #expect(request.method == .invite)
        #expect(request.headers.values(.via).count == 3)
        #expect(request.headers.cseq?.number == 9)
        #expect(request.headers.from?.tag != nil)
        #expect(request.body.count == 150)
    }

    /// The datagram's extra octets after Content-Length 0 are noise (RFC 3261 §18.3).
    @Test func trailingOctetsAreIgnored() throws {
        guard case .success(.request(let request)) = Self.parse(try Self.fixture("valid", "dblreq")) else {
            Issue.record("not a request")
            return
        }
        #expect(request.method == .register)
        #expect(request.body.isEmpty)
    }

    /// The multipart body with NUL, CR and LF is framed by Content-Length.
    @Test func binaryBodyIsFramedByLength() throws {
        let result = Self.parse(try Self.fixture("valid", "mpart01"))
        #expect((try? result.get())?.body.count == 553)
    }

    /// Messages that must be refused; requests among them keep what a 400 (or 505) needs.
    @Test(arguments: [
        ("badinv01", true), ("clerr", true), ("ncl", true), ("scalar02", true), ("scalarlg", false),
        ("quotbal", true), ("ltgtruri", false), ("lwsruri", false), ("badvers", false), ("mismatch01", true),
        ("mismatch02", true), ("bigcode", false),
    ])
    func invalidMessagesAreRefused(name: String, answerable: Bool) throws {
        guard case .failure(let rejection) = Self.parse(try Self.fixture("invalid", name)) else {
            Issue.record("\(name) was accepted")
            return
        }
        if answerable {
            #expect(rejection.request?.headers.callID != nil, "\(name): a 400 needs the request's headers")
        }
        if name == "badvers" { #expect(rejection.error.code == .unsupportedVersion) }
    }

    /// Messages the RFC lets an element read leniently: whatever we decide, nothing crashes and no garbage comes out.
    @Test(arguments: ["lwsstart", "trws", "escruri", "baddate", "regbadct", "badaspec", "baddn"])
    func lenientOrRefused(name: String) throws {
        let bytes = try Self.fixture("invalid", name)
        if case .success(let message) = Self.parse(bytes) {
            #expect((try? SIPMessageParser.parseDatagram(message.serialized())) == message)
        }
    }
}

/// Inputs the libFuzzer target once stopped on (scripts/fuzz-sip-parser), kept so they stay fixed.
@Suite struct FuzzRegressionTests {
    @Test(arguments: 1...3)
    func parsesOrRefusesAndWritesBackTheSame(index: Int) throws {
        let url = try #require(
            Bundle.module.url(forResource: "Fixtures/fuzz/regression-\(index)", withExtension: "bin"))
        let bytes = Array(try Data(contentsOf: url))
        guard let message = try? SIPMessageParser.parseDatagram(bytes) else { return }
        let again = try SIPMessageParser.parseDatagram(message.serialized())
        let withoutLength = { (message: SIPMessage) in message.headers.fields.filter { $0.name != .contentLength } }
        #expect(withoutLength(again) == withoutLength(message))
        #expect(again.body == message.body)
    }
}
