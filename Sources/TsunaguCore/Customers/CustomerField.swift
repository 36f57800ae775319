/// A column of the customer CSV: its Japanese header as in the manual, and the names people also use for it.
public enum CustomerField: String, Sendable, Codable, CaseIterable {
    case kind
    case industry
    case company
    case companyKana
    case contactName
    case phone
    case prefecture
    case address
    case email
    case note

    /// Position in `allCases`, for per-row storage without hashing.
    var ordinal: Int {
        switch self {
        case .kind: 0
        case .industry: 1
        case .company: 2
        case .companyKana: 3
        case .contactName: 4
        case .phone: 5
        case .prefecture: 6
        case .address: 7
        case .email: 8
        case .note: 9
        }
    }

    /// The header the product writes and shows.
    public var japaneseHeader: String {
        switch self {
        case .kind: "区分"
        case .industry: "業種"
        case .company: "会社名"
        case .companyKana: "会社名フリガナ"
        case .contactName: "担当者名"
        case .phone: "電話番号"
        case .prefecture: "都道府県"
        case .address: "住所"
        case .email: "メールアドレス"
        case .note: "顧客備考"
        }
    }

    /// The field's name on pages, from the catalog (its Japanese is the header above).
    public var label: LocalizedText {
        let label: Label =
            switch self {
            case .kind: .fieldKind
            case .industry: .fieldIndustry
            case .company: .fieldCompany
            case .companyKana: .fieldCompanyKana
            case .contactName: .fieldContactName
            case .phone: .fieldPhone
            case .prefecture: .fieldPrefecture
            case .address: .fieldAddress
            case .email: .fieldEmail
            case .note: .fieldNote
            }
        return label.text
    }

    /// Longest value accepted, in characters.
    public var maximumLength: Int {
        switch self {
        case .kind: 10
        case .industry, .contactName, .prefecture: 100
        case .company, .companyKana, .email: 200
        case .phone: 40
        case .address: 300
        case .note: 2000
        }
    }

    private var aliases: [String] {
        switch self {
        case .kind: ["区分", "種別", "法人個人", "kind", "type", "customertype"]
        case .industry: ["業種", "業界", "industry"]
        case .company: ["会社名", "会社", "企業名", "法人名", "社名", "company", "companyname", "organization"]
        case .companyKana:
            ["会社名フリガナ", "会社名ふりがな", "会社名カナ", "フリガナ", "ふりがな", "カナ", "companykana", "kana", "furigana"]
        case .contactName: ["担当者名", "担当者", "氏名", "名前", "contact", "contactname", "name", "person"]
        case .phone: ["電話番号", "電話", "tel", "telephone", "phone", "phonenumber", "電話番号1"]
        case .prefecture: ["都道府県", "prefecture", "state"]
        case .address: ["住所", "所在地", "address"]
        case .email: ["メールアドレス", "メール", "eメール", "email", "mail", "emailaddress", "mailaddress"]
        case .note: ["顧客備考", "備考", "メモ", "note", "notes", "memo", "remarks", "comment"]
        }
    }

    private static let byAlias: [String: CustomerField] = {
        var map: [String: CustomerField] = [:]
        for field in allCases {
            for alias in field.aliases { map[normalizedHeader(alias)] = field }
        }
        return map
    }()

    /// The field a CSV header names, if any.
    public init?(header: String) {
        guard let field = Self.byAlias[Self.normalizedHeader(header)] else { return nil }
        self = field
    }

    /// Header comparison ignores case, width, spaces, `_`, `-`, `・` and the `(必須)` style markers.
    static func normalizedHeader(_ header: String) -> String {
        var result = ""
        var depth = 0
        for scalar in header.unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            guard let normalized = Unicode.Scalar(value) else { continue }
            switch normalized {
            case "(", "[", "（", "【": depth += 1
            case ")", "]", "）", "】": depth = max(0, depth - 1)
            case " ", "\u{3000}", "_", "-", "・", "\u{FEFF}", "\t", "*", "※": continue
            default: if depth == 0 { result.unicodeScalars.append(normalized) }
            }
        }
        return result.lowercased()
    }
}
