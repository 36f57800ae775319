import Foundation

/// Dates as the tenant's people read them, in the tenant's time zone (Asia/Tokyo unless it says otherwise).
struct TenantCalendar: Sendable {
    let timeZone: TimeZone

    init(identifier: String) {
        timeZone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "Asia/Tokyo")!
    }

    init(zone: TimeZone) {
        timeZone = zone
    }

    /// `2024-11-05`, the day `date` falls on.
    func day(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// The manual's format: `2024年11月05日 14:40:28`.
    func manualDateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d年%02d月%02d日 %02d:%02d:%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }

    /// To the minute: `2024年11月05日 14:40`.
    func minuteDateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d年%02d月%02d日 %02d:%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!)
    }

    /// The first instant of a `yyyy-MM-dd` day in the tenant's time zone.
    func startOfDay(_ day: String) -> Date? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }
}
