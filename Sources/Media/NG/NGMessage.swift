/// One ng datagram: a cookie, a space, and a bencoded dictionary. The cookie pairs a reply with its request and
/// lets rtpengine answer a retransmitted request from its cache instead of running it twice.
public struct NGMessage: Sendable, Equatable {
    public var cookie: String
    public var body: BencodeValue

    public init(cookie: String, body: BencodeValue) {
        self.cookie = cookie
        self.body = body
    }

    public func serialized() -> [UInt8] {
        var bytes = Array(cookie.utf8)
        bytes.append(UInt8(ascii: " "))
        BencodeEncoder.append(body, to: &bytes)
        return bytes
    }

    /// Parses a datagram; the body must be a dictionary.
    public static func parse(_ datagram: some Collection<UInt8>) throws(NGMessageError) -> NGMessage {
        let bytes = Array(datagram)
        guard let space = bytes.firstIndex(of: UInt8(ascii: " ")), space > 0 else { throw .noCookie }
        guard let cookie = String(validating: bytes[..<space], as: UTF8.self) else { throw .noCookie }
        let body: BencodeValue
        do {
            body = try BencodeDecoder().decode(bytes[(space + 1)...])
        } catch {
            throw .malformedBody(error)
        }
        guard case .dictionary = body else { throw .bodyNotDictionary }
        return NGMessage(cookie: cookie, body: body)
    }

    /// A cookie unlikely to repeat within the lifetime of rtpengine's reply cache.
    public static func randomCookie<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        return String(decoding: (0..<16).map { _ in alphabet.randomElement(using: &generator)! }, as: UTF8.self)
    }
}

public enum NGMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    case noCookie
    case malformedBody(BencodeError)
    case bodyNotDictionary

    public var description: String {
        switch self {
        case .noCookie: "ng message without a cookie"
        case .malformedBody(let error): "ng message body: \(error)"
        case .bodyNotDictionary: "ng message body is not a dictionary"
        }
    }
}
