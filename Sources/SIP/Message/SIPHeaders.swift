/// One header field as it appears in a message, folded lines already joined.
public struct SIPHeaderField: Hashable, Sendable {
    public var name: SIPHeaderName
    public var value: String

    public init(name: SIPHeaderName, value: String) {
        self.name = name
        self.value = value
    }
}

/// A message's header fields in their order. Several fields of one name keep their relative order, which matters
/// for Via, Route and Record-Route (RFC 3261 §7.3.1).
///
/// Parsed headers keep the received bytes: a value becomes a `String` only when it is read, so a message whose
/// headers are never looked at costs no strings.
public struct SIPHeaders: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    enum StoredValue: Sendable {
        /// Offsets into `received`.
        case received(start: Int32, end: Int32)
        case text(String)
    }

    struct Entry: Sendable {
        var name: SIPHeaderName
        var value: StoredValue
    }

    /// The header section a parser read these from; empty for headers built in code.
    private(set) var received: [UInt8]
    private(set) var entries: [Entry]

    public init(_ fields: [SIPHeaderField] = []) {
        received = []
        entries = fields.map { Entry(name: $0.name, value: .text($0.value)) }
    }

    init(received: [UInt8], entries: [Entry]) {
        self.received = received
        self.entries = entries
    }

    public init(dictionaryLiteral elements: (SIPHeaderName, String)...) {
        self.init(elements.map { SIPHeaderField(name: $0.0, value: $0.1) })
    }

    public var fields: [SIPHeaderField] { entries.map { SIPHeaderField(name: $0.name, value: string($0.value)) } }

    public var count: Int { entries.count }

    public func makeIterator() -> IndexingIterator<[SIPHeaderField]> { fields.makeIterator() }

    public static func == (lhs: SIPHeaders, rhs: SIPHeaders) -> Bool { lhs.fields == rhs.fields }

    public func hash(into hasher: inout Hasher) { hasher.combine(fields) }

    private func string(_ value: StoredValue) -> String {
        switch value {
        case .text(let text): text
        case .received(let start, let end):
            received.withUnsafeBufferPointer { SIPBytes($0).string(Int(start)..<Int(end)) }
        }
    }

    /// Runs a scanner over one entry's value bytes.
    func withValueBytes<T>(
        at index: Int, _ body: (SIPBytes, Range<Int>) throws(SIPParseError) -> T
    ) throws(SIPParseError) -> T {
        switch entries[index].value {
        case .text(let text):
            return try text.withSIPBytes { bytes throws(SIPParseError) in try body(bytes, bytes.all) }
        case .received(let start, let end):
            let result: Result<T, SIPParseError> = received.withUnsafeBufferPointer { buffer in
                do throws(SIPParseError) {
                    return .success(try body(SIPBytes(buffer), Int(start)..<Int(end)))
                } catch {
                    return .failure(error)
                }
            }
            return try result.get()
        }
    }

    /// Runs `body` with a reader of the entries' values that pins the received bytes once for all of them.
    func withValueReader<T>(_ body: (SIPHeaderValueReader) throws(SIPParseError) -> T) throws(SIPParseError) -> T {
        let result: Result<T, SIPParseError> = received.withUnsafeBufferPointer { buffer in
            do throws(SIPParseError) {
                return .success(try body(SIPHeaderValueReader(headers: self, received: SIPBytes(buffer))))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Appends one entry's value as it goes on the wire, without line ends (header injection).
    func appendValue(at index: Int, to bytes: inout [UInt8]) {
        switch entries[index].value {
        case .text(let text):
            if text.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
                for byte in text.utf8 where byte != 0x0D && byte != 0x0A { bytes.append(byte) }
            } else {
                bytes.append(contentsOf: text.utf8)
            }
        case .received(let start, let end):
            // Received values were checked to have no CR or LF when they were parsed.
            bytes.append(contentsOf: received[Int(start)..<Int(end)])
        }
    }

    /// The first field's whole value.
    public subscript(_ name: SIPHeaderName) -> String? {
        entries.first { $0.name == name }.map { string($0.value) }
    }

    /// Every value of the header, in order: values of list headers written comma-separated on one line are split
    /// (commas inside quotes or angle brackets do not split).
    public func values(_ name: SIPHeaderName) -> [String] {
        var result: [String] = []
        for entry in entries where entry.name == name {
            if name.allowsCommaSeparatedValues {
                result.append(contentsOf: SIPSyntax.splitList(string(entry.value)))
            } else {
                result.append(string(entry.value))
            }
        }
        return result
    }

    /// The first value of the header (the first list element of a list header) read from its bytes; nil when absent
    /// or malformed. What `values(_:).first` then a parse would give, without the strings in between.
    func first<T>(_ name: SIPHeaderName, _ parse: (SIPBytes, Range<Int>) throws(SIPParseError) -> T) -> T? {
        for index in entries.indices where entries[index].name == name {
            var found = false
            var value: T?
            _ = try? withValueBytes(at: index) { bytes, range in
                guard name.allowsCommaSeparatedValues else {
                    (found, value) = (true, try? parse(bytes, range))
                    return
                }
                var element: Range<Int>?
                bytes.forEachListElement(in: range) { if element == nil { element = $0 } }
                // A field with no element (an empty line) leaves the first value to the next field.
                if let element { (found, value) = (true, try? parse(bytes, element)) }
            }
            if found { return value }
        }
        return nil
    }

    /// Every value of the header that parses, in order, read from its bytes (`values(_:)` then a parse of each).
    func each<T>(_ name: SIPHeaderName, _ parse: (SIPBytes, Range<Int>) throws(SIPParseError) -> T) -> [T] {
        var result: [T] = []
        for index in entries.indices where entries[index].name == name {
            try? withValueBytes(at: index) { bytes, range in
                guard name.allowsCommaSeparatedValues else {
                    if let value = try? parse(bytes, range) { result.append(value) }
                    return
                }
                bytes.forEachListElement(in: range) { element in
                    if let value = try? parse(bytes, element) { result.append(value) }
                }
            }
        }
        return result
    }

    public func contains(_ name: SIPHeaderName) -> Bool { entries.contains { $0.name == name } }

    public mutating func add(_ name: SIPHeaderName, _ value: String) {
        entries.append(Entry(name: name, value: .text(value)))
    }

    /// Puts a field before all others of the same name (a new top Via).
    public mutating func prepend(_ name: SIPHeaderName, _ value: String) {
        let index = entries.firstIndex { $0.name == name } ?? entries.endIndex
        entries.insert(Entry(name: name, value: .text(value)), at: index)
    }

    /// Replaces every field of that name with one field, where the first of them was.
    public mutating func set(_ name: SIPHeaderName, _ value: String) {
        if let index = entries.firstIndex(where: { $0.name == name }) {
            entries[index].value = .text(value)
            var position = entries.index(after: index)
            while position < entries.endIndex {
                if entries[position].name == name { entries.remove(at: position) } else { position += 1 }
            }
        } else {
            add(name, value)
        }
    }

    public mutating func remove(_ name: SIPHeaderName) {
        entries.removeAll { $0.name == name }
    }
}

/// Reads header values for `SIPHeaders.withValueReader`: received values straight from the pinned bytes.
struct SIPHeaderValueReader {
    let headers: SIPHeaders
    let received: SIPBytes

    func read<T>(_ index: Int, _ scan: (SIPBytes, Range<Int>) throws(SIPParseError) -> T) throws(SIPParseError) -> T {
        if case .received(let start, let end) = headers.entries[index].value {
            return try scan(received, Int(start)..<Int(end))
        }
        return try headers.withValueBytes(at: index, scan)
    }
}
