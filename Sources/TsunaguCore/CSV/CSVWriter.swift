/// Writes CSV that Excel in Japan opens as it is: CRLF line ends, quotes where needed, CP932 by default or UTF-8
/// with a byte-order mark.
public struct CSVWriter: Sendable {
    public enum Encoding: String, Sendable, Codable, CaseIterable {
        case cp932
        case utf8WithBOM
    }

    public var encoding: Encoding

    public init(encoding: Encoding = .cp932) {
        self.encoding = encoding
    }

    /// Bytes that start the file (the UTF-8 byte-order mark, or nothing).
    public var preamble: [UInt8] {
        encoding == .utf8WithBOM ? [0xEF, 0xBB, 0xBF] : []
    }

    /// One record, encoded, with its CRLF.
    public func record(_ fields: [String]) -> [UInt8] {
        var output: [UInt8] = []
        appendRecord(fields, to: &output)
        return output
    }

    /// Appends one record, encoded, with its CRLF (a download appends thousands to one buffer).
    public func appendRecord(_ fields: [String], to output: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            let text = Self.escaped(field)
            switch encoding {
            case .cp932: CP932.encode(text, into: &output)
            case .utf8WithBOM: output.append(contentsOf: text.utf8)
            }
        }
        output.append(0x0D)
        output.append(0x0A)
    }

    /// Quotes a field when it holds a separator, a quote, a line break or edge spaces, and defuses text a
    /// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) by prefixing an apostrophe (OWASP's advice).
    static func escaped(_ field: String) -> String {
        let utf8 = field.utf8
        guard let first = utf8.first else { return field }
        let formula =
            first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
        let value = formula ? "'" + field : field
        let special = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        let needsQuotes = special || value.utf8.first == UInt8(ascii: " ") || value.utf8.last == UInt8(ascii: " ")
        guard needsQuotes else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if character == target { result.append(replacement) } else { result.append(character) }
        }
        return result
    }
}
