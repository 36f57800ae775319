/// A bencoded value (the BitTorrent encoding rtpengine's ng protocol uses). Strings are bytes: SDP and call-ids are
/// ASCII in practice, but nothing here assumes it.
public enum BencodeValue: Sendable, Hashable {
    case integer(Int64)
    case bytes([UInt8])
    case list([BencodeValue])
    /// Keys in the order they were given or received. Encoding sorts them as the format asks; decoding accepts any
    /// order, because rtpengine itself does not sort the dictionaries it sends.
    case dictionary([(key: [UInt8], value: BencodeValue)])

    public static func string(_ text: String) -> BencodeValue { .bytes(Array(text.utf8)) }

    public static func dictionary(_ entries: KeyValuePairs<String, BencodeValue>) -> BencodeValue {
        .dictionary(entries.map { (key: Array($0.key.utf8), value: $0.value) })
    }

    public static func strings(_ items: [String]) -> BencodeValue { .list(items.map(BencodeValue.string)) }

    /// The bytes as UTF-8 text, when they are valid UTF-8.
    public var text: String? {
        guard case .bytes(let bytes) = self else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    public var integer: Int64? {
        guard case .integer(let value) = self else { return nil }
        return value
    }

    public var list: [BencodeValue]? {
        guard case .list(let items) = self else { return nil }
        return items
    }

    /// The value under `key` in a dictionary (the first, should a peer repeat a key).
    public subscript(key: String) -> BencodeValue? {
        guard case .dictionary(let entries) = self else { return nil }
        let wanted = Array(key.utf8)
        return entries.first { $0.key == wanted }?.value
    }

    public static func == (lhs: BencodeValue, rhs: BencodeValue) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): a == b
        case (.bytes(let a), .bytes(let b)): a == b
        case (.list(let a), .list(let b)): a == b
        case (.dictionary(let a), .dictionary(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .integer(let value): hasher.combine(0); hasher.combine(value)
        case .bytes(let bytes): hasher.combine(1); hasher.combine(bytes)
        case .list(let items): hasher.combine(2); hasher.combine(items)
        case .dictionary(let entries):
            hasher.combine(3)
            for entry in entries { hasher.combine(entry.key); hasher.combine(entry.value) }
        }
    }
}

extension BencodeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(arrayLiteral elements: BencodeValue...) { self = .list(elements) }
}
