/// Why one CSV line did not become a customer.
public struct CustomerRowProblem: Error, Sendable, Equatable, UserExplainable {
    public enum Reason: Error, Sendable, Equatable {
        case syntax(CSVSyntaxError.Kind)
        case phone(PhoneNumberError)
        case missingName
        case unknownKind(String)
        case unknownPrefecture(String)
        case invalidEmail(String)
        case tooLong(CustomerField, maximum: Int)
        case tooManyFields(expected: Int, found: Int)
    }

    public var line: Int
    public var reason: Reason

    public init(line: Int, reason: Reason) {
        self.line = line
        self.reason = reason
    }

    /// The reason alone, without the line number.
    public var reasonText: LocalizedText {
        switch reason {
        case .syntax(let kind):
            let syntax = CSVSyntaxError(line: line, kind: kind).explanation
            let prefixJa = "\(line)行目: "
            let prefixEn = "Line \(line): "
            return LocalizedText(
                ja: String(syntax.ja.dropFirst(prefixJa.count)), en: String(syntax.en.dropFirst(prefixEn.count)))
        case .phone(let error):
            return error.explanation
        case .missingName:
            return LocalizedText(ja: "会社名または担当者名が必要です。", en: "A company or contact name is required.")
        case .unknownKind(let text):
            return LocalizedText(
                ja: "区分「\(text)」は使えません(法人 または 個人)。",
                en: "Type “\(text)” is not known (法人 company or 個人 individual)."
            )
        case .unknownPrefecture(let text):
            return LocalizedText(ja: "都道府県「\(text)」が正しくありません。", en: "“\(text)” is not a prefecture.")
        case .invalidEmail(let text):
            return LocalizedText(ja: "メールアドレス「\(text)」の形式が正しくありません。", en: "“\(text)” is not a valid email address.")
        case .tooLong(let field, let maximum):
            return LocalizedText(
                ja: "\(field.japaneseHeader)が長すぎます(\(maximum)文字まで)。",
                en: "\(field.label.en) is too long (at most \(maximum) characters)."
            )
        case .tooManyFields(let expected, let found):
            return LocalizedText(
                ja: "項目数が見出し行より多くなっています(見出し \(expected) 項目、この行 \(found) 項目)。",
                en: "The line has more fields than the header (header \(expected), this line \(found))."
            )
        }
    }

    public var explanation: LocalizedText {
        let reason = reasonText
        return LocalizedText(ja: "\(line)行目: \(reason.ja)", en: "Line \(line): \(reason.en)")
    }
}
