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

    /// A stored E.164 number as people in Japan write it (`+81312345678` → `0312345678`); others as they are.
    public static func nationalDisplay(of e164: String) -> String {
        e164.hasPrefix("+81") ? "0" + e164.dropFirst(3) : e164
    }

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
            PhoneNumber(
                entered: entered, e164: "+81" + String(decoding: significant.map { $0 + 0x30 }, as: UTF8.self),
                kind: kind)
        }
    }

    private static func droppingTrunkZero(_ digits: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        digits.first == 0 ? digits.dropFirst() : digits
    }

    /// Checks the national significant number against the Japanese numbering plan.
    private static func classify(_ number: ArraySlice<UInt8>) -> Result<Kind, PhoneNumberError> {
        guard let first = number.first else { return .failure(.tooShort) }
        if first == 0 { return .failure(.notAssigned) }
        // The first three digits as one number (missing digits count as 10, which matches nothing below).
        let start = number.startIndex
        let second = number.count > 1 ? Int(number[start + 1]) : 10
        let third = number.count > 2 ? Int(number[start + 2]) : 10
        let two = Int(first) * 10 + second
        let three = two * 10 + third
        let kind: Kind
        let expectedLength: Int
        if second < 10 && third < 10 && (three == 800 || three == 120) {
            (kind, expectedLength) = (.tollFree, three == 800 ? 10 : 9)
        } else if second < 10 && (two == 70 || two == 80 || two == 90) {
            (kind, expectedLength) = (.mobile, 10)
        } else if second < 10 && two == 50 {
            (kind, expectedLength) = (.ipPhone, 10)
        } else if second < 10 && third < 10 && three == 570 {
            (kind, expectedLength) = (.naviDial, 9)
        } else if second < 10 && third < 10 && (three == 170 || three == 180) {
            (kind, expectedLength) = (.otherService, 9)
        } else if second < 10 && (two == 20 || two == 60 || (third < 10 && three == 990)) {
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
                if isSeparator(scalar) { continue }
                if isLetter(scalar) { return .failure(.containsLetters) }
                return .failure(.invalidCharacters(String(scalar)))
            }
        }
        return .success((digits, plus))
    }

    /// Spaces, hyphens and dashes of every width (ー too: a Japanese input method types it for a hyphen),
    /// parentheses, dots and slashes.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x3000, 0xA0: true
        case 0x2D, 0x2010...0x2015, 0x2212, 0xFF0D, 0x30FC, 0xFF70: true
        case 0x28, 0x29, 0xFF08, 0xFF09, 0x2E, 0xFF0E, 0x2F: true
        default: false
        }
    }

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
        if !utf8.isEmpty && !Self.mayStartTrimmable(utf8) && !Self.mayEndTrimmable(utf8) { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !Self.isTrimmable($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !Self.isTrimmable($0) })!
        return String(scalars[start...end])
    }

    /// Whether the first byte could begin a trimmable scalar (ASCII space or control, C2, E2, E3, EF lead bytes).
    private static func mayStartTrimmable(_ utf8: String.UTF8View) -> Bool {
        guard let first = utf8.first else { return false }
        return first <= 0x20 || first == 0xC2 || first == 0xE2 || first == 0xE3 || first == 0xEF
    }

    /// Whether the last bytes could end a trimmable scalar (U+3000 ends 80 80, U+FEFF BB BF, U+00A0 C2 A0 …).
    private static func mayEndTrimmable(_ utf8: String.UTF8View) -> Bool {
        guard let last = utf8.last else { return false }
        if last < 0x80 { return last <= 0x20 }
        return last == 0x80 || last == 0xBF || last == 0xA0 || last == 0x85 || (0x81...0x8A).contains(last)
            || last == 0xA8 || last == 0xA9
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
