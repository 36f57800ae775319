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
            Label.numberEmpty.text
        case .containsLetters:
            Label.numberContainsLetters.text
        case .invalidCharacters(let characters):
            Message.phoneNumberInvalidCharacters(characters).text
        case .tooShort:
            Label.numberTooShort.text
        case .tooLong:
            Label.numberTooLong.text
        case .notJapanese:
            Label.numberNotJapanese.text
        case .notAssigned:
            Label.numberNotAssigned.text
        case .specialServiceNumber:
            Label.numberSpecialService.text
        }
    }
}
