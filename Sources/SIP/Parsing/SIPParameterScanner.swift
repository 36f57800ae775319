/// A parameter's value as found: a token-ish run, or a quoted string's content with its escapes still in.
enum SIPParameterValueSpan {
    case plain(Range<Int>)
    case quoted(Range<Int>)
}

extension SIPBytes {
    /// Reads `;a=b;c;d="e f"` (the leading `;` optional), calling `visit` with each name and value in order.
    func scanParameters(
        _ range: Range<Int>, _ visit: (_ name: Range<Int>, _ value: SIPParameterValueSpan?) -> Void
    ) throws(SIPParseError) {
        var rest = trim(range)
        while let first = rest.first {
            if buffer[first] == 0x3B {
                rest = trim(first + 1..<rest.upperBound)
                continue
            }
            let nameEnd = find(in: rest) { $0 == 0x3D || $0 == 0x3B } ?? rest.upperBound
            let name = trim(rest.lowerBound..<nameEnd)
            guard !name.isEmpty, allSatisfy(name, SIPByteSet.parameterName.contains) else {
                throw .malformedHeader("parameter name \"\(string(name))\"")
            }
            rest = nameEnd..<rest.upperBound
            guard let equals = rest.first, buffer[equals] == 0x3D else {
                visit(name, nil)
                continue
            }
            rest = trim(equals + 1..<rest.upperBound)
            if let quote = rest.first, buffer[quote] == 0x22 {
                guard let end = quotedStringEnd(from: quote, before: rest.upperBound) else {
                    throw .malformedHeader("unterminated quoted parameter")
                }
                visit(name, .quoted(quote + 1..<end - 1))
                rest = trim(end..<rest.upperBound)
            } else {
                let valueEnd = find(0x3B, in: rest) ?? rest.upperBound
                visit(name, .plain(trim(rest.lowerBound..<valueEnd)))
                rest = valueEnd..<rest.upperBound
            }
        }
    }

    /// The value of the first parameter named `lowerCaseName` (in any case): `.some(nil)` when it has none, nil when
    /// it is absent. Every parameter is still checked.
    func firstParameter(_ lowerCaseName: StaticString, in range: Range<Int>) throws(SIPParseError)
        -> SIPParameterValueSpan??
    {
        var found: SIPParameterValueSpan??
        try scanParameters(range) { name, value in
            if found == nil, equalsIgnoringCase(name, lowerCaseName) { found = .some(value) }
        }
        return found
    }

    /// A parameter's value as text: a quoted one without its quotes and escapes.
    func text(of value: SIPParameterValueSpan) -> String {
        switch value {
        case .plain(let range): string(range)
        case .quoted(let content): unescaped(content)
        }
    }
}
