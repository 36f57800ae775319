/// Why a text is not a Japanese telephone number we can dial.
public enum PhoneNumberError: Error, Sendable, Hashable, UserExplainable {
    case empty
    case containsLetters
    case invalidCharacters(String)
    case tooShort
    case tooLong
    /// A country code other than +81.
    case notJapanese
    /// A number range that carries no voice calls (020, 060, 0990, a leading 00…).
    case notAssigned
    /// 110, 119, 117, 177, 104 and the like.
    case specialServiceNumber

    public var explanation: LocalizedText {
        switch self {
        case .empty:
            LocalizedText(ja: "電話番号が入力されていません。", en: "The phone number is empty.")
        case .containsLetters:
            LocalizedText(ja: "電話番号に英字が含まれています。", en: "The phone number contains letters.")
        case .invalidCharacters(let characters):
            LocalizedText(
                ja: "電話番号に使えない文字「\(characters)」が含まれています。",
                en: "The phone number contains a character that is not allowed: “\(characters)”."
            )
        case .tooShort:
            LocalizedText(ja: "電話番号の桁数が足りません。", en: "The phone number is too short.")
        case .tooLong:
            LocalizedText(ja: "電話番号の桁数が多すぎます。", en: "The phone number is too long.")
        case .notJapanese:
            LocalizedText(
                ja: "日本の電話番号ではありません(+81 以外の国番号)。", en: "This is not a Japanese number (country code other than +81).")
        case .notAssigned:
            LocalizedText(ja: "この番号帯には発信できません。", en: "Calls cannot be placed to this number range.")
        case .specialServiceNumber:
            LocalizedText(
                ja: "緊急通報・特殊番号(110、119、117 など)は登録できません。",
                en: "Emergency and special service numbers (110, 119, 117…) cannot be used."
            )
        }
    }
}
