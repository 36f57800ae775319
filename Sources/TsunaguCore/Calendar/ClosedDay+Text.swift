/// Closed days as the settings show, read and store them: `12/29-1/3` and `5/1` every year, `2026/05/01` and
/// `2026/05/01-2026/05/06` on particular dates.
extension ClosedDay: CustomStringConvertible, Codable {
    public var description: String {
        switch self {
        case .yearly(let from, let through):
            from == through ? "\(from)" : "\(from)-\(through)"
        case .dated(let from, let through):
            from == through ? Self.text(from) : "\(Self.text(from))-\(Self.text(through))"
        }
    }

    /// What people type: `12/29-1/3`, `12/29〜1/3`, `5/1`, `2026/5/1`, `2026-05-01`, `2026/05/01〜2026/05/06`, also
    /// with full-width digits. A year on one end needs a year on the other.
    public static func parse(_ text: String) -> Result<ClosedDay, CallingWindowProblem> {
        let typed = text.trimmingWhitespace()
        let folded = typed.foldingFullWidthASCII
        let invalid = CallingWindowProblem.invalidClosedDay(typed)
        let ends: [String]
        if folded.contains(where: { TimeRange.separators.contains($0) && $0 != "-" }) {
            ends = folded.split(omittingEmptySubsequences: false) { TimeRange.separators.contains($0) && $0 != "-" }
                .map(String.init)
        } else if CivilDate(iso: folded) != nil {
            ends = [folded]
        } else {
            ends = folded.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        }
        switch ends.count {
        case 1:
            if let day = monthDay(ends[0]) { return .success(.yearly(from: day, through: day)) }
            if let date = date(ends[0]) { return .success(.dated(from: date, through: date)) }
        case 2:
            if let from = monthDay(ends[0]), let through = monthDay(ends[1]) {
                return .success(.yearly(from: from, through: through))
            }
            if let from = date(ends[0]), let through = date(ends[1]) {
                return from <= through
                    ? .success(.dated(from: from, through: through)) : .failure(.closedDaysReversed(typed))
            }
        default:
            break
        }
        return .failure(invalid)
    }

    /// `12/29`.
    private static func monthDay(_ text: String) -> MonthDay? {
        let parts = numbers(text, separator: "/")
        guard parts.count == 2 else { return nil }
        return MonthDay(month: parts[0], day: parts[1])
    }

    /// `2026/5/1` or `2026-05-01`.
    private static func date(_ text: String) -> CivilDate? {
        let trimmed = text.trimmingWhitespace()
        if let date = CivilDate(iso: trimmed) { return date }
        let parts = numbers(trimmed, separator: "/")
        guard parts.count == 3, parts[0] >= 1000 else { return nil }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }

    /// The numbers between separators, or nothing when a part is not a number of at most four digits.
    private static func numbers(_ text: String, separator: Character) -> [Int] {
        let parts = text.trimmingWhitespace().split(separator: separator, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return []
        }
        return parts.compactMap { Int($0) }
    }

    /// `2026/05/01`.
    private static func text(_ date: CivilDate) -> String {
        "\(date.year)/\(date.month < 10 ? "0" : "")\(date.month)/\(date.day < 10 ? "0" : "")\(date.day)"
    }

    /// Stored as its text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        self = try Self.parse(decoder.singleValueContainer().decode(String.self)).get()
    }
}
