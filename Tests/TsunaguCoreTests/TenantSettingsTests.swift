import Foundation
import Testing
import TsunaguCore

@Suite struct TenantSettingsTests {
    /// Settings stored by an older version (fewer keys, an unknown value) still load, with defaults for the rest.
    @Test func decodesPartialStoredSettings() throws {
        let json = #"{"dialingMode":"manual","ringTimeoutSeconds":45,"fetchMode":"sometimes"}"#
        let settings = try JSONDecoder().decode(TenantSettings.self, from: Data(json.utf8))
        #expect(settings.dialingMode == .manual && settings.ringTimeoutSeconds == 45)
        #expect(
            settings.fetchMode == .manual && settings.workListCap == 500 && settings.timeZoneIdentifier == "Asia/Tokyo")
    }

    /// The ring timeout never exceeds 120 s; the work list never exceeds 500 rows.
    @Test func clampsToLegalRanges() {
        var settings = TenantSettings()
        settings.ringTimeoutSeconds = 600
        settings.workListCap = 10_000
        settings.doubleDialGuardMinutes = -3
        #expect(settings.clamped.ringTimeoutSeconds == 120)
        #expect(settings.deskSettings.workListCap == 500)
        #expect(settings.deskSettings.doubleDialGuardSeconds == 0)
    }

    @Test func roundTrips() throws {
        var settings = TenantSettings()
        settings.customerEdit = .own
        let data = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(TenantSettings.self, from: data) == settings)
    }
}
