/// Turns bytes into SIP messages (RFC 3261 §7, §18.3) without turning the message into strings: the header section
/// is kept as bytes with each header's place in it, checked where RFC 3261 requires; a value becomes a `String`
/// when it is read.
///
/// On a stream (TCP, TLS) messages are framed by Content-Length, which must be present; bytes may arrive in any
/// pieces. For datagrams (UDP) each datagram is one message: a body longer than Content-Length is cut to it, a
/// shorter one refuses the message.
public struct SIPMessageParser: Sendable {
    public enum Framing: Sendable { case stream, datagram }

    /// RFC 3261 §18.1.1 allows far bigger messages on TCP; 64 KB bounds what one peer can make us hold.
    public static let maximumMessageSize = 65_535

    public let framing: Framing
    public let maximumSize: Int
    private var buffer: [UInt8] = []
    private var readIndex = 0

    public init(framing: Framing, maximumSize: Int = SIPMessageParser.maximumMessageSize) {
        self.framing = framing
        self.maximumSize = maximumSize
    }

    /// Adds bytes from a stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if readIndex > 0 && readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message on the stream, or nil until more bytes arrive. After a thrown error the stream is
    /// out of step and should be closed (RFC 3261 §18.3).
    public mutating func nextMessage() throws(SIPRejectedMessage) -> SIPMessage? {
        // RFC 5626 §3.5.1 keep-alives and stray line ends between messages.
        while readIndex < buffer.count, buffer[readIndex] == 0x0D || buffer[readIndex] == 0x0A { readIndex += 1 }
        guard readIndex < buffer.count else { return nil }
        let start = readIndex
        let outcome: Result<(message: SIPMessage, consumed: Int)?, SIPRejectedMessage> = buffer.withUnsafeBufferPointer
        {
            all in
            do throws(SIPRejectedMessage) {
                return .success(try frame(UnsafeBufferPointer(rebasing: all[start...])))
            } catch {
                return .failure(error)
            }
        }
        guard let result = try outcome.get() else { return nil }
        readIndex += result.consumed
        return result.message
    }

    private func frame(_ bytes: UnsafeBufferPointer<UInt8>) throws(SIPRejectedMessage) -> (
        message: SIPMessage, consumed: Int
    )? {
        guard let headerEnd = Self.findHeaderEnd(bytes) else {
            if bytes.count > maximumSize {
                throw SIPRejectedMessage(error: .tooLarge(bytes.count), request: nil)
            }
            return nil
        }
        var head = try Self.parseHead(UnsafeBufferPointer(rebasing: bytes[..<headerEnd.start]), until: .endOfBytes).head
        guard let length = try head.contentLength() else { throw head.rejection(.missingHeader(.contentLength)) }
        let total = headerEnd.end + length
        guard total <= maximumSize else { throw head.rejection(.tooLarge(total)) }
        guard bytes.count >= total else { return nil }
        head.body = Array(bytes[headerEnd.end..<total])
        return (try head.message(), total)
    }

    /// Parses one datagram as one message.
    public static func parseDatagram(
        _ datagram: UnsafeRawBufferPointer, maximumSize: Int = maximumMessageSize
    ) throws(SIPRejectedMessage) -> SIPMessage {
        guard datagram.count <= maximumSize else {
            throw SIPRejectedMessage(error: .tooLarge(datagram.count), request: nil)
        }
        let all = datagram.bindMemory(to: UInt8.self)
        var start = 0
        while start < all.count, all[start] == 0x0D || all[start] == 0x0A { start += 1 }
        let bytes = UnsafeBufferPointer(rebasing: all[start...])
        var (head, bodyStart) = try parseHead(bytes, until: .emptyLine)
        var bodyEnd = bytes.count
        if let length = try head.contentLength() {
            guard bodyStart + length <= bytes.count else {
                throw head.rejection(.invalidContentLength("Content-Length \(length) beyond the datagram"))
            }
            bodyEnd = bodyStart + length
        }
        head.body = Array(bytes[bodyStart..<bodyEnd])
        return try head.message()
    }

    public static func parseDatagram(_ bytes: [UInt8]) throws(SIPRejectedMessage) -> SIPMessage {
        let result: Result<SIPMessage, SIPRejectedMessage> = bytes.withUnsafeBytes { raw in
            do throws(SIPRejectedMessage) { return .success(try parseDatagram(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Where the header section ends: `start` is the LF of its last line (the CR before it, if any, is left in the
    /// section), `end` the first body byte.
    /// Bare LF line ends are accepted as well as CRLF.
    static func findHeaderEnd(_ buffer: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int)? {
        let bytes = SIPBytes(buffer)
        let count = buffer.count
        var from = 0
        while let index = bytes.find(0x0A, in: from..<count) {
            let next = index + 1
            if next < count, buffer[next] == 0x0A { return (index, next + 1) }
            if next + 1 < count, buffer[next] == 0x0D, buffer[next + 1] == 0x0A { return (index, next + 2) }
            if next == count { return nil }
            from = next
        }
        return nil
    }
}
