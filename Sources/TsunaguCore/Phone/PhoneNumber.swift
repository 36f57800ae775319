/// A Japanese telephone number as a person typed it, with its E.164 form.
public struct PhoneNumber: Sendable, Hashable, Codable {
    /// Exactly what was entered (trimmed of surrounding white space).
    public var entered: String
    /// `+81` followed by the national significant number, e.g. `+81312345678`.
    public var e164: String
    public var kind: Kind

    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// 0AB-J: geographic numbers (03-xxxx-xxxx, 06-…, 011-…).
        case fixedLine
        /// 070 / 080 / 090.
        case mobile
        /// 050 IP telephony.
        case ipPhone
        /// 0120 and 0800 free dial.
        case tollFree
        /// 0570 navigation dial (shared cost).
        case naviDial
        /// 0170 / 0180 telephone services.
        case otherService
    }

    /// The national significant number: the digits after `+81`.
    public var nationalSignificantNumber: Substring { e164.dropFirst(3) }

    /// The number as dialled inside Japan, with its trunk prefix 0 and no separators (e.g. `0312345678`).
    public var national: String { "0" + nationalSignificantNumber }

    public init(entered: String, e164: String, kind: Kind) {
        self.entered = entered
        self.e164 = e164
        self.kind = kind
    }

    /// Reads what a person typed: hyphens, spaces, dots, parentheses, full-width characters, the `+81`, `0081`,
    /// `010-81` and bare `81` forms, and a leading zero lost by a spreadsheet are all accepted.
    public static func parse(_ text: String) -> Result<PhoneNumber, PhoneNumberError> {
        let entered = text.trimmingWhitespace()
        let digitsAndPlus: (digits: [UInt8], plus: Bool)
        switch cleaned(entered) {
        case .failure(let error): return .failure(error)
        case .success(let value): digitsAndPlus = value
        }
        let digits = digitsAndPlus.digits
        if digits.isEmpty { return .failure(.empty) }

        let significant: ArraySlice<UInt8>
        if digitsAndPlus.plus {
            guard digits.starts(with: [8, 1]) else { return .failure(.notJapanese) }
            significant = droppingTrunkZero(digits.dropFirst(2))
        } else if digits.starts(with: [0, 0, 8, 1]) {
            significant = droppingTrunkZero(digits.dropFirst(4))
        } else if digits.starts(with: [0, 1, 0]) {
            // 010 is the international call prefix from Japan.
            guard digits.dropFirst(3).starts(with: [8, 1]) else { return .failure(.notJapanese) }
            significant = droppingTrunkZero(digits.dropFirst(5))
        } else if digits.starts(with: [0, 0]) {
            return .failure(.notJapanese)
        } else if digits.first == 0 {
            significant = digits.dropFirst(1)
        } else if digits.starts(with: [8, 1]) && digits.count >= 11 {
            significant = droppingTrunkZero(digits.dropFirst(2))
        } else if digits.count <= 4 && digits.first == 1 {
            return .failure(.specialServiceNumber)
        } else {
            // A spreadsheet that treated the number as a number dropped its leading 0 (312345678, 9012345678).
            significant = digits[...]
        }
        return classify(significant).map { kind in
            PhoneNumber(entered: entered, e164: "+81" + String(decoding: significant.map { $0 + 0x30 }, as: UTF8.self), kind: kind)
        }
    }

    private static func droppingTrunkZero(_ digits: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        digits.first == 0 ? digits.dropFirst() : digits
    }

    /// Checks the national significant number against the Japanese numbering plan.
    private static func classify(_ number: ArraySlice<UInt8>) -> Result<Kind, PhoneNumberError> {
        guard let first = number.first else { return .failure(.tooShort) }
        if first == 0 { return .failure(.notAssigned) }
        let two = Array(number.prefix(2))
        let three = Array(number.prefix(3))
        let kind: Kind
        let expectedLength: Int
        if three == [8, 0, 0] || three == [1, 2, 0] {
            (kind, expectedLength) = (.tollFree, three == [8, 0, 0] ? 10 : 9)
        } else if two == [7, 0] || two == [8, 0] || two == [9, 0] {
            (kind, expectedLength) = (.mobile, 10)
        } else if two == [5, 0] {
            (kind, expectedLength) = (.ipPhone, 10)
        } else if three == [5, 7, 0] {
            (kind, expectedLength) = (.naviDial, 9)
        } else if three == [1, 7, 0] || three == [1, 8, 0] {
            (kind, expectedLength) = (.otherService, 9)
        } else if two == [2, 0] || two == [6, 0] || three == [9, 9, 0] {
            // 020 (M2M / pagers), 060 (unassigned FMC) and 0990 (abolished) carry no voice calls.
            return .failure(.notAssigned)
        } else {
            (kind, expectedLength) = (.fixedLine, 9)
        }
        if number.count < expectedLength { return .failure(.tooShort) }
        if number.count > expectedLength { return .failure(.tooLong) }
        return .success(kind)
    }

    /// Keeps digits and a leading `+`; drops separators people type; rejects anything else.
    private static func cleaned(_ text: String) -> Result<(digits: [UInt8], plus: Bool), PhoneNumberError> {
        var digits: [UInt8] = []
        var plus = false
        // A leading apostrophe is Excel's "keep as text" mark ('0312345678 keeps its 0).
        let body = text.hasPrefix("'") || text.hasPrefix("\u{2019}") ? text.dropFirst() : Substring(text)
        for scalar in body.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x30...0x39: digits.append(UInt8(value - 0x30))
            case 0xFF10...0xFF19: digits.append(UInt8(value - 0xFF10))
            case 0x2B, 0xFF0B:
                guard digits.isEmpty, !plus else { return .failure(.invalidCharacters("+")) }
                plus = true
            default:
                if separators.contains(scalar) { continue }
                if isLetter(scalar) { return .failure(.containsLetters) }
                return .failure(.invalidCharacters(String(scalar)))
            }
        }
        return .success((digits, plus))
    }

    private static let separators: Set<Unicode.Scalar> = [
        " ", "\t", "\u{3000}", "\u{00A0}",  // spaces, ideographic space, no-break space
        "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FF0D}",
        "\u{30FC}", "\u{FF70}",  // ー typed for a hyphen with a Japanese input method
        "(", ")", "\u{FF08}", "\u{FF09}", ".", "\u{FF0E}", "/",
    ]

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true
        default: false
        }
    }
}

extension String {
    /// Trims spaces, tabs, line breaks, the ideographic space (U+3000) and a stray byte-order mark.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !Self.isTrimmable(first) && !Self.isTrimmable(last) { return self }
        guard let start = scalars.firstIndex(where: { !Self.isTrimmable($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !Self.isTrimmable($0) })!
        return String(scalars[start...end])
    }

    private static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x3000, 0xFEFF, 0x2000...0x200A, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Character count, without walking graphemes when the UTF-8 length already settles the question.
    func hasMoreCharacters(than limit: Int) -> Bool {
        utf8.count > limit && count > limit
    }
}
