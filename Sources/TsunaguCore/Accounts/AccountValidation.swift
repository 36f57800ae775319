/// Checks for the fields of a user account, with messages people understand.
public enum AccountValidation {
    public enum Problem: Error, Sendable, Hashable, UserExplainable {
        case required(LocalizedText)
        case tooLong(LocalizedText, maximum: Int)
        case loginIDCharacters
        case extensionCharacters
        case invalidEmail
        case passwordTooShort(minimum: Int)
        case passwordTooLong
        case passwordSameAsLoginID

        public var explanation: LocalizedText {
            switch self {
            case .required(let field):
                LocalizedText(ja: "\(field.ja)を入力してください。", en: "Please enter \(field.en.lowercased()).")
            case .tooLong(let field, let maximum):
                LocalizedText(
                    ja: "\(field.ja)は\(maximum)文字以内で入力してください。", en: "\(field.en) must be at most \(maximum) characters."
                )
            case .loginIDCharacters:
                LocalizedText(
                    ja: "ログインIDは半角英数字と「.」「_」「-」で入力してください。",
                    en: "The login ID may use letters, digits, “.”, “_” and “-” only.")
            case .extensionCharacters:
                LocalizedText(ja: "内線番号は半角数字で入力してください。", en: "The extension must be digits.")
            case .invalidEmail:
                LocalizedText(ja: "メールアドレスの形式が正しくありません。", en: "The email address is not valid.")
            case .passwordTooShort(let minimum):
                LocalizedText(
                    ja: "パスワードは\(minimum)文字以上にしてください。", en: "The password must have at least \(minimum) characters.")
            case .passwordTooLong:
                LocalizedText(ja: "パスワードが長すぎます(72バイトまで)。", en: "The password is too long (72 bytes at most).")
            case .passwordSameAsLoginID:
                LocalizedText(ja: "ログインIDと同じパスワードは使えません。", en: "The password cannot be the same as the login ID.")
            }
        }
    }

    public static let nameLabel = LocalizedText(ja: "氏名", en: "Name")
    public static let loginIDLabel = LocalizedText(ja: "ログインID", en: "Login ID")
    public static let groupLabel = LocalizedText(ja: "グループ", en: "Group")
    public static let emailLabel = LocalizedText(ja: "メールアドレス", en: "Email")
    public static let extensionLabel = LocalizedText(ja: "内線番号", en: "Extension")
    public static let passwordLabel = LocalizedText(ja: "パスワード", en: "Password")

    public static let minimumPasswordLength = 8

    public static func name(_ text: String) -> Problem? {
        let value = text.trimmingWhitespace()
        if value.isEmpty { return .required(nameLabel) }
        return value.count > 100 ? .tooLong(nameLabel, maximum: 100) : nil
    }

    public static func loginID(_ text: String) -> Problem? {
        if text.isEmpty { return .required(loginIDLabel) }
        if text.count > 64 { return .tooLong(loginIDLabel, maximum: 64) }
        let allowed = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_"
                || $0 == "-"
        }
        return allowed ? nil : .loginIDCharacters
    }

    public static func group(_ text: String) -> Problem? {
        text.count > 100 ? .tooLong(groupLabel, maximum: 100) : nil
    }

    /// Empty is allowed (the user then cannot reset a forgotten password by mail).
    public static func email(_ text: String) -> Problem? {
        if text.isEmpty { return nil }
        if text.count > 254 { return .tooLong(emailLabel, maximum: 254) }
        return EmailAddress.isPlausible(text) ? nil : .invalidEmail
    }

    public static func phoneExtension(_ text: String) -> Problem? {
        if text.count > 10 { return .tooLong(extensionLabel, maximum: 10) }
        return text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) ? nil : .extensionCharacters
    }

    /// bcrypt reads at most 72 bytes, so longer passwords are refused rather than silently cut.
    public static func password(_ text: String, loginID: String) -> Problem? {
        if text.count < minimumPasswordLength { return .passwordTooShort(minimum: minimumPasswordLength) }
        if text.utf8.count > 72 { return .passwordTooLong }
        return text == loginID ? .passwordSameAsLoginID : nil
    }
}
