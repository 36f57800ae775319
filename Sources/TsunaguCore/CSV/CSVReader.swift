/// One record of a CSV file and the physical line it starts on (1-based, as a spreadsheet numbers rows).
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// A record of nothing but empty fields (Excel writes `,,,,` for a blank row).
    public var isBlank: Bool { fields.allSatisfy(\.isEmpty) }
}

/// A record that breaks CSV syntax; reading goes on with the next record.
public struct CSVSyntaxError: Error, Sendable, Equatable, UserExplainable {
    public enum Kind: Sendable, Equatable {
        /// A quoted field never closed before the end of the file.
        case unterminatedQuote
        /// Text right after a closing quote, as in `"abc"def`.
        case textAfterClosingQuote
    }

    public var line: Int
    public var kind: Kind

    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// What is wrong, without the line number.
    public var reason: LocalizedText {
        switch kind {
        case .unterminatedQuote: Label.csvUnterminatedQuote.text
        case .textAfterClosingQuote: Label.csvTextAfterClosingQuote.text
        }
    }

    public var explanation: LocalizedText { Message.importLineProblem(line: line, reason: reason).text }
}

/// Reads RFC 4180 CSV from UTF-8 bytes: quoted fields with commas, doubled quotes and line breaks; CRLF, LF or
/// CR record ends. A quote inside an unquoted field is kept as text, as Excel does.
public struct CSVReader: Sendable {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private let separator: UInt8

    public init(utf8: [UInt8], separator: UInt8 = UInt8(ascii: ",")) {
        self.bytes = utf8
        self.separator = separator
    }

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// The next record, a syntax error for the next record, or nil at the end of the file.
    public mutating func nextRecord() -> Result<CSVRecord, CSVSyntaxError>? {
        guard position < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var failure: CSVSyntaxError.Kind?
        let count = bytes.count
        while true {
            if position < count && bytes[position] == Self.quote {
                position += 1
                var field: [UInt8] = []
                var closed = false
                while position < count {
                    let byte = bytes[position]
                    if byte == Self.quote {
                        if position + 1 < count && bytes[position + 1] == Self.quote {
                            field.append(Self.quote)
                            position += 2
                            continue
                        }
                        position += 1
                        closed = true
                        break
                    }
                    if byte == Self.lf || (byte == Self.cr && !(position + 1 < count && bytes[position + 1] == Self.lf))
                    {
                        line += 1
                    }
                    field.append(byte)
                    position += 1
                }
                if !closed {
                    failure = failure ?? .unterminatedQuote
                }
                fields.append(String(decoding: field, as: UTF8.self))
                // After the closing quote only a separator or a record end may follow.
                if position < count, bytes[position] != separator, bytes[position] != Self.cr,
                    bytes[position] != Self.lf
                {
                    failure = failure ?? .textAfterClosingQuote
                    while position < count, bytes[position] != separator, bytes[position] != Self.cr,
                        bytes[position] != Self.lf
                    {
                        position += 1
                    }
                }
            } else {
                let start = position
                while position < count {
                    let byte = bytes[position]
                    if byte == separator || byte == Self.cr || byte == Self.lf { break }
                    position += 1
                }
                fields.append(String(decoding: bytes[start..<position], as: UTF8.self))
            }
            if position >= count { break }
            let byte = bytes[position]
            position += 1
            if byte == separator { continue }
            if byte == Self.cr, position < count, bytes[position] == Self.lf { position += 1 }
            line += 1
            break
        }
        if let failure { return .failure(CSVSyntaxError(line: startLine, kind: failure)) }
        return .success(CSVRecord(line: startLine, fields: fields))
    }
}
