/// Where a message is written as it goes on the wire: an array here, the transports' `ByteBuffer` (so a message is
/// written straight into the buffer that is sent), without the message types knowing which.
public protocol SIPByteSink: SIPTextSink {
    mutating func writeSIPBytes(_ bytes: UnsafeBufferPointer<UInt8>)
    mutating func writeSIPByte(_ byte: UInt8)
}

extension SIPByteSink {
    public mutating func appendSIPText(_ text: String) { writeSIPText(text) }

    mutating func writeSIPText(_ text: String) {
        var text = text
        text.withUTF8 { writeSIPBytes($0) }
    }

    mutating func writeSIPText(_ text: StaticString) {
        text.withUTF8Buffer { writeSIPBytes($0) }
    }

    /// A non-negative number in decimal, without building a String.
    mutating func writeSIPDecimal(_ value: Int) {
        precondition(value >= 0)
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            writeSIPByte(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

extension Array: SIPTextSink where Element == UInt8 {}

extension Array: SIPByteSink where Element == UInt8 {
    public mutating func writeSIPBytes(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
    public mutating func writeSIPByte(_ byte: UInt8) { append(byte) }
}

extension SIPRequest {
    /// The request as it goes on the wire, with Content-Length set from the body.
    public func serialized() -> [UInt8] { SIPMessage.request(self).serialized() }

    public func write(to sink: inout some SIPByteSink) {
        sink.writeSIPText(method.rawValue)
        sink.writeSIPByte(UInt8(ascii: " "))
        writeURI(to: &sink)
        sink.writeSIPText(" SIP/2.0\r\n")
        SIPMessageWriter.writeHeaders(headers, body: body, to: &sink)
    }
}

extension SIPResponse {
    public func serialized() -> [UInt8] { SIPMessage.response(self).serialized() }

    public func write(to sink: inout some SIPByteSink) {
        sink.writeSIPText("SIP/2.0 ")
        sink.writeSIPDecimal(statusCode)
        sink.writeSIPByte(UInt8(ascii: " "))
        sink.writeSIPText(reasonPhrase)
        sink.writeSIPText("\r\n")
        SIPMessageWriter.writeHeaders(headers, body: body, to: &sink)
    }
}

extension SIPMessage {
    public func serialized() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(serializedCapacity)
        write(to: &bytes)
        return bytes
    }

    public func write(to sink: inout some SIPByteSink) {
        switch self {
        case .request(let request): request.write(to: &sink)
        case .response(let response): response.write(to: &sink)
        }
    }

    /// Room for the message on the wire: the body plus what a typical header section takes.
    var serializedCapacity: Int {
        switch self {
        case .request(let request): 640 + request.body.count
        case .response(let response): 640 + response.body.count
        }
    }
}

enum SIPMessageWriter {
    /// Content-Length is always the body's true length, written where the message had it (or last), once.
    static func writeHeaders(_ headers: SIPHeaders, body: [UInt8], to sink: inout some SIPByteSink) {
        var wroteLength = false
        for index in headers.entries.indices {
            let name = headers.name(at: index)
            if name.known == .contentLength {
                if !wroteLength { writeContentLength(body.count, to: &sink) }
                wroteLength = true
                continue
            }
            sink.writeSIPText(name.canonical)
            sink.writeSIPText(": ")
            headers.writeValue(at: index, to: &sink)
            sink.writeSIPText("\r\n")
        }
        if !wroteLength { writeContentLength(body.count, to: &sink) }
        sink.writeSIPText("\r\n")
        body.withUnsafeBufferPointer { sink.writeSIPBytes($0) }
    }

    private static func writeContentLength(_ length: Int, to sink: inout some SIPByteSink) {
        sink.writeSIPText("Content-Length: ")
        sink.writeSIPDecimal(length)
        sink.writeSIPText("\r\n")
    }
}
