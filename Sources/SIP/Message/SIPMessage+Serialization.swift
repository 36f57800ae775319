import NIOCore

extension SIPRequest {
    /// The request as it goes on the wire, with Content-Length set from the body.
    public func serialized() -> [UInt8] { SIPMessageWriter.bytes(of: .request(self)) }

    /// Writes the request as it goes on the wire, straight into the buffer a transport sends.
    public func write(to buffer: inout ByteBuffer) {
        buffer.writeString(method.rawValue)
        buffer.writeInteger(UInt8(ascii: " "))
        buffer.writeString(uri.description)
        buffer.writeStaticString(" SIP/2.0\r\n")
        SIPMessageWriter.writeHeaders(headers, body: body, to: &buffer)
    }
}

extension SIPResponse {
    public func serialized() -> [UInt8] { SIPMessageWriter.bytes(of: .response(self)) }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeStaticString("SIP/2.0 ")
        SIPMessageWriter.writeDecimal(statusCode, to: &buffer)
        buffer.writeInteger(UInt8(ascii: " "))
        buffer.writeString(reasonPhrase)
        buffer.writeStaticString("\r\n")
        SIPMessageWriter.writeHeaders(headers, body: body, to: &buffer)
    }
}

extension SIPMessage {
    public func serialized() -> [UInt8] { SIPMessageWriter.bytes(of: self) }

    public func write(to buffer: inout ByteBuffer) {
        switch self {
        case .request(let request): request.write(to: &buffer)
        case .response(let response): response.write(to: &buffer)
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
    static func bytes(of message: SIPMessage) -> [UInt8] {
        var buffer = ByteBufferAllocator().buffer(capacity: message.serializedCapacity)
        message.write(to: &buffer)
        return Array(buffer.readableBytesView)
    }

    /// Content-Length is always the body's true length, written where the message had it (or last), once.
    static func writeHeaders(_ headers: SIPHeaders, body: [UInt8], to buffer: inout ByteBuffer) {
        var wroteLength = false
        for index in headers.entries.indices {
            let name = headers.name(at: index)
            if name.known == .contentLength {
                if !wroteLength { writeContentLength(body.count, to: &buffer) }
                wroteLength = true
                continue
            }
            buffer.writeString(name.canonical)
            buffer.writeStaticString(": ")
            headers.writeValue(at: index, to: &buffer)
            buffer.writeStaticString("\r\n")
        }
        if !wroteLength { writeContentLength(body.count, to: &buffer) }
        buffer.writeStaticString("\r\n")
        buffer.writeBytes(body)
    }

    private static func writeContentLength(_ length: Int, to buffer: inout ByteBuffer) {
        buffer.writeStaticString("Content-Length: ")
        writeDecimal(length, to: &buffer)
        buffer.writeStaticString("\r\n")
    }

    /// A non-negative number in decimal, without building a String.
    static func writeDecimal(_ value: Int, to buffer: inout ByteBuffer) {
        precondition(value >= 0)
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            buffer.writeInteger(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
