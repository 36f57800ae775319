/// A reply from an SMTP server (RFC 5321 §4.2): a three-digit code and its text lines.
public struct SMTPReply: Sendable, Equatable {
    public var code: Int
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    public var isPositive: Bool { (200..<400).contains(code) }
}

/// Joins reply lines: `250-first`, `250-second`, `250 last` make one reply.
public struct SMTPReplyParser: Sendable {
    private var pending: [String] = []
    private var pendingCode: Int?

    public init() {}

    public enum Failure: Error, Equatable {
        case malformedLine(String)
    }

    /// Feeds one line (without CRLF); returns a reply when it is complete.
    public mutating func feed(line: String) throws -> SMTPReply? {
        let bytes = Array(line.utf8)
        guard bytes.count >= 3, let code = Int(String(decoding: bytes[0..<3], as: UTF8.self)),
            (200...599).contains(code)
        else { throw Failure.malformedLine(String(line.prefix(80))) }
        if let pendingCode, pendingCode != code { throw Failure.malformedLine(String(line.prefix(80))) }
        let separator = bytes.count > 3 ? bytes[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw Failure.malformedLine(String(line.prefix(80)))
        }
        pending.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        if separator == UInt8(ascii: "-") {
            pendingCode = code
            return nil
        }
        defer {
            pending = []
            pendingCode = nil
        }
        return SMTPReply(code: code, lines: pending)
    }
}
