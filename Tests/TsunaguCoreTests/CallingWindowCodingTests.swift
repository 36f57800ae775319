import Foundation
import Testing
import TsunaguCore

/// The calling window inside the tenant's stored settings.
@Suite struct CallingWindowCodingTests {
    typealias F = CallingWindowFixtures

    /// Settings stored before the calling window existed load with the default window.
    @Test func oldSettingsGetTheDefaultWindow() throws {
        let json = #"{"dialingMode":"manual","timeZoneIdentifier":"Asia/Tokyo"}"#
        let settings = try JSONDecoder().decode(TenantSettings.self, from: Data(json.utf8))
        #expect(settings.callingWindow == .default)
        #expect(TenantSettings().callingWindow == .default)
    }

    /// A window that cannot be read (an impossible time) keeps the default rather than failing the settings.
    @Test func unreadableWindowKeepsTheDefault() throws {
        let json = #"{"callingWindow":{"schedule":{"monday":["25:00-26:00"]}},"workListCap":100}"#
        let settings = try JSONDecoder().decode(TenantSettings.self, from: Data(json.utf8))
        #expect(settings.callingWindow == .default && settings.workListCap == 100)
    }

    @Test func roundTripsInsideTheSettings() throws {
        var settings = TenantSettings()
        settings.callingWindow.schedule[.saturday] = [F.range("10:00-12:00"), F.range("13:00-17:00")]
        settings.callingWindow.holidaysClosed = false
        settings.callingWindow.closedDays.append(try ClosedDay.parse("2026/05/01-2026/05/06").get())
        let data = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(TenantSettings.self, from: data) == settings)
    }

    /// The stored form is readable: times and days as people write them.
    @Test func storedFormIsReadable() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(CallingWindow.default), as: UTF8.self)
        #expect(
            json == #"{"closedDays":["12/29-1/3"],"holidaysClosed":true,"schedule":{"friday":["09:00-20:00"],"#
                + #""monday":["09:00-20:00"],"saturday":[],"sunday":[],"thursday":["09:00-20:00"],"#
                + #""tuesday":["09:00-20:00"],"wednesday":["09:00-20:00"]}}"#)
        let partial = #"{"schedule":{"monday":["10:00-19:00"]}}"#
        let window = try JSONDecoder().decode(CallingWindow.self, from: Data(partial.utf8))
        #expect(window.schedule[.monday] == [F.range("10:00-19:00")] && window.schedule[.tuesday].isEmpty)
        #expect(window.holidaysClosed && window.closedDays == CallingWindow.default.closedDays)
    }
}
