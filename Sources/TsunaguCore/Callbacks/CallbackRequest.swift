import Foundation

/// What an agent types to make a 再架電 a timed callback: a date, a time and a note, read on the tenant's clock.
/// Left blank, the 再架電 is the plain tick it has always been.
public struct CallbackRequest: Sendable, Hashable {
    public var dueAt: Date
    /// Trimmed; may be empty.
    public var note: String

    public init(dueAt: Date, note: String) {
        self.dueAt = dueAt
        self.note = note
    }

    /// The longest note, in characters.
    public static let noteMaximumLength = 1000

    /// Reads the phone screen's fields: a date (`2026-12-08` as a date field sends it, or `2026/12/8`), a time
    /// (`14:30`, or `14:30:15`), a note; full-width digits are read too. Nil when all three are blank: a plain 再架電. Refused: a
    /// date or time that cannot be read, a time before the current minute, a time the calling window is closed at
    /// (with its next opening after that time, so the agent knows what to type instead), a note too long.
    ///
    /// `window` is the one in force for the row: the tenant's narrowed by its list's. A time of the current minute is
    /// accepted, so "call back now" is possible; the clock does not tick while the agent types.
    public static func parse(
        date: String, time: String, note: String, now: Date, window: CallingWindow, timeZone: TimeZone,
        isHoliday: (CivilDate) -> Bool = CallingWindow.isJapaneseHoliday
    ) -> Result<CallbackRequest?, CallbackProblem> {
        let (typedDate, typedTime, typedNote) = (
            date.trimmingWhitespace(), time.trimmingWhitespace(), note.trimmingWhitespace()
        )
        if typedDate.isEmpty && typedTime.isEmpty && typedNote.isEmpty { return .success(nil) }
        if typedDate.isEmpty { return .failure(.dateRequired) }
        if typedTime.isEmpty { return .failure(.timeRequired) }
        guard let day = civilDate(typedDate) else { return .failure(.invalidDate(typedDate)) }
        // 24:00 ends a range of the window; as a moment to call it is the next day's 0:00, so it must be typed so.
        guard let (clock, seconds) = clockTime(typedTime), clock < .endOfDay else {
            return .failure(.invalidTime(typedTime))
        }
        let local = LocalDateTime(date: day, time: clock)
        if local < LocalDateTime(now, in: timeZone) { return .failure(.inThePast) }
        // A time the clock skips (a daylight-saving jump) is the first instant after it.
        let dueAt = local.firstInstant(in: timeZone).addingTimeInterval(TimeInterval(seconds))
        guard window.isOpen(at: dueAt, in: timeZone, isHoliday: isHoliday) else {
            let next = window.nextOpening(after: dueAt, in: timeZone, isHoliday: isHoliday)
            return .failure(.outsideWindow(nextOpening: next.map { LocalDateTime($0, in: timeZone) }))
        }
        if typedNote.hasMoreCharacters(than: noteMaximumLength) {
            return .failure(.noteTooLong(maximum: noteMaximumLength))
        }
        return .success(CallbackRequest(dueAt: dueAt, note: typedNote))
    }

    /// `14:30`, or `14:30:15` as a time field with seconds sends it: the time of day and the seconds.
    static func clockTime(_ text: String) -> (TimeOfDay, Int)? {
        let folded = text.foldingFullWidthASCII
        let parts = folded.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            guard case .success(let clock) = TimeOfDay.parse(text) else { return nil }
            return (clock, 0)
        }
        guard parts[2].count == 2, parts[2].allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Int(parts[2]),
            seconds < 60, case .success(let clock) = TimeOfDay.parse(parts[0...1].joined(separator: ":"))
        else { return nil }
        return (clock, seconds)
    }

    /// `2026-12-08`, `2026/12/08` or `2026/12/8`, full-width digits too; nil for anything else or a day the calendar
    /// does not have.
    static func civilDate(_ text: String) -> CivilDate? {
        let folded = text.foldingFullWidthASCII
        let separator: Character = folded.contains("/") ? "/" : "-"
        let parts = folded.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let year = Int(parts[0]),
            let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}
