extension SIPRequest {
    /// The request as it goes on the wire, with Content-Length set from the body.
    public func serialized() -> [UInt8] {
        var bytes = Array("\(method) \(uri) SIP/2.0\r\n".utf8)
        SIPMessageWriter.appendHeaders(headers, body: body, to: &bytes)
        return bytes
    }
}

extension SIPResponse {
    public func serialized() -> [UInt8] {
        var bytes = Array("SIP/2.0 \(statusCode) \(reasonPhrase)\r\n".utf8)
        SIPMessageWriter.appendHeaders(headers, body: body, to: &bytes)
        return bytes
    }
}

extension SIPMessage {
    public func serialized() -> [UInt8] {
        switch self {
        case .request(let request): request.serialized()
        case .response(let response): response.serialized()
        }
    }
}

enum SIPMessageWriter {
    /// Content-Length is always the body's true length, written where the message had it (or last), once.
    static func appendHeaders(_ headers: SIPHeaders, body: [UInt8], to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + 512 + body.count)
        var wroteLength = false
        for index in headers.entries.indices {
            let name = headers.name(at: index)
            if name.known == .contentLength {
                if !wroteLength { bytes.append(contentsOf: "Content-Length: \(body.count)\r\n".utf8) }
                wroteLength = true
                continue
            }
            bytes.append(contentsOf: name.canonical.utf8)
            bytes.append(contentsOf: ": ".utf8)
            headers.appendValue(at: index, to: &bytes)
            bytes.append(contentsOf: "\r\n".utf8)
        }
        if !wroteLength { bytes.append(contentsOf: "Content-Length: \(body.count)\r\n".utf8) }
        bytes.append(contentsOf: "\r\n".utf8)
        bytes.append(contentsOf: body)
    }
}
