/// The encodings a customer file may come in. Excel in Japan saves CSV as CP932 by default and as UTF-8 with a
/// byte-order mark when asked to; other tools write plain UTF-8.
public enum TextFileEncoding: String, Sendable, Codable, CaseIterable {
    case utf8
    case utf8WithBOM
    case cp932
    case utf16LittleEndian
    case utf16BigEndian

    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf8WithBOM: "UTF-8 (BOM)"
        case .cp932: "Shift_JIS (CP932)"
        case .utf16LittleEndian: "UTF-16LE"
        case .utf16BigEndian: "UTF-16BE"
        }
    }
}

/// Finds the encoding of a text file and turns it into UTF-8.
public enum TextFileDecoder {
    public struct Decoded: Sendable {
        public var encoding: TextFileEncoding
        /// The file's text as UTF-8 bytes, without any byte-order mark.
        public var utf8: [UInt8]
    }

    public enum Failure: Error, Sendable, Equatable, UserExplainable {
        /// Neither valid UTF-8 nor valid CP932; the offset is where CP932 decoding stopped.
        case unreadableEncoding(byteOffset: Int)
        case binaryContent

        public var explanation: LocalizedText {
            switch self {
            case .unreadableEncoding(let offset):
                Message.importUndecodable(byte: offset + 1).text
            case .binaryContent:
                Label.importNotText.text
            }
        }
    }

    /// BOM first; then strict UTF-8; then CP932. Pure ASCII counts as UTF-8.
    public static func decode(_ bytes: [UInt8]) -> Result<Decoded, Failure> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            guard isValidUTF8(body) else {
                return .failure(.unreadableEncoding(byteOffset: firstInvalidUTF8(body) + 3))
            }
            return .success(Decoded(encoding: .utf8WithBOM, utf8: body))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            return decodeUTF16(Array(bytes.dropFirst(2)), littleEndian: littleEndian)
        }
        if bytes.contains(0) { return .failure(.binaryContent) }
        if isValidUTF8(bytes) { return .success(Decoded(encoding: .utf8, utf8: bytes)) }
        switch CP932.transcodeToUTF8(bytes) {
        case .success(let utf8): return .success(Decoded(encoding: .cp932, utf8: utf8))
        case .failure(let failure): return .failure(.unreadableEncoding(byteOffset: failure.byteOffset))
        }
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        firstInvalidUTF8(bytes) == bytes.count
    }

    /// Offset of the first byte that breaks UTF-8, or `bytes.count` when all is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lowerSecond: UInt8 = 0x80
            var upperSecond: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowerSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upperSecond = 0x9F
            case 0xF0: length = 4; lowerSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upperSecond = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= lowerSecond, second <= upperSecond else { return index }
            for continuation in bytes[(index + 2)..<(index + length)] where continuation & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return count
    }

    private static func decodeUTF16(_ body: [UInt8], littleEndian: Bool) -> Result<Decoded, Failure> {
        guard body.count % 2 == 0 else { return .failure(.unreadableEncoding(byteOffset: body.count + 1)) }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var index = 0
        while index < body.count {
            let first = UInt16(body[index])
            let second = UInt16(body[index + 1])
            units.append(littleEndian ? (second << 8 | first) : (first << 8 | second))
            index += 2
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(units.count * 2)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var unitOffset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                utf8.append(contentsOf: Array(String(scalar).utf8))
                unitOffset += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput:
                break loop
            case .error:
                return .failure(.unreadableEncoding(byteOffset: 2 + unitOffset * 2))
            }
        }
        return .success(Decoded(encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian, utf8: utf8))
    }
}
