import Foundation
import NIOConcurrencyHelpers
import TsunaguCore

/// Tenant settings as the check before a dial reads them, decoded once per stored text: the check still reads the
/// stored text in its transaction every time (so a change made on 設定 before a dial decides that dial), and only
/// decodes it again when the text differs from what it decoded last.
final class TenantSettingsCache: Sendable {
    /// A tenant's settings and the time zone they name.
    struct Entry: Sendable {
        var settings: TenantSettings
        var timeZone: TimeZone
    }

    private let entries = NIOLockedValueBox([UUID: (stored: String, entry: Entry)]())

    /// The settings stored as `text` for `tenantID`.
    func settings(of tenantID: UUID, stored text: String) throws -> Entry {
        if let cached = entries.withLockedValue({ $0[tenantID] }), cached.stored == text { return cached.entry }
        let settings = try JSONDecoder().decode(TenantSettings.self, from: Data(text.utf8))
        let entry = Entry(
            settings: settings,
            timeZone: TimeZone(identifier: settings.timeZoneIdentifier) ?? TimeZone(identifier: "Asia/Tokyo")!)
        entries.withLockedValue { $0[tenantID] = (text, entry) }
        return entry
    }
}
