import Foundation

/// What a person reads when 開始, 発信 or the dial pad is refused outside the calling window.
public enum CallingWindowNotice {
    /// 「架電可能時間外です。次は12月8日(月) 9:00 から架電できます。」, the time on the tenant's clock; or, when no day is
    /// open (`nextOpening` nil), a request to check the settings.
    public static func refusal(nextOpening: Date?, in timeZone: TimeZone) -> LocalizedText {
        guard let nextOpening else { return Label.callingWindowNoOpenDay.text }
        return Message.callingWindowClosedUntil(next: LocalDateTime(nextOpening, in: timeZone)).text
    }
}
