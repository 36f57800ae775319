import TsunaguCore
import Vapor

/// `GET /api/v1/calendar/holidays?year=2026`: Japan's public holidays of a year, computed by rule
/// (`JapaneseHolidays`), for any signed-in user: `[{"date":"2026-09-22","name":"国民の休日"}, …]`. A substitute
/// holiday is named 振替休日. Years 2000–2099; anything else is 400 with a message in the user's language.
struct HolidayAPIController: RouteCollection {
    struct Holiday: Content {
        var date: String
        var name: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("api", "v1", "calendar", "holidays", use: holidays)
    }

    @Sendable func holidays(request: Request) async throws -> Response {
        let text = request.query[String.self, at: "year"] ?? ""
        guard let year = Self.year(text) else {
            throw Abort(
                .badRequest,
                reason: request.text(
                    .holidayYearOutOfRange(
                        lowest: JapaneseHolidays.supportedYears.lowerBound,
                        highest: JapaneseHolidays.supportedYears.upperBound)))
        }
        let holidays = JapaneseHolidays.holidays(in: year).map {
            Holiday(date: $0.date.description, name: $0.name)
        }
        return try await holidays.encodeResponse(for: request)
    }

    /// Four digits inside the supported years, or nil.
    static func year(_ text: String) -> Int? {
        guard text.count == 4, text.allSatisfy(\.isASCII), let year = Int(text),
            JapaneseHolidays.supportedYears.contains(year)
        else { return nil }
        return year
    }
}
