/// A dial-pad key sent in a SIP INFO request as `application/dtmf-relay`, for trunks that take tones in the
/// signalling rather than as RFC 4733 events in the audio. The body is the de-facto format trunks and PBXs read:
/// `Signal=5` and `Duration=` in milliseconds, each line ended by CRLF.
public struct DTMFRelayTone: Sendable, Hashable {
    public static let contentType = "application/dtmf-relay"

    /// One of 0–9, *, #, A–D.
    public let signal: Character
    public let milliseconds: Int

    /// Nil for a key that is not a DTMF tone.
    public init?(_ key: Character, milliseconds: Int = 160) {
        let upper = Character(key.uppercased())
        guard upper.isASCII, upper.isNumber || "*#ABCD".contains(upper), (40...2000).contains(milliseconds) else {
            return nil
        }
        self.signal = upper
        self.milliseconds = milliseconds
    }

    var body: [UInt8] { Array("Signal=\(signal)\r\nDuration=\(milliseconds)\r\n".utf8) }
}
