/// Stored as one key per weekday with its ranges as text, every day written out so that a day off reads as one:
/// `{"monday": ["09:00-20:00"], "saturday": [], …}`. A weekday missing from stored JSON is off.
extension WeeklySchedule: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DayKey.self)
        self.init()
        for weekday in Weekday.allCases {
            self[weekday] = try container.decodeIfPresent([TimeRange].self, forKey: DayKey(weekday)) ?? []
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DayKey.self)
        for weekday in Weekday.allCases { try container.encode(self[weekday], forKey: DayKey(weekday)) }
    }

    private enum DayKey: String, CodingKey {
        case sunday, monday, tuesday, wednesday, thursday, friday, saturday

        init(_ weekday: Weekday) {
            self = [.sunday, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday][weekday.rawValue]
        }
    }
}
