import Testing

@testable import SIP

@Suite struct DigestAuthorizationTests {
    /// RFC 2617 §3.5: MD5 with qop=auth.
    @Test func rfc2617Example() throws {
        let challenge = try DigestChallenge(
            parsing:
                #"Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41""#
        )
        #expect(challenge.algorithm == .md5)
        let answer = try DigestAuthorization(
            answering: challenge, method: "GET", uri: "/dir/index.html", username: "Mufasa",
            password: "Circle Of Life", cnonce: "0a4f113b", nonceCount: 1)
        #expect(answer.response == "6629fae49393a05397450978507c4ef1")
        let header = answer.description
        #expect(header.contains("qop=auth, nc=00000001"))
        #expect(header.contains(#"opaque="5ccc069c403ebaf9f0171e9517f40e41""#))
        #expect(!header.contains("algorithm="), "an RFC 2617 server that named no algorithm is not sent one")
    }

    /// RFC 7616 §3.9.1, which RFC 8760 takes for SIP: the same request with MD5 and with SHA-256.
    @Test(arguments: [
        ("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
        ("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"),
    ])
    func rfc7616Examples(algorithm: String, expected: String) throws {
        let challenge = try DigestChallenge(
            parsing:
                "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=\(algorithm), nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\""
        )
        let answer = try DigestAuthorization(
            answering: challenge, method: "GET", uri: "/dir/index.html", username: "Mufasa",
            password: "Circle of Life", cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", nonceCount: 1)
        #expect(answer.response == expected)
        #expect(answer.description.contains("algorithm=\(algorithm)"))
    }

    /// A challenge without qop (RFC 2069 style) with SHA-256 (curl's test 2061 vector).
    @Test func sha256WithoutQop() throws {
        let challenge = try DigestChallenge(
            parsing: #"Digest realm="testrealm", nonce="1053604145", algorithm="SHA-256""#)
        let answer = try DigestAuthorization(
            answering: challenge, method: "GET", uri: "/2061", username: "testuser", password: "testpass",
            cnonce: "unused")
        #expect(answer.response == "9dc55255f1a2537b838311674b621d45346b862a81631bb20e4ce356ef25062d")
        #expect(!answer.description.contains("cnonce"))
        #expect(!answer.description.contains("nc="))
    }

    /// RFC 8760 §2.4: among several challenges the strongest supported algorithm is answered; unknown ones never.
    @Test func picksTheStrongestChallenge() {
        let chosen = DigestChallenge.preferred(among: [
            #"Digest realm="r", nonce="n1", algorithm=MD5"#,
            #"Digest realm="r", nonce="n2", algorithm=SHA-512-256"#,
            #"Digest realm="r", nonce="n3", algorithm=SHA-256"#,
            #"Digest realm="r", nonce="n4", algorithm=ROT13"#,
        ])
        #expect(chosen?.nonce == "n2")
        #expect(DigestChallenge.preferred(among: [#"Digest realm="r", nonce="n", algorithm=ROT13"#]) == nil)
    }

    /// The nonce count is eight hex digits and the stale flag is read.
    @Test func nonceCountAndStale() throws {
        let challenge = try DigestChallenge(parsing: #"Digest realm="r", nonce="n", qop="auth", stale=TRUE"#)
        #expect(challenge.stale)
        let answer = try DigestAuthorization(
            answering: challenge, method: .register, uri: "sip:r", username: "u", password: "p", cnonce: "c",
            nonceCount: 26)
        #expect(answer.description.contains("nc=0000001a"))
    }

    @Test(arguments: ["Basic realm=\"r\"", "Digest nonce=\"n\"", "Digest realm=\"r\", nonce=\"unterminated", "Digest"])
    func badChallengesAreRefused(text: String) {
        #expect(throws: SIPParseError.self) { try DigestChallenge(parsing: text) }
    }
}
