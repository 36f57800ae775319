/// What a manager types on the 架電禁止リスト page and on 顧客編集: the note added with a number and the reason a bar
/// is lifted. A bar is lifted only with a reason (再勧誘の禁止: who lifted a refusal, and why, is kept for good).
public enum DialBarInput {
    /// The longest reason kept with a lift, in characters.
    public static let reasonMaximumLength = 500

    public enum Problem: Error, Sendable, Equatable, UserExplainable {
        case reasonRequired
        case reasonTooLong(maximum: Int)
        case noteTooLong(maximum: Int)

        public var explanation: LocalizedText {
            switch self {
            case .reasonRequired: Label.doNotCallReasonRequired.text
            case .reasonTooLong(let maximum): Message.doNotCallReasonTooLong(maximum: maximum).text
            case .noteTooLong(let maximum): Message.doNotCallNoteTooLong(maximum: maximum).text
            }
        }
    }

    /// The note, trimmed; none is an empty note.
    public static func note(_ text: String?) -> Result<String, Problem> {
        let note = (text ?? "").trimmingWhitespace()
        let maximum = DoNotCallCSVImport.noteMaximumLength
        return note.hasMoreCharacters(than: maximum) ? .failure(.noteTooLong(maximum: maximum)) : .success(note)
    }

    /// The reason for lifting a bar, trimmed; it may not be empty.
    public static func liftReason(_ text: String?) -> Result<String, Problem> {
        let reason = (text ?? "").trimmingWhitespace()
        if reason.isEmpty { return .failure(.reasonRequired) }
        if reason.hasMoreCharacters(than: reasonMaximumLength) {
            return .failure(.reasonTooLong(maximum: reasonMaximumLength))
        }
        return .success(reason)
    }
}
