/// Reads bencode from bytes that came from the network: every length is checked against what is left, nesting is
/// bounded, and anything malformed is an error that says where, never a crash.
public struct BencodeDecoder: Sendable {
    public var maximumDepth: Int

    public init(maximumDepth: Int = 32) {
        self.maximumDepth = maximumDepth
    }

    /// Decodes exactly one value that fills `bytes`.
    public func decode(_ bytes: some Collection<UInt8>) throws(BencodeError) -> BencodeValue {
        let input = Array(bytes)
        var reader = Reader(bytes: input, maximumDepth: maximumDepth)
        let value = try reader.value(depth: 0)
        guard reader.offset == input.count else { throw BencodeError(.trailingBytes, at: reader.offset) }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        let maximumDepth: Int
        var offset = 0

        mutating func value(depth: Int) throws(BencodeError) -> BencodeValue {
            guard depth < maximumDepth else { throw BencodeError(.tooDeep, at: offset) }
            guard offset < bytes.count else { throw BencodeError(.truncated, at: offset) }
            switch bytes[offset] {
            case UInt8(ascii: "i"):
                offset += 1
                return .integer(try number(until: UInt8(ascii: "e"), allowsSign: true))
            case UInt8(ascii: "l"):
                offset += 1
                var items: [BencodeValue] = []
                while try !atEnd() { items.append(try value(depth: depth + 1)) }
                return .list(items)
            case UInt8(ascii: "d"):
                offset += 1
                var entries: [(key: [UInt8], value: BencodeValue)] = []
                while try !atEnd() {
                    guard bytes[offset] >= UInt8(ascii: "0"), bytes[offset] <= UInt8(ascii: "9") else {
                        throw BencodeError(.keyNotString, at: offset)
                    }
                    let key = try string()
                    entries.append((key: key, value: try value(depth: depth + 1)))
                }
                return .dictionary(entries)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .bytes(try string())
            default:
                throw BencodeError(.unexpectedByte, at: offset)
            }
        }

        /// Consumes the `e` that closes a list or dictionary.
        private mutating func atEnd() throws(BencodeError) -> Bool {
            guard offset < bytes.count else { throw BencodeError(.truncated, at: offset) }
            if bytes[offset] == UInt8(ascii: "e") {
                offset += 1
                return true
            }
            return false
        }

        private mutating func string() throws(BencodeError) -> [UInt8] {
            let start = offset
            let length = try number(until: UInt8(ascii: ":"), allowsSign: false)
            guard length <= bytes.count - offset else { throw BencodeError(.lengthBeyondEnd, at: start) }
            let end = offset + Int(length)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }

        /// A decimal up to `terminator`, which is consumed. Rejects leading zeros and "-0" as the format does.
        private mutating func number(until terminator: UInt8, allowsSign: Bool) throws(BencodeError) -> Int64 {
            let start = offset
            var negative = false
            if allowsSign, offset < bytes.count, bytes[offset] == UInt8(ascii: "-") {
                negative = true
                offset += 1
            }
            let digitsStart = offset
            var magnitude: Int64 = 0
            while offset < bytes.count, bytes[offset] != terminator {
                let byte = bytes[offset]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                    throw BencodeError(.badNumber, at: offset)
                }
                let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { throw BencodeError(.badNumber, at: start) }
                magnitude = sum
                offset += 1
            }
            guard offset < bytes.count else { throw BencodeError(.truncated, at: offset) }
            let digits = offset - digitsStart
            guard digits > 0 else { throw BencodeError(.badNumber, at: start) }
            if digits > 1, bytes[digitsStart] == UInt8(ascii: "0") { throw BencodeError(.badNumber, at: start) }
            if negative, magnitude == 0 { throw BencodeError(.badNumber, at: start) }
            offset += 1
            return negative ? -magnitude : magnitude
        }
    }
}

public struct BencodeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case truncated = "input ends inside a value"
        case unexpectedByte = "byte that starts no value"
        case badNumber = "malformed number"
        case lengthBeyondEnd = "string longer than the input"
        case keyNotString = "dictionary key that is not a string"
        case tooDeep = "nesting too deep"
        case trailingBytes = "bytes after the value"
    }

    public var kind: Kind
    public var offset: Int

    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var description: String { "bencode: \(kind.rawValue) at byte \(offset)" }
}
