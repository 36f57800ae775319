/// A date and time as a message names it: 12月8日(月) 9:00 and Mon 8 Dec 9:00. No year: the times a message names
/// (the next opening of the calling window) are days ahead, not years.
extension LocalDateTime {
    public var text: LocalizedText {
        let weekday = date.weekday.rawValue
        return LocalizedText(
            ja: "\(date.month)月\(date.day)日(\(Self.japaneseWeekdays[weekday])) \(time)",
            en: "\(Self.englishWeekdays[weekday]) \(date.day) \(Self.englishMonths[date.month - 1]) \(time)")
    }

    /// Sunday first, as `Weekday` counts.
    private static let japaneseWeekdays = ["日", "月", "火", "水", "木", "金", "土"]
    private static let englishWeekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let englishMonths = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
}
