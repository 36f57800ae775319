import Crypto
import CryptoExtras

/// The digest algorithms of RFC 8760 (SIP's update of RFC 2617 / RFC 7616), each with its `-sess` form.
public enum DigestAlgorithm: String, Sendable, CaseIterable {
    case md5 = "MD5"
    case md5Session = "MD5-sess"
    case sha256 = "SHA-256"
    case sha256Session = "SHA-256-sess"
    case sha512_256 = "SHA-512-256"
    case sha512_256Session = "SHA-512-256-sess"

    /// Absent `algorithm` means MD5 (RFC 2617 §3.2.1); names compare without regard to case.
    public init?(name: String?) {
        guard let name else {
            self = .md5
            return
        }
        guard let algorithm = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            return nil
        }
        self = algorithm
    }

    public var isSession: Bool { rawValue.hasSuffix("-sess") }

    /// RFC 8760 §2.4: when a server offers several, a client uses the strongest it supports.
    var strength: Int {
        switch self {
        case .sha512_256, .sha512_256Session: 3
        case .sha256, .sha256Session: 2
        case .md5, .md5Session: 1
        }
    }

    /// The lower-case hex digest of the text's UTF-8 bytes.
    func hash(_ text: String) -> String { hash(Array(text.utf8)) }

    func hash(_ bytes: [UInt8]) -> String {
        switch self {
        case .md5, .md5Session: Self.hex(Insecure.MD5.hash(data: bytes))
        case .sha256, .sha256Session: Self.hex(SHA256.hash(data: bytes))
        case .sha512_256, .sha512_256Session: Self.hex(SHA512256.hash(data: bytes))
        }
    }

    private static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        for byte in digest {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }
}
