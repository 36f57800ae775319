/// A message's start line and headers as read, before the checks that make it a `SIPMessage`.
struct SIPMessageHead {
    enum StartLine {
        case request(SIPMethod, SIPURI)
        case response(Int, String)
    }

    var startLine: StartLine
    var headers: SIPHeaders
    var body: [UInt8] = []

    /// The error with the request attached when a 400 can be sent back for it.
    func rejection(_ error: SIPParseError) -> SIPRejectedMessage {
        guard case .request(let method, let uri) = startLine, method != .ack else {
            return SIPRejectedMessage(error: error, request: nil)
        }
        return SIPRejectedMessage(error: error, request: SIPRequest(method: method, uri: uri, headers: headers))
    }

    func contentLength(_ text: String) throws(SIPRejectedMessage) -> Int {
        let trimmed = SIPSyntax.trim(Substring(text))
        guard !trimmed.isEmpty, trimmed.utf8.count <= 9, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let value = Int(trimmed)
        else { throw rejection(.invalidContentLength("Content-Length \"\(text)\"")) }
        return value
    }

    /// Checks what RFC 3261 §8.1.1 makes mandatory and that those headers are well formed.
    func message() throws(SIPRejectedMessage) -> SIPMessage {
        do {
            for name in [SIPHeaderName.via, .from, .to, .callID, .cseq] where !headers.contains(name) {
                throw SIPParseError.missingHeader(name)
            }
            let vias = headers.values(.via)
            guard !vias.isEmpty else { throw SIPParseError.missingHeader(.via) }
            for via in vias { _ = try SIPVia(parsing: via) }
            _ = try SIPNameAddress(parsing: headers[.from]!)
            _ = try SIPNameAddress(parsing: headers[.to]!)
            guard let callID = headers[.callID], !callID.isEmpty, !callID.utf8.contains(where: SIPSyntax.isWhitespaceByte)
            else { throw SIPParseError.malformedHeader("Call-ID") }
            let cseq = try SIPCSeq(parsing: headers[.cseq]!)
            if let maxForwards = headers[.maxForwards] {
                guard let hops = Int(maxForwards), (0...255).contains(hops) else {
                    throw SIPParseError.malformedHeader("Max-Forwards \"\(maxForwards)\"")
                }
            }
            switch startLine {
            case .request(let method, let uri):
                guard cseq.method == method else {
                    throw SIPParseError.malformedHeader("CSeq method \(cseq.method) in a \(method)")
                }
                return .request(SIPRequest(method: method, uri: uri, headers: headers, body: body))
            case .response(let code, let reason):
                return .response(SIPResponse(statusCode: code, reasonPhrase: reason, headers: headers, body: body))
            }
        } catch let error as SIPParseError {
            throw rejection(error)
        } catch {
            throw rejection(.malformedHeader("\(error)"))
        }
    }
}

extension SIPMessageParser {
    static func parseHead(_ bytes: UnsafeBufferPointer<UInt8>) throws(SIPRejectedMessage) -> SIPMessageHead {
        var lines = LineIterator(bytes: bytes)
        guard let first = lines.next() else {
            throw SIPRejectedMessage(error: .malformedStartLine("empty"), request: nil)
        }
        let startLine: SIPMessageHead.StartLine
        do {
            startLine = try parseStartLine(UnsafeBufferPointer(rebasing: bytes[first]))
        } catch {
            throw SIPRejectedMessage(error: error, request: nil)
        }
        var head = SIPMessageHead(startLine: startLine, headers: SIPHeaders())
        var fields: [SIPHeaderField] = []
        fields.reserveCapacity(12)
        while let line = lines.next() {
            let lineBytes = UnsafeBufferPointer(rebasing: bytes[line])
            guard let firstByte = lineBytes.first else { continue }
            if firstByte == 0x20 || firstByte == 0x09 {
                // RFC 3261 §7.3.1: a line starting with whitespace continues the previous header.
                guard !fields.isEmpty, !lineBytes.contains(0x0D), let more = String(validating: lineBytes, as: UTF8.self)
                else {
                    head.headers = SIPHeaders(fields)
                    throw head.rejection(.malformedHeader("continuation line without a header"))
                }
                let trimmed = SIPSyntax.trim(Substring(more))
                if !trimmed.isEmpty {
                    let previous = fields[fields.count - 1].value
                    fields[fields.count - 1].value = previous.isEmpty ? String(trimmed) : previous + " " + trimmed
                }
                continue
            }
            guard let colon = lineBytes.firstIndex(of: 0x3A) else {
                head.headers = SIPHeaders(fields)
                throw head.rejection(.malformedHeader("header line without a colon"))
            }
            var nameEnd = colon
            while nameEnd > 0, lineBytes[nameEnd - 1] == 0x20 || lineBytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
            let nameBytes = UnsafeBufferPointer(rebasing: lineBytes[..<nameEnd])
            guard !nameBytes.isEmpty, nameBytes.allSatisfy(isTokenByte),
                let name = String(validating: nameBytes, as: UTF8.self)
            else {
                head.headers = SIPHeaders(fields)
                throw head.rejection(.malformedHeader("header name"))
            }
            var valueStart = colon + 1
            var valueEnd = lineBytes.count
            while valueStart < valueEnd, lineBytes[valueStart] == 0x20 || lineBytes[valueStart] == 0x09 {
                valueStart += 1
            }
            while valueEnd > valueStart, lineBytes[valueEnd - 1] == 0x20 || lineBytes[valueEnd - 1] == 0x09 {
                valueEnd -= 1
            }
            let valueBytes = UnsafeBufferPointer(rebasing: lineBytes[valueStart..<valueEnd])
            // A bare CR inside a value is not SIP (RFC 3261 §25.1) and could not be written back unchanged. (A NUL can
            // be, as a quoted-pair: RFC 4475 §3.1.1.2.)
            guard !valueBytes.contains(0x0D), let value = String(validating: valueBytes, as: UTF8.self)
            else {
                head.headers = SIPHeaders(fields)
                throw head.rejection(.encoding)
            }
            fields.append(SIPHeaderField(name: SIPHeaderName(name), value: value))
        }
        head.headers = SIPHeaders(fields)
        return head
    }

    private static func parseStartLine(_ line: UnsafeBufferPointer<UInt8>) throws(SIPParseError)
        -> SIPMessageHead.StartLine
    {
        guard !line.contains(0x0D), !line.contains(0), let text = String(validating: line, as: UTF8.self) else {
            throw .encoding
        }
        let parts = Substring(text).utf8.split(separator: 0x20, maxSplits: 2, omittingEmptySubsequences: false)
            .map { Substring($0) }
        guard parts.count == 3 else { throw .malformedStartLine(String(text.prefix(80))) }
        if parts[0].hasPrefix("SIP/") {
            guard parts[0] == "SIP/2.0" else { throw .unsupportedVersion(String(parts[0].prefix(16))) }
            guard parts[1].utf8.count == 3, let code = Int(parts[1]), (100...699).contains(code) else {
                throw .malformedStartLine("status code \"\(parts[1].prefix(16))\"")
            }
            return .response(code, String(parts[2]))
        }
        guard SIPSyntax.isToken(parts[0]) else { throw .malformedStartLine("method \"\(parts[0].prefix(16))\"") }
        guard parts[2].hasPrefix("SIP/") else { throw .malformedStartLine(String(text.prefix(80))) }
        guard parts[2] == "SIP/2.0" else { throw .unsupportedVersion(String(parts[2].prefix(16))) }
        let uri = try SIPURI(parsing: parts[1])
        return .request(SIPMethod.known(parts[0]), uri)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0x2D, 0x2E, 0x21, 0x25, 0x2A, 0x5F, 0x2B, 0x60, 0x27, 0x7E: true
        default: false
        }
    }
}

/// The lines of a header section: ranges without their CR LF.
private struct LineIterator {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func next() -> Range<Int>? {
        guard position < bytes.count else { return nil }
        let start = position
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        position = end + 1
        var contentEnd = end
        if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        return start..<contentEnd
    }
}
