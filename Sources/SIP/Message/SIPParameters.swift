/// `;name=value` parameters of a URI or a header, in order; names compare without regard to case.
/// A parameter without `=` has a nil value (`;lr`, `;rport`).
public struct SIPParameters: Hashable, Sendable, Sequence {
    public struct Parameter: Hashable, Sendable {
        public var name: String
        public var value: String?
    }

    public private(set) var items: [Parameter]

    public init(_ items: [Parameter] = []) { self.items = items }

    public func makeIterator() -> IndexingIterator<[Parameter]> { items.makeIterator() }

    public var isEmpty: Bool { items.isEmpty }

    public func contains(_ name: String) -> Bool { index(of: name) != nil }

    /// The value of the parameter; `.some(nil)` when present without a value.
    public subscript(_ name: String) -> String?? {
        guard let index = index(of: name) else { return nil }
        return .some(items[index].value)
    }

    public func value(_ name: String) -> String? {
        guard let index = index(of: name) else { return nil }
        return items[index].value
    }

    public mutating func set(_ name: String, _ value: String?) {
        if let index = index(of: name) {
            items[index].value = value
        } else {
            // A header built in code carries one or two (a tag; branch and rport): room for two at once, not one.
            if items.isEmpty { items.reserveCapacity(2) }
            items.append(Parameter(name: name, value: value))
        }
    }

    public mutating func remove(_ name: String) {
        items.removeAll { $0.name.equalsIgnoringCase(name) }
    }

    private func index(of name: String) -> Int? {
        items.firstIndex { $0.name.equalsIgnoringCase(name) }
    }

    /// Parses `;a=b;c;d="e f"` (the leading `;` optional). A quoted value keeps its quotes out.
    static func parse(_ text: Substring) throws(SIPParseError) -> SIPParameters {
        try text.withSIPBytes { bytes throws(SIPParseError) in try SIPParameters(bytes, bytes.all) }
    }

    init(_ bytes: SIPBytes, _ range: Range<Int>) throws(SIPParseError) {
        var items: [Parameter] = []
        try bytes.scanParameters(range) { name, value in
            items.append(Parameter(name: bytes.string(name), value: value.map(bytes.text(of:))))
        }
        self.items = items
    }
}

extension String {
    /// ASCII case-insensitive equality (parameter names are tokens), without allocating.
    fileprivate func equalsIgnoringCase(_ other: String) -> Bool {
        utf8.count == other.utf8.count
            && zip(utf8, other.utf8).allSatisfy { a, b in
                a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A)
            }
    }
}
