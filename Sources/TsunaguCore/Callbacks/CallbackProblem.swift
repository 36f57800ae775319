/// Why a 再架電 date, time or note cannot be taken as typed. Nothing is changed then: the screen shows the message and
/// keeps what was typed.
public enum CallbackProblem: Error, Sendable, Hashable, UserExplainable {
    /// A time or a note without a date.
    case dateRequired
    /// A date or a note without a time.
    case timeRequired
    /// Not a date on the calendar (2026-02-30, 12/8).
    case invalidDate(String)
    /// Not a time of day (25:00, 14:3, 24:00).
    case invalidTime(String)
    /// Before the current minute.
    case inThePast
    /// The calling window is closed then; when it opens next after that time on the tenant's clock, or nil when no
    /// day is open at all.
    case outsideWindow(nextOpening: LocalDateTime?)
    case noteTooLong(maximum: Int)

    public var explanation: LocalizedText {
        switch self {
        case .dateRequired: Label.callbackDateRequired.text
        case .timeRequired: Label.callbackTimeRequired.text
        case .invalidDate(let text): Message.callbackInvalidDate(text: text).text
        case .invalidTime(let text): Message.callbackInvalidTime(text: text).text
        case .inThePast: Label.callbackInThePast.text
        case .outsideWindow(let next?): Message.callbackOutsideWindow(next: next).text
        case .outsideWindow(nil): Label.callingWindowNoOpenDay.text
        case .noteTooLong(let maximum): Message.callbackNoteTooLong(maximum: maximum).text
        }
    }
}
