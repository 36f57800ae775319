/// A call list's トークスクリプト, shown on the phone screen when the call is answered: what the agent says first,
/// with the names 特定商取引法 §16 (氏名等の明示) asks for filled in — the seller's name, the agent's name, that the
/// call is a sales call, and what is being sold.
///
/// Placeholders are written in braces, in Japanese or English: `{自社名}` / `{ourCompany}`, `{オペレーター名}` /
/// `{agent}`, `{会社名}` / `{company}`, `{担当者名}` / `{contact}`, `{商品}` / `{product}`, `{勧誘目的}` /
/// `{salesPurpose}` (one sentence saying the call is to offer the product).
public struct TalkScript: Sendable, Hashable {
    public enum Placeholder: String, Sendable, CaseIterable {
        case ourCompany, agent, company, contact, product, salesPurpose

        /// The Japanese name written in braces.
        public var japanese: String {
            switch self {
            case .ourCompany: "自社名"
            case .agent: "オペレーター名"
            case .company: "会社名"
            case .contact: "担当者名"
            case .product: "商品"
            case .salesPurpose: "勧誘目的"
            }
        }

        init?(name: Substring) {
            guard let found = Self.allCases.first(where: { $0.rawValue == name || $0.japanese == name }) else {
                return nil
            }
            self = found
        }
    }

    /// What fills the placeholders for one call.
    public struct Values: Sendable, Hashable {
        public var ourCompany: String
        public var agent: String
        public var company: String
        public var contact: String
        public var product: String

        public init(ourCompany: String, agent: String, company: String, contact: String, product: String) {
            self.ourCompany = ourCompany
            self.agent = agent
            self.company = company
            self.contact = contact
            self.product = product
        }
    }

    public static let maximumLength = 4000

    public let text: String

    /// A script as a manager typed it; a placeholder that does not exist or an unclosed brace is refused, naming it.
    public static func parse(_ text: String) -> Result<TalkScript, TalkScriptProblem> {
        guard text.count <= maximumLength else { return .failure(.tooLong(maximum: maximumLength)) }
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "｛" }) {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(where: { $0 == "}" || $0 == "｝" }) else {
                return .failure(.unclosedBrace)
            }
            let name = rest[after..<close]
            guard Placeholder(name: name) != nil else { return .failure(.unknownPlaceholder(String(name))) }
            rest = rest[rest.index(after: close)...]
        }
        return .success(TalkScript(text: text))
    }

    private init(text: String) {
        self.text = text
    }

    /// The script for one call in `language`. An empty customer name reads as 「ご担当者様」.
    public func rendered(with values: Values, in language: Language) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "｛" }),
            let close = rest[rest.index(after: open)...].firstIndex(where: { $0 == "}" || $0 == "｝" })
        {
            output += rest[..<open]
            let name = rest[rest.index(after: open)..<close]
            output += Placeholder(name: name).map { value(of: $0, values, language) } ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    private func value(of placeholder: Placeholder, _ values: Values, _ language: Language) -> String {
        switch placeholder {
        case .ourCompany: values.ourCompany
        case .agent: values.agent
        case .company: values.company
        case .contact:
            values.contact.isEmpty ? Label.talkScriptContactUnknown.text(in: language) : values.contact
        case .product: values.product
        case .salesPurpose: Message.talkScriptSalesPurpose(product: values.product).text(in: language)
        }
    }
}

/// Why a talk script cannot be saved.
public enum TalkScriptProblem: Error, Hashable, UserExplainable {
    case tooLong(maximum: Int)
    case unclosedBrace
    case unknownPlaceholder(String)

    public var explanation: LocalizedText {
        switch self {
        case .tooLong(let maximum): Message.deskTextTooLong(maximum: maximum).text
        case .unclosedBrace: Label.talkScriptUnclosedBrace.text
        case .unknownPlaceholder(let name): Message.talkScriptUnknownPlaceholder(name: name).text
        }
    }
}
