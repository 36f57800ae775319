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
public struct SIPHeaders: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [SIPHeaderField]

    public init(_ fields: [SIPHeaderField] = []) { self.fields = fields }

    public init(dictionaryLiteral elements: (SIPHeaderName, String)...) {
        fields = elements.map { SIPHeaderField(name: $0.0, value: $0.1) }
    }

    public func makeIterator() -> IndexingIterator<[SIPHeaderField]> { fields.makeIterator() }

    /// The first field's whole value.
    public subscript(_ name: SIPHeaderName) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of the header, in order: values of list headers written comma-separated on one line are split
    /// (commas inside quotes or angle brackets do not split).
    public func values(_ name: SIPHeaderName) -> [String] {
        var result: [String] = []
        for field in fields where field.name == name {
            if name.allowsCommaSeparatedValues {
                result.append(contentsOf: SIPSyntax.splitList(field.value))
            } else {
                result.append(field.value)
            }
        }
        return result
    }

    public func contains(_ name: SIPHeaderName) -> Bool { fields.contains { $0.name == name } }

    public mutating func add(_ name: SIPHeaderName, _ value: String) {
        fields.append(SIPHeaderField(name: name, value: value))
    }

    /// Puts a field before all others of the same name (a new top Via).
    public mutating func prepend(_ name: SIPHeaderName, _ value: String) {
        let index = fields.firstIndex { $0.name == name } ?? fields.endIndex
        fields.insert(SIPHeaderField(name: name, value: value), at: index)
    }

    /// Replaces every field of that name with one field, where the first of them was.
    public mutating func set(_ name: SIPHeaderName, _ value: String) {
        if let index = fields.firstIndex(where: { $0.name == name }) {
            fields[index].value = value
            var position = fields.index(after: index)
            while position < fields.endIndex {
                if fields[position].name == name { fields.remove(at: position) } else { position += 1 }
            }
        } else {
            add(name, value)
        }
    }

    public mutating func remove(_ name: SIPHeaderName) {
        fields.removeAll { $0.name == name }
    }
}
