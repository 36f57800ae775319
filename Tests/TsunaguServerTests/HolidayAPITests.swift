import Foundation
import Testing
import Vapor

@testable import TsunaguServer

/// `GET /api/v1/calendar/holidays?year=YYYY`: the computed holidays as JSON, for signed-in users, 2000–2099 only.
@Suite struct HolidayAPITests {
    struct Holiday: Decodable, Equatable {
        var date: String
        var name: String
    }

    @Test func holidaysOfAYearAsJSON() async throws {
        try await withTestApp { app, client in
            _ = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            let response = try await client.send(.GET, "/api/v1/calendar/holidays?year=2026")
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.subType == "json")
            let holidays = try JSONDecoder().decode([Holiday].self, from: Data(response.body.readableBytesView))
            #expect(holidays.first == Holiday(date: "2026-01-01", name: "元日"))
            #expect(holidays.contains(Holiday(date: "2026-09-22", name: "国民の休日")))
            // 憲法記念日 2026-05-03 is a Sunday: 5/4 and 5/5 are holidays, so the substitute is 5/6.
            #expect(holidays.contains(Holiday(date: "2026-05-06", name: "振替休日")))
            #expect(holidays.map(\.date) == holidays.map(\.date).sorted())
        }
    }

    /// A year outside 2000–2099, or not a year, is 400 with a message in the user's language; nothing else answers.
    @Test(arguments: ["1999", "2100", "abc", "", "20266", "２０２６", "-2026"])
    func badYearsAreRefused(year: String) async throws {
        try await withTestApp { app, client in
            _ = try await TwoTenants.create(on: app.db)
            _ = try await client.signIn(tenant: "alpha", loginID: "agent", password: TwoTenants.password)
            let query = year.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let response = try await client.send(.GET, "/api/v1/calendar/holidays?year=\(query)")
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("2000〜2099"))
            let english = try await client.send(.GET, "/api/v1/calendar/holidays?year=\(query)&lang=en")
            #expect(english.body.string.contains("from 2000 to 2099"))
        }
    }

    @Test func signedOutIsRefused() async throws {
        try await withTestApp { _, client in
            let response = try await client.send(.GET, "/api/v1/calendar/holidays?year=2026")
            #expect(response.status == .unauthorized)
        }
    }
}
