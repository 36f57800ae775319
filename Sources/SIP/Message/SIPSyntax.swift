/// Small lexical helpers shared by the header parsers (RFC 3261 §25.1).
enum SIPSyntax {
    /// Splits a list header's value at top-level commas: commas inside a quoted string or `<…>` belong to the value.
    static func splitList(_ value: String) -> [String] {
        var parts: [String] = []
        var current = Substring.UnicodeScalarView()
        var inQuotes = false
        var inAngles = false
        var escaped = false
        for scalar in value.unicodeScalars {
            if escaped {
                escaped = false
                current.append(scalar)
                continue
            }
            switch scalar {
            case "\\" where inQuotes: escaped = true
            case "\"": inQuotes.toggle()
            case "<" where !inQuotes: inAngles = true
            case ">" where !inQuotes: inAngles = false
            case "," where !inQuotes && !inAngles:
                appendTrimmed(&parts, current)
                current = Substring.UnicodeScalarView()
                continue
            default: break
            }
            current.append(scalar)
        }
        appendTrimmed(&parts, current)
        return parts
    }

    private static func appendTrimmed(_ parts: inout [String], _ scalars: Substring.UnicodeScalarView) {
        let trimmed = trim(Substring(scalars))
        if !trimmed.isEmpty { parts.append(String(trimmed)) }
    }

    static func isWhitespace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\r" || character == "\n"
    }

    static func trim(_ text: Substring) -> Substring {
        var result = text
        while let first = result.first, isWhitespace(first) { result.removeFirst() }
        while let last = result.last, isWhitespace(last) { result.removeLast() }
        return result
    }

    /// RFC 3261 §25.1 token characters.
    static func isTokenCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        switch ascii {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-.!%*_+`'~".utf8.contains(ascii)
        }
    }

    static func isToken(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy(isTokenCharacter)
    }

    /// Reads a quoted string that starts at `text`'s first character, with `\` escapes (RFC 3261 §25.1
    /// quoted-pair). Returns the unescaped content and the rest after the closing quote.
    static func readQuotedString(_ text: Substring) -> (content: String, rest: Substring)? {
        guard text.first == "\"" else { return nil }
        var content = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if character == "\\" {
                let next = text.index(after: index)
                guard next < text.endIndex else { return nil }
                content.append(text[next])
                index = text.index(after: next)
                continue
            }
            if character == "\"" { return (content, text[text.index(after: index)...]) }
            content.append(character)
            index = text.index(after: index)
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
