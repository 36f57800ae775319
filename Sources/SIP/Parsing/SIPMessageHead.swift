/// A message's start line and headers as read, before the checks that make it a `SIPMessage`.
struct SIPMessageHead {
    enum StartLine {
        /// The method and the Request-URI's checked text.
        case request(SIPMethod, String)
        case response(Int, String)
    }

    var startLine: StartLine
    var headers: SIPHeaders
    var body: [UInt8] = []
    /// The first Content-Length field, noted while the lines were read.
    var contentLengthIndex: Int?

    /// The error with the request attached when a 400 can be sent back for it.
    func rejection(_ error: SIPParseError) -> SIPRejectedMessage {
        guard case .request(let method, let uri) = startLine, method != .ack else {
            return SIPRejectedMessage(error: error, request: nil)
        }
        return SIPRejectedMessage(
            error: error, request: SIPRequest(method: method, receivedURI: uri, headers: headers))
    }

    /// The Content-Length value, nil when the header is absent.
    func contentLength() throws(SIPRejectedMessage) -> Int? {
        guard let index = contentLengthIndex else { return nil }
        do {
            return try headers.withValueBytes(at: index) { bytes, range throws(SIPParseError) in
                guard let value = bytes.decimal(bytes.trim(range), maximumDigits: 9) else {
                    throw .invalidContentLength("Content-Length \"\(bytes.string(range))\"")
                }
                return value
            }
        } catch {
            throw rejection(error)
        }
    }

    func message() throws(SIPRejectedMessage) -> SIPMessage {
        do throws(SIPParseError) {
            try checkMandatoryHeaders()
        } catch {
            throw rejection(error)
        }
        switch startLine {
        case .request(let method, let uri):
            return .request(SIPRequest(method: method, receivedURI: uri, headers: headers, body: body))
        case .response(let code, let reason):
            return .response(SIPResponse(statusCode: code, reasonPhrase: reason, headers: headers, body: body))
        }
    }

    /// Checks what RFC 3261 §8.1.1 makes mandatory and that those headers are well formed, on the received bytes.
    private func checkMandatoryHeaders() throws(SIPParseError) {
        try headers.withValueReader { values throws(SIPParseError) in
            var from: Int?
            var to: Int?
            var callID: Int?
            var cseq: Int?
            var maxForwards: Int?
            var viaCount = 0
            for index in headers.entries.indices {
                switch headers.known(at: index) {
                case .via:
                    try values.read(index) { bytes, range throws(SIPParseError) in
                        try bytes.forEachListElement(in: range) { element throws(SIPParseError) in
                            _ = try bytes.scanVia(element)
                            viaCount += 1
                        }
                    }
                case .from: if from == nil { from = index }
                case .to: if to == nil { to = index }
                case .callID: if callID == nil { callID = index }
                case .cseq: if cseq == nil { cseq = index }
                case .maxForwards: if maxForwards == nil { maxForwards = index }
                default: break
                }
            }
            guard viaCount > 0 else { throw .missingHeader(.via) }
            guard let from else { throw .missingHeader(.from) }
            guard let to else { throw .missingHeader(.to) }
            guard let callID else { throw .missingHeader(.callID) }
            guard let cseq else { throw .missingHeader(.cseq) }
            try values.read(from) { bytes, range throws(SIPParseError) in _ = try bytes.scanNameAddress(range) }
            try values.read(to) { bytes, range throws(SIPParseError) in _ = try bytes.scanNameAddress(range) }
            try values.read(callID) { bytes, range throws(SIPParseError) in
                guard !range.isEmpty, bytes.find(in: range, where: SIPSyntax.isWhitespaceByte) == nil else {
                    throw .malformedHeader("Call-ID")
                }
            }
            let requestMethod: SIPMethod? = if case .request(let method, _) = startLine { method } else { nil }
            try values.read(cseq) { bytes, range throws(SIPParseError) in
                let method = try bytes.scanCSeq(range).method
                if let requestMethod, !bytes.equals(method, requestMethod.rawValue) {
                    throw .malformedHeader("CSeq method \(bytes.string(method)) in a \(requestMethod)")
                }
            }
            if let maxForwards {
                try values.read(maxForwards) { bytes, range throws(SIPParseError) in
                    guard let hops = bytes.decimal(bytes.trim(range), maximumDigits: 9), hops <= 255 else {
                        throw .malformedHeader("Max-Forwards \"\(bytes.string(range))\"")
                    }
                }
            }
        }
    }
}

extension SIPMessageParser {
    /// Where a header section ends.
    enum HeadEnd {
        /// The bytes are the section, already framed (a stream), without the empty line.
        case endOfBytes
        /// At the first empty line (a datagram); the body starts after it.
        case emptyLine
    }

    /// Reads the start line and header lines of a header section; returns the head and where the body starts.
    static func parseHead(_ buffer: UnsafeBufferPointer<UInt8>, until end: HeadEnd) throws(SIPRejectedMessage) -> (
        head: SIPMessageHead, bodyStart: Int
    ) {
        let bytes = SIPBytes(buffer)
        // Most sections are valid UTF-8 whose every CR ends a line: one pass over the section read without checking
        // each line shows the first, counting CRs against the line ends shows the second. Anything else (and any
        // error, so that it is reported as the checking pass sees it) is read again line by line.
        do {
            let fast = try parseHead(bytes, until: end, checkingEachLine: false)
            let text = bytes.textScan(0..<fast.bodyStart)
            if text.isUTF8, fast.lineEndCarriageReturns == text.carriageReturns { return (fast.head, fast.bodyStart) }
        } catch {}
        if end == .emptyLine, findHeaderEnd(buffer) == nil {
            throw SIPRejectedMessage(error: .truncated("no end of headers"), request: nil)
        }
        let checked = try parseHead(bytes, until: end, checkingEachLine: true)
        return (checked.head, checked.bodyStart)
    }

    private static func parseHead(_ bytes: SIPBytes, until end: HeadEnd, checkingEachLine: Bool)
        throws(SIPRejectedMessage) -> (head: SIPMessageHead, bodyStart: Int, lineEndCarriageReturns: Int)
    {
        let buffer = bytes.buffer
        let count = buffer.count
        guard count > 0 else { throw SIPRejectedMessage(error: .malformedStartLine("empty"), request: nil) }
        let allText = !checkingEachLine
        var position = 0
        var lineEndCarriageReturns = 0
        let startLine: SIPMessageHead.StartLine
        do throws(SIPParseError) {
            let line = bytes.nextLine(from: &position, carriageReturns: &lineEndCarriageReturns)
            if end == .emptyLine, line.isEmpty || position > count { throw .truncated("no end of headers") }
            startLine = try parseStartLine(bytes, line, isText: allText)
        } catch {
            throw SIPRejectedMessage(error: error, request: nil)
        }
        var entries: [SIPHeaders.Entry] = []
        entries.reserveCapacity(16)
        var otherNames: [SIPHeaderName] = []
        var texts: [String] = []
        var sectionEnd = count
        var bodyStart = count
        func rejection(_ error: SIPParseError) -> SIPRejectedMessage {
            let received = Array(UnsafeBufferPointer(rebasing: buffer[..<min(position, count)]))
            let headers = SIPHeaders(received: received, entries: entries, otherNames: otherNames, texts: texts)
            return SIPMessageHead(startLine: startLine, headers: headers).rejection(error)
        }
        var foundEmptyLine = false
        var contentLengthIndex: Int?
        while position < count {
            let lineStart = position
            let line = bytes.nextLine(from: &position, carriageReturns: &lineEndCarriageReturns)
            guard let first = line.first else {
                // An empty line ended by LF ends the section (RFC 3261 §7).
                if end == .emptyLine, position <= count {
                    sectionEnd = lineStart
                    bodyStart = position
                    foundEmptyLine = true
                    break
                }
                continue
            }
            if buffer[first] == 0x20 || buffer[first] == 0x09 {
                // RFC 3261 §7.3.1: a line starting with whitespace continues the previous header.
                guard !entries.isEmpty, allText || bytes.isText(line) else {
                    throw rejection(.malformedHeader("continuation line without a header"))
                }
                let more = bytes.trim(line)
                if !more.isEmpty {
                    switch entries[entries.count - 1].value {
                    case .text(let slot):
                        let previous = texts[Int(slot)]
                        texts[Int(slot)] = previous.isEmpty ? bytes.string(more) : previous + " " + bytes.string(more)
                    case .received(let start, let end):
                        let previous = bytes.string(Int(start)..<Int(end))
                        texts.append(previous.isEmpty ? bytes.string(more) : previous + " " + bytes.string(more))
                        entries[entries.count - 1].value = .text(Int32(texts.count - 1))
                    }
                }
                continue
            }
            // Names are short: a plain loop finds the colon sooner than a call to memchr.
            guard let colon = bytes.find(in: line, where: { $0 == 0x3A }) else {
                throw rejection(.malformedHeader("header line without a colon"))
            }
            var nameEnd = colon
            while nameEnd > line.lowerBound, buffer[nameEnd - 1] == 0x20 || buffer[nameEnd - 1] == 0x09 { nameEnd -= 1 }
            guard let name = SIPHeaderName(headerLine: bytes, line.lowerBound..<nameEnd) else {
                throw rejection(.malformedHeader("header name"))
            }
            var valueStart = colon + 1
            var valueEnd = line.upperBound
            while valueStart < valueEnd, buffer[valueStart] == 0x20 || buffer[valueStart] == 0x09 { valueStart += 1 }
            while valueEnd > valueStart, buffer[valueEnd - 1] == 0x20 || buffer[valueEnd - 1] == 0x09 { valueEnd -= 1 }
            // A bare CR inside a value is not SIP (RFC 3261 §25.1) and could not be written back unchanged. (A NUL can
            // be, as a quoted-pair: RFC 4475 §3.1.1.2.)
            guard allText || bytes.isText(valueStart..<valueEnd) else { throw rejection(.encoding) }
            let entryName: SIPHeaders.Entry.Name
            if let known = name.known {
                if contentLengthIndex == nil, known == .contentLength { contentLengthIndex = entries.count }
                entryName = .known(known)
            } else {
                otherNames.append(name)
                entryName = .other(Int32(otherNames.count - 1))
            }
            entries.append(
                SIPHeaders.Entry(name: entryName, value: .received(start: Int32(valueStart), end: Int32(valueEnd))))
        }
        if end == .emptyLine, !foundEmptyLine {
            throw SIPRejectedMessage(error: .truncated("no end of headers"), request: nil)
        }
        let received = Array(UnsafeBufferPointer(rebasing: buffer[..<sectionEnd]))
        let head = SIPMessageHead(
            startLine: startLine,
            headers: SIPHeaders(received: received, entries: entries, otherNames: otherNames, texts: texts),
            contentLengthIndex: contentLengthIndex)
        return (head, bodyStart, lineEndCarriageReturns)
    }

    private static func parseStartLine(_ bytes: SIPBytes, _ line: Range<Int>, isText: Bool) throws(SIPParseError)
        -> SIPMessageHead.StartLine
    {
        guard isText || bytes.isText(line), !bytes.contains(0, in: line) else { throw .encoding }
        guard let firstSpace = bytes.find(0x20, in: line),
            let secondSpace = bytes.find(0x20, in: firstSpace + 1..<line.upperBound)
        else { throw .malformedStartLine(bytes.string(line.prefix(80))) }
        let first = line.lowerBound..<firstSpace
        let second = firstSpace + 1..<secondSpace
        let third = secondSpace + 1..<line.upperBound
        if bytes.hasPrefix(first, "SIP/") {
            guard bytes.equals(first, "SIP/2.0") else { throw .unsupportedVersion(bytes.string(first.prefix(16))) }
            guard second.count == 3, let code = bytes.decimal(second, maximumDigits: 3), (100...699).contains(code)
            else { throw .malformedStartLine("status code \"\(bytes.string(second.prefix(16)))\"") }
            return .response(code, bytes.string(third))
        }
        guard bytes.isToken(first) else { throw .malformedStartLine("method \"\(bytes.string(first.prefix(16)))\"") }
        guard bytes.hasPrefix(third, "SIP/") else { throw .malformedStartLine(bytes.string(line.prefix(80))) }
        guard bytes.equals(third, "SIP/2.0") else { throw .unsupportedVersion(bytes.string(third.prefix(16))) }
        // Checked here, built only when read (SIPRequest).
        let uri = bytes.trim(second)
        _ = try bytes.scanURI(uri)
        return .request(SIPMethod.known(bytes, first), bytes.string(uri))
    }
}

extension SIPBytes {
    /// The line starting at `position` without its LF or CR LF; moves `position` past the line end and counts
    /// the CR it left out.
    @inline(__always) func nextLine(from position: inout Int, carriageReturns: inout Int) -> Range<Int> {
        let start = position
        let end = find(0x0A, in: start..<buffer.count) ?? buffer.count
        position = end + 1
        guard end > start, buffer[end - 1] == 0x0D else { return start..<end }
        carriageReturns += 1
        return start..<end - 1
    }

    /// Valid UTF-8 without a CR: what a header value or start line may hold.
    @inline(__always) func isText(_ range: Range<Int>) -> Bool {
        var ascii = true
        for index in range {
            let byte = buffer[index]
            if byte == 0x0D { return false }
            if byte >= 0x80 { ascii = false }
        }
        return ascii || String(validating: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) != nil
    }

    /// Whether the bytes are valid UTF-8, and how many CRs they hold: sixteen bytes at a time in vector registers,
    /// the CRs summed per lane (flushed before a lane can wrap), the high bits OR-ed.
    func textScan(_ range: Range<Int>) -> (isUTF8: Bool, carriageReturns: Int) {
        guard let base = buffer.baseAddress, !range.isEmpty else { return (true, 0) }
        let bytes = UnsafeRawPointer(base + range.lowerBound)
        let count = range.count
        let returnByte = SIMD16<UInt8>(repeating: 0x0D)
        var highBits = SIMD16<UInt8>()
        var carriageReturns = 0
        var offset = 0
        while offset + 16 <= count {
            var lanes = SIMD16<UInt8>()
            let blockEnd = min(count, offset + 16 * 255)
            while offset + 16 <= blockEnd {
                let block = bytes.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
                highBits |= block
                lanes &+= SIMD16<UInt8>().replacing(with: 1, where: block .== returnByte)
                offset += 16
            }
            carriageReturns &+= Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        }
        var tailHighBits: UInt8 = highBits.max()
        while offset < count {
            let byte = bytes.load(fromByteOffset: offset, as: UInt8.self)
            tailHighBits |= byte
            carriageReturns &+= byte == 0x0D ? 1 : 0
            offset += 1
        }
        let isUTF8 =
            tailHighBits < 0x80
            || String(validating: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) != nil
        return (isUTF8, carriageReturns)
    }

    func hasPrefix(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        range.count >= literal.utf8CodeUnitCount
            && equals(range.lowerBound..<range.lowerBound + literal.utf8CodeUnitCount, literal)
    }
}
