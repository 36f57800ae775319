#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a message or a header value, read by index ranges. The grammar scanners work on this so that
/// checking a header needs no `String`; the `String`-based initialisers run the same scanners over the text's UTF-8.
struct SIPBytes {
    let buffer: UnsafeBufferPointer<UInt8>

    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    var all: Range<Int> { 0..<buffer.count }

    @inline(__always) subscript(_ index: Int) -> UInt8 { buffer[index] }

    /// The first position of `byte` in `range`: memchr for lines, a plain loop for the short spans inside a value,
    /// where the call would cost more than the search.
    @inline(__always) func find(_ byte: UInt8, in range: Range<Int>) -> Int? {
        if range.count < 24 {
            var index = range.lowerBound
            while index < range.upperBound {
                if buffer[index] == byte { return index }
                index += 1
            }
            return nil
        }
        guard let base = buffer.baseAddress else { return nil }
        guard let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    @inline(__always) func find(in range: Range<Int>, where predicate: (UInt8) -> Bool) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            if predicate(buffer[index]) { return index }
            index += 1
        }
        return nil
    }

    @inline(__always) func allSatisfy(_ range: Range<Int>, _ predicate: (UInt8) -> Bool) -> Bool {
        find(in: range) { !predicate($0) } == nil
    }

    func contains(_ byte: UInt8, in range: Range<Int>) -> Bool { find(byte, in: range) != nil }

    /// The range without leading and trailing SP, HT, CR and LF.
    @inline(__always) func trim(_ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, SIPSyntax.isWhitespaceByte(buffer[start]) { start += 1 }
        while end > start, SIPSyntax.isWhitespaceByte(buffer[end - 1]) { end -= 1 }
        return start..<end
    }

    func isToken(_ range: Range<Int>) -> Bool { !range.isEmpty && allSatisfy(range, SIPSyntax.isTokenByte) }

    @inline(__always) func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let text = literal.utf8Start
        for offset in 0..<range.count where buffer[range.lowerBound + offset] != text[offset] { return false }
        return true
    }

    func equals(_ range: Range<Int>, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            utf8.count == range.count
                && (range.isEmpty
                    || memcmp(buffer.baseAddress! + range.lowerBound, utf8.baseAddress!, range.count) == 0)
        }
    }

    /// ASCII case-insensitive comparison with a lower-case literal.
    @inline(__always) func equalsIgnoringCase(_ range: Range<Int>, _ lowerCase: StaticString) -> Bool {
        guard range.count == lowerCase.utf8CodeUnitCount else { return false }
        let text = lowerCase.utf8Start
        if range.count >= 8, let base = buffer.baseAddress {
            // Eight bytes at a time, the last word overlapping the one before it.
            var offset = 0
            while true {
                let start = min(offset, range.count - 8)
                let received = UnsafeRawPointer(base + range.lowerBound + start).loadUnaligned(as: UInt64.self)
                let expected = UnsafeRawPointer(text + start).loadUnaligned(as: UInt64.self)
                if !Self.foldedEquals(received, expected) { return false }
                if start == range.count - 8 { return true }
                offset += 8
            }
        }
        for offset in 0..<range.count {
            let byte = buffer[range.lowerBound + offset]
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if folded != text[offset] { return false }
        }
        return true
    }

    /// Whether eight received bytes equal eight bytes of a lower-case ASCII literal, ignoring ASCII case: each byte
    /// where the literal has a letter gets 0x20 set (only `A`–`Z` and `a`–`z` then give that letter), the others
    /// must match exactly.
    @inline(__always) static func foldedEquals(_ received: UInt64, _ expected: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // Literal bytes are below 0x80, so these sums stay inside their byte.
        let atLeastA = expected &+ ones &* (0x80 - 0x61)
        let aboveZ = expected &+ ones &* (0x80 - 0x7B)
        let letterCase = ((atLeastA & ~aboveZ) & (ones &* 0x80)) >> 2
        return received | letterCase == expected
    }

    /// A decimal number of at most `maximumDigits` digits, nothing else.
    func decimal(_ range: Range<Int>, maximumDigits: Int) -> Int? {
        guard !range.isEmpty, range.count <= maximumDigits else { return nil }
        var value = 0
        for index in range {
            let digit = buffer[index] &- 0x30
            guard digit <= 9 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    /// Where a quoted string starting at `start` (its opening quote) ends: the index after the closing quote.
    /// `\` escapes the next byte (RFC 3261 §25.1 quoted-pair).
    func quotedStringEnd(from start: Int, before end: Int) -> Int? {
        guard start < end, buffer[start] == 0x22 else { return nil }
        var index = start + 1
        while index < end {
            switch buffer[index] {
            case 0x5C:
                guard index + 1 < end else { return nil }
                index += 2
            case 0x22: return index + 1
            default: index += 1
            }
        }
        return nil
    }

    /// A quoted string's content (between the quotes) with its escapes removed.
    func unescaped(_ content: Range<Int>) -> String {
        guard contains(0x5C, in: content) else { return string(content) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(content.count)
        var index = content.lowerBound
        while index < content.upperBound {
            if buffer[index] == 0x5C, index + 1 < content.upperBound { index += 1 }
            bytes.append(buffer[index])
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The elements of a list header's value, split at top-level commas (not inside quotes or `<…>`), trimmed,
    /// empty ones left out (RFC 3261 §7.3.1).
    func forEachListElement<E: Error>(
        in range: Range<Int>, _ body: (Range<Int>) throws(E) -> Void
    ) throws(E) {
        // Only a comma splits: a value without one is one element, whatever quotes or brackets it holds.
        guard find(0x2C, in: range) != nil else {
            let element = trim(range)
            if !element.isEmpty { try body(element) }
            return
        }
        var start = range.lowerBound
        var index = start
        var inQuotes = false
        var inAngles = false
        while index < range.upperBound {
            let byte = buffer[index]
            if !inQuotes, !SIPByteSet.listDelimiter.contains(byte) {
                index += 1
                continue
            }
            if inQuotes {
                if byte == 0x5C {
                    index += 1
                    if index == range.upperBound { break }
                } else if byte == 0x22 {
                    inQuotes = false
                }
            } else {
                switch byte {
                case 0x22: inQuotes = true
                case 0x3C: inAngles = true
                case 0x3E: inAngles = false
                case 0x2C where !inAngles:
                    let element = trim(start..<index)
                    if !element.isEmpty { try body(element) }
                    start = index + 1
                default: break
                }
            }
            index += 1
        }
        let element = trim(start..<range.upperBound)
        if !element.isEmpty { try body(element) }
    }
}

extension StringProtocol {
    /// Runs a byte scanner over the text's UTF-8, without copying it when it is stored contiguously.
    func withSIPBytes<T>(_ body: (SIPBytes) throws(SIPParseError) -> T) throws(SIPParseError) -> T {
        let direct: Result<T, SIPParseError>? = utf8.withContiguousStorageIfAvailable { buffer in
            do throws(SIPParseError) { return .success(try body(SIPBytes(buffer))) } catch { return .failure(error) }
        }
        if let direct { return try direct.get() }
        let copy = Array(utf8)
        let copied: Result<T, SIPParseError> = copy.withUnsafeBufferPointer { buffer in
            do throws(SIPParseError) { return .success(try body(SIPBytes(buffer))) } catch { return .failure(error) }
        }
        return try copied.get()
    }
}
