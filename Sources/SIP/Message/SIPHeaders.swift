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
/// headers are never looked at costs no strings. An entry is plain indices (a known name, or a slot in `otherNames`;
/// a span of `received`, or a slot in `texts`), so the parser stores it and a message drops it without per-entry
/// reference counting.
public struct SIPHeaders: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    struct Entry: Sendable {
        enum Name: Equatable, Sendable {
            case known(SIPKnownHeader)
            /// A slot in `otherNames`.
            case other(Int32)
        }

        enum Value: Sendable {
            /// Offsets into `received`.
            case received(start: Int32, end: Int32)
            /// A slot in `texts`.
            case text(Int32)
        }

        var name: Name
        var value: Value
    }

    /// The header section a parser read these from; empty for headers built in code.
    private(set) var received: [UInt8]
    private(set) var entries: [Entry]
    /// Names that are not `SIPKnownHeader`s, referred to by entries.
    private(set) var otherNames: [SIPHeaderName]
    /// Values set in code or joined from folded lines, referred to by entries.
    private(set) var texts: [String]

    public init(_ fields: [SIPHeaderField] = []) {
        received = []
        entries = []
        otherNames = []
        texts = []
        reserveCapacity(fields.count)
        for field in fields { add(field.name, field.value) }
    }

    init(received: [UInt8], entries: [Entry], otherNames: [SIPHeaderName], texts: [String]) {
        self.received = received
        self.entries = entries
        self.otherNames = otherNames
        self.texts = texts
    }

    public init(dictionaryLiteral elements: (SIPHeaderName, String)...) {
        self.init(elements.map { SIPHeaderField(name: $0.0, value: $0.1) })
    }

    public var fields: [SIPHeaderField] {
        entries.indices.map { SIPHeaderField(name: name(at: $0), value: string(at: $0)) }
    }

    public var count: Int { entries.count }

    /// Makes room for `count` fields set in code, so that building a request grows no array field by field.
    public mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
        texts.reserveCapacity(count)
    }

    public func makeIterator() -> IndexingIterator<[SIPHeaderField]> { fields.makeIterator() }

    public static func == (lhs: SIPHeaders, rhs: SIPHeaders) -> Bool { lhs.fields == rhs.fields }

    public func hash(into hasher: inout Hasher) { hasher.combine(fields) }

    func name(at index: Int) -> SIPHeaderName {
        switch entries[index].name {
        case .known(let known): SIPHeaderName(known)
        case .other(let slot): otherNames[Int(slot)]
        }
    }

    func known(at index: Int) -> SIPKnownHeader? {
        guard case .known(let known) = entries[index].name else { return nil }
        return known
    }

    @inline(__always) func isNamed(_ index: Int, _ name: SIPHeaderName) -> Bool {
        switch entries[index].name {
        case .known(let known): name.known == known
        case .other(let slot): otherNames[Int(slot)] == name
        }
    }

    private func string(at index: Int) -> String {
        switch entries[index].value {
        case .text(let slot): texts[Int(slot)]
        case .received(let start, let end):
            received.withUnsafeBufferPointer { SIPBytes($0).string(Int(start)..<Int(end)) }
        }
    }

    /// Runs a scanner over one entry's value bytes.
    func withValueBytes<T>(
        at index: Int, _ body: (SIPBytes, Range<Int>) throws(SIPParseError) -> T
    ) throws(SIPParseError) -> T {
        switch entries[index].value {
        case .text(let slot):
            return try texts[Int(slot)].withSIPBytes { bytes throws(SIPParseError) in try body(bytes, bytes.all) }
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

    /// Writes one entry's value as it goes on the wire, without line ends (header injection).
    func writeValue(at index: Int, to sink: inout some SIPByteSink) {
        switch entries[index].value {
        case .text(let slot):
            var text = texts[Int(slot)]
            text.withUTF8 { utf8 in
                var hasLineEnd = false
                for byte in utf8 { hasLineEnd = hasLineEnd || byte == 0x0D || byte == 0x0A }
                guard hasLineEnd else { return sink.writeSIPBytes(utf8) }
                for byte in utf8 where byte != 0x0D && byte != 0x0A { sink.writeSIPByte(byte) }
            }
        case .received(let start, let end):
            // Received values were checked to have no CR or LF when they were parsed.
            received.withUnsafeBufferPointer { bytes in
                sink.writeSIPBytes(UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(end)]))
            }
        }
    }

    /// The first field's whole value.
    public subscript(_ name: SIPHeaderName) -> String? {
        entries.indices.first { isNamed($0, name) }.map(string(at:))
    }

    /// Every value of the header, in order: values of list headers written comma-separated on one line are split
    /// (commas inside quotes or angle brackets do not split).
    public func values(_ name: SIPHeaderName) -> [String] {
        var result: [String] = []
        for index in entries.indices where isNamed(index, name) {
            if name.allowsCommaSeparatedValues {
                result.append(contentsOf: SIPSyntax.splitList(string(at: index)))
            } else {
                result.append(string(at: index))
            }
        }
        return result
    }

    /// The first value of the header (the first list element of a list header) read from its bytes; nil when absent
    /// or malformed. What `values(_:).first` then a parse would give, without the strings in between.
    func first<T>(_ name: SIPHeaderName, _ parse: (SIPBytes, Range<Int>) throws(SIPParseError) -> T) -> T? {
        for index in entries.indices where isNamed(index, name) {
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
        for index in entries.indices where isNamed(index, name) {
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

    public func contains(_ name: SIPHeaderName) -> Bool { entries.indices.contains { isNamed($0, name) } }

    public mutating func add(_ name: SIPHeaderName, _ value: String) {
        entries.append(Entry(name: entryName(name), value: .text(store(value))))
    }

    /// Puts a field before all others of the same name (a new top Via).
    public mutating func prepend(_ name: SIPHeaderName, _ value: String) {
        let index = entries.indices.first { isNamed($0, name) } ?? entries.endIndex
        entries.insert(Entry(name: entryName(name), value: .text(store(value))), at: index)
    }

    /// Replaces every field of that name with one field, where the first of them was.
    public mutating func set(_ name: SIPHeaderName, _ value: String) {
        guard let index = entries.indices.first(where: { isNamed($0, name) }) else {
            add(name, value)
            return
        }
        // A value set before is overwritten in its slot, so setting a header again and again does not grow `texts`.
        if case .text(let slot) = entries[index].value {
            texts[Int(slot)] = value
        } else {
            entries[index].value = .text(store(value))
        }
        var position = entries.index(after: index)
        while position < entries.endIndex {
            if isNamed(position, name) { entries.remove(at: position) } else { position += 1 }
        }
    }

    public mutating func remove(_ name: SIPHeaderName) {
        var kept: [Entry] = []
        kept.reserveCapacity(entries.count)
        for index in entries.indices where !isNamed(index, name) { kept.append(entries[index]) }
        entries = kept
    }

    private mutating func store(_ text: String) -> Int32 {
        texts.append(text)
        return Int32(texts.count - 1)
    }

    private mutating func entryName(_ name: SIPHeaderName) -> Entry.Name {
        if let known = name.known { return .known(known) }
        if let slot = otherNames.firstIndex(of: name) { return .other(Int32(slot)) }
        otherNames.append(name)
        return .other(Int32(otherNames.count - 1))
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
