/// Writes bencode. Dictionary keys are written sorted by their raw bytes, as the format requires.
public enum BencodeEncoder {
    public static func encode(_ value: BencodeValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        append(value, to: &output)
        return output
    }

    public static func append(_ value: BencodeValue, to output: inout [UInt8]) {
        switch value {
        case .integer(let number):
            output.append(UInt8(ascii: "i"))
            output.append(contentsOf: String(number).utf8)
            output.append(UInt8(ascii: "e"))
        case .bytes(let bytes):
            appendBytes(bytes, to: &output)
        case .list(let items):
            output.append(UInt8(ascii: "l"))
            for item in items { append(item, to: &output) }
            output.append(UInt8(ascii: "e"))
        case .dictionary(let entries):
            output.append(UInt8(ascii: "d"))
            for entry in entries.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                appendBytes(entry.key, to: &output)
                append(entry.value, to: &output)
            }
            output.append(UInt8(ascii: "e"))
        }
    }

    private static func appendBytes(_ bytes: [UInt8], to output: inout [UInt8]) {
        output.append(contentsOf: String(bytes.count).utf8)
        output.append(UInt8(ascii: ":"))
        output.append(contentsOf: bytes)
    }
}
