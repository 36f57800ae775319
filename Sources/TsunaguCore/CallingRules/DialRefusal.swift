import Foundation

/// Why a dial was held back. A row held back shows it (「架電禁止」「時間外」「再発信制限」「再架電待ち 14:35」「上限到達」)
/// and the walk moves on; a manual dial gets a message.
public enum DialRefusal: Sendable, Hashable, Codable {
    /// The number or the customer is on the 架電禁止リスト or refused further calls (特定商取引法 §17).
    case barred
    /// Outside the calling window; the next time calls are allowed, or nil when no day is open.
    case outsideWindow(nextOpening: Date?)
    /// The number was dialled twice in the preceding 180 s (端末設備等規則 第32条の3).
    case redialLimit
    /// The retry rules' wait after the last unanswered call has not passed.
    case notDue(until: Date)
    /// The customer has had the most attempts the retry rules allow on this list.
    case attemptLimitReached
    /// The last call found the number invalid: never dialled again automatically.
    case invalidNumber
    /// The timed callback was taken by another agent first (or withdrawn) before this dial was recorded.
    case callbackTaken

    /// The window closed: auto-dial stops instead of walking on, since every later row would be refused too.
    public var stopsTheWalk: Bool {
        if case .outsideWindow = self { return true }
        return false
    }

    /// The short text the row shows, times in `timeZone`.
    public func rowLabel(in timeZone: TimeZone) -> LocalizedText {
        switch self {
        case .barred: Label.dialHoldBarred.text
        case .outsideWindow: Label.dialHoldOutsideWindow.text
        case .redialLimit: Label.dialHoldRedialLimit.text
        case .notDue(let until): Message.dialHoldNotDue(time: Self.clockTime(until, in: timeZone)).text
        case .attemptLimitReached: Label.dialHoldAttemptLimit.text
        case .invalidNumber: Label.dialHoldInvalidNumber.text
        case .callbackTaken: Label.dialHoldCallbackTaken.text
        }
    }

    /// The message for the agent, times in `timeZone`.
    public func explanation(in timeZone: TimeZone) -> LocalizedText {
        switch self {
        case .barred: Label.dialRefusedBarred.text
        case .outsideWindow(let next): CallingWindowNotice.refusal(nextOpening: next, in: timeZone)
        case .redialLimit: Label.dialRefusedRedialLimit.text
        case .notDue(let until): Message.dialRefusedNotDue(time: Self.clockTime(until, in: timeZone)).text
        case .attemptLimitReached: Label.dialRefusedAttemptLimit.text
        case .invalidNumber: Label.dialRefusedInvalidNumber.text
        case .callbackTaken: Label.dialRefusedCallbackTaken.text
        }
    }

    /// `14:35` in `timeZone`.
    static func clockTime(_ date: Date, in timeZone: TimeZone) -> String {
        let parts = CivilDate.calendar(timeZone).dateComponents([.hour, .minute], from: date)
        return String(format: "%d:%02d", parts.hour!, parts.minute!)
    }
}
