/// Microsoft code page 932 (Shift_JIS as Windows and Excel write it), decoded and encoded without Foundation's
/// platform-dependent converters.
public enum CP932 {
    /// The scalar of each double-byte code, indexed by `leadIndex * 188 + trailIndex`; 0 when unmapped.
    private static let doubleByteScalars: [UInt32] = {
        var table: [UInt32] = []
        table.reserveCapacity(CP932Table.rows.count * 188)
        for row in CP932Table.rows {
            for scalar in row.unicodeScalars {
                table.append(scalar == "\u{FFFD}" ? 0 : scalar.value)
            }
        }
        return table
    }()

    /// The double-byte code of each BMP scalar (0: none), a flat table so encoding a character is one array read.
    /// Where code page 932 has two codes for one character, Windows writes the first in table order, except that
    /// the NEC-selected IBM extensions (lead bytes 0xED, 0xEE) give way to the IBM extensions (0xFA-0xFC).
    private static let encodeTable: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x1_0000)
        for deferred in [false, true] {
            for (leadIndex, row) in CP932Table.rows.enumerated() {
                let lead = UInt16(CP932Table.leadBytes[leadIndex])
                guard (lead == 0xED || lead == 0xEE) == deferred else { continue }
                for (trailIndex, scalar) in row.unicodeScalars.enumerated() where scalar != "\u{FFFD}" {
                    let trail = UInt16(trailIndex < 0x3F ? 0x40 + trailIndex : 0x41 + trailIndex)
                    if table[Int(scalar.value)] == 0 { table[Int(scalar.value)] = lead << 8 | trail }
                }
            }
        }
        return table
    }()

    @inline(__always)
    private static func doubleByteCode(_ scalar: Unicode.Scalar) -> UInt16? {
        guard scalar.value < 0x1_0000 else { return nil }
        let code = encodeTable[Int(scalar.value)]
        return code == 0 ? nil : code
    }

    @inline(__always)
    static func leadIndex(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x81...0x9F: Int(byte) - 0x81
        case 0xE0...0xFC: Int(byte) - 0xE0 + 31
        default: nil
        }
    }

    @inline(__always)
    static func trailIndex(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x40...0x7E: Int(byte) - 0x40
        case 0x80...0xFC: Int(byte) - 0x41
        default: nil
        }
    }

    /// Transcodes CP932 bytes to UTF-8. Returns the offset of the first byte that is not valid CP932 on failure.
    public static func transcodeToUTF8(_ bytes: some Collection<UInt8>) -> Result<[UInt8], DecodingFailure> {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        let table = doubleByteScalars
        var iterator = bytes.makeIterator()
        var offset = 0
        while let byte = iterator.next() {
            switch byte {
            case 0x00...0x7F:
                output.append(byte)
            case 0xA1...0xDF:
                // Half-width katakana U+FF61...U+FF9F: three UTF-8 bytes EF BD/BE xx.
                let scalar = 0xFF61 + UInt32(byte - 0xA1)
                output.append(0xEF)
                output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                output.append(UInt8(0x80 | (scalar & 0x3F)))
            default:
                guard let lead = leadIndex(byte), let trailByte = iterator.next(), let trail = trailIndex(trailByte)
                else { return .failure(DecodingFailure(byteOffset: offset)) }
                let scalar = table[lead * 188 + trail]
                if scalar == 0 { return .failure(DecodingFailure(byteOffset: offset)) }
                appendUTF8(scalar, to: &output)
                offset += 1
            }
            offset += 1
        }
        return .success(output)
    }

    /// Code page 932 maps only into the Basic Multilingual Plane: at most three UTF-8 bytes.
    @inline(__always)
    private static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        if scalar < 0x80 {
            output.append(UInt8(scalar))
        } else if scalar < 0x800 {
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    public static func decode(_ bytes: some Collection<UInt8>) -> String? {
        guard case .success(let utf8) = transcodeToUTF8(bytes) else { return nil }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Encodes text as CP932. Characters that code page 932 cannot hold become `replacement`
    /// (Excel does the same with "?" when it saves as CSV).
    public static func encode(_ text: String, replacement: UInt8 = UInt8(ascii: "?")) -> [UInt8] {
        var output: [UInt8] = []
        encode(text, into: &output, replacement: replacement)
        return output
    }

    /// Appends `text` in CP932 to `output`.
    public static func encode(_ text: String, into output: inout [UInt8], replacement: UInt8 = UInt8(ascii: "?")) {
        output.reserveCapacity(output.count + text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00...0x7F:
                output.append(UInt8(scalar.value))
            case 0xFF61...0xFF9F:
                output.append(UInt8(scalar.value - 0xFF61 + 0xA1))
            default:
                if let code = doubleByteCode(scalar) {
                    output.append(UInt8(code >> 8))
                    output.append(UInt8(code & 0xFF))
                } else {
                    output.append(replacement)
                }
            }
        }
    }

    /// Whether every character of `text` has a CP932 code.
    public static func canEncode(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy {
            $0.value < 0x80 || (0xFF61...0xFF9F).contains($0.value) || doubleByteCode($0) != nil
        }
    }

    public struct DecodingFailure: Error, Sendable, Equatable {
        public var byteOffset: Int
    }
}
