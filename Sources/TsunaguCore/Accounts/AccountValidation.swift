/// Checks for the fields of a user account, with messages people understand.
public enum AccountValidation {
    public enum Problem: Error, Sendable, Hashable, UserExplainable {
        case required(Label)
        case tooLong(Label, maximum: Int)
        case loginIDCharacters
        case extensionCharacters
        case invalidEmail
        case passwordTooShort(minimum: Int)
        case passwordTooLong
        case passwordSameAsLoginID

        public var explanation: LocalizedText {
            switch self {
            case .required(let field):
                Message.accountRequired(field).text
            case .tooLong(let field, let maximum):
                Message.accountTooLong(field, maximum: maximum).text
            case .loginIDCharacters:
                Label.accountLoginIDInvalid.text
            case .extensionCharacters:
                Label.accountExtensionInvalid.text
            case .invalidEmail:
                Label.accountEmailInvalid.text
            case .passwordTooShort(let minimum):
                Message.accountPasswordTooShort(minimum: minimum).text
            case .passwordTooLong:
                Label.accountPasswordTooLong.text
            case .passwordSameAsLoginID:
                Label.accountPasswordIsLoginID.text
            }
        }
    }

    public static let nameLabel = Label.accountName
    public static let loginIDLabel = Label.accountLoginID
    public static let groupLabel = Label.accountGroup
    public static let emailLabel = Label.accountEmail
    public static let extensionLabel = Label.accountExtension
    public static let passwordLabel = Label.accountPassword

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
