/// Small lexical helpers shared by the header parsers (RFC 3261 §25.1). They work on UTF-8 bytes: every delimiter
/// of SIP is ASCII, and walking Characters (grapheme clusters) made parsing twenty times slower.
enum SIPSyntax {
    static func isWhitespaceByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    static func isWhitespace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\r" || character == "\n"
    }

    /// RFC 3261 §25.1 token characters.
    @inline(__always) static func isTokenByte(_ byte: UInt8) -> Bool { SIPByteSet.token.contains(byte) }

    /// Bytes a URI parameter name may have besides token ones (RFC 3261 §25.1 param-unreserved).
    static func isBracketByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: ":")
    }

    static func isTokenCharacter(_ character: Character) -> Bool {
        character.asciiValue.map(isTokenByte) ?? false
    }

    static func isToken(_ text: Substring) -> Bool {
        !text.utf8.isEmpty && text.utf8.allSatisfy(isTokenByte)
    }

    /// The first position of an ASCII byte.
    static func find(_ byte: UInt8, in text: Substring) -> String.Index? {
        text.utf8.firstIndex(of: byte)
    }

    static func find(_ text: Substring, where predicate: (UInt8) -> Bool) -> String.Index? {
        text.utf8.firstIndex(where: predicate)
    }

    /// The text after the position of an ASCII byte.
    static func after(_ index: String.Index, in text: Substring) -> Substring {
        text[text.utf8.index(after: index)...]
    }

    static func trim(_ text: Substring) -> Substring {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isWhitespaceByte(utf8[start]) { start = utf8.index(after: start) }
        while end > start {
            let last = utf8.index(before: end)
            guard isWhitespaceByte(utf8[last]) else { break }
            end = last
        }
        return text[start..<end]
    }

    /// Splits a list header's value at top-level commas: commas inside a quoted string or `<…>` belong to the value.
    static func splitList(_ value: String) -> [String] {
        let text = Substring(value)
        let utf8 = text.utf8
        var parts: [String] = []
        var start = utf8.startIndex
        var index = start
        var inQuotes = false
        var inAngles = false
        while index < utf8.endIndex {
            let byte = utf8[index]
            if inQuotes {
                if byte == UInt8(ascii: "\\") {
                    index = utf8.index(after: index)
                    if index == utf8.endIndex { break }
                } else if byte == UInt8(ascii: "\"") {
                    inQuotes = false
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inQuotes = true
                case UInt8(ascii: "<"): inAngles = true
                case UInt8(ascii: ">"): inAngles = false
                case UInt8(ascii: ",") where !inAngles:
                    appendTrimmed(&parts, text[start..<index])
                    start = utf8.index(after: index)
                default: break
                }
            }
            index = utf8.index(after: index)
        }
        appendTrimmed(&parts, text[start...])
        return parts
    }

    private static func appendTrimmed(_ parts: inout [String], _ text: Substring) {
        let trimmed = trim(text)
        if !trimmed.isEmpty { parts.append(String(trimmed)) }
    }

    /// Reads a quoted string that starts at `text`'s first byte, with `\` escapes (RFC 3261 §25.1 quoted-pair).
    /// Returns the unescaped content and the rest after the closing quote.
    static func readQuotedString(_ text: Substring) -> (content: String, rest: Substring)? {
        let utf8 = text.utf8
        guard utf8.first == UInt8(ascii: "\"") else { return nil }
        var content: [UInt8] = []
        var index = utf8.index(after: utf8.startIndex)
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\\") {
                let next = utf8.index(after: index)
                guard next < utf8.endIndex else { return nil }
                content.append(utf8[next])
                index = utf8.index(after: next)
                continue
            }
            if byte == UInt8(ascii: "\"") {
                // The closing quote is ASCII, so the index after it is a valid position in the Substring.
                return (String(decoding: content, as: UTF8.self), text[utf8.index(after: index)...])
            }
            content.append(byte)
            index = utf8.index(after: index)
        }
        return nil
    }

    /// Writes a value as a quoted string, escaping `"` and `\`.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for character in value {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        result.append("\"")
        return result
    }
}
